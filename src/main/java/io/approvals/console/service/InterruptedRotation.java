package io.approvals.console.service;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.KeyVerification;
import io.approvals.console.config.Connection;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.KeyStatus;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.credentials.SecretStore;
import java.util.Optional;

/**
 * A rotation that stopped between two steps, found by its pending entry: completes it when the pending key
 * works, rolls it back when the server refuses that key, and asks the server about the stored key when only
 * the marker is left. Run by {@link KeyRotation#recover} with the rotation lock held.
 */
final class InterruptedRotation {
    private final ConnectionService service;
    private final SecretStore secrets;
    private final KeyRotation steps;
    private final RotationFacts facts;

    InterruptedRotation(ConnectionService service, KeyRotation steps, RotationFacts facts) {
        this.service = service;
        this.secrets = service.secrets();
        this.steps = steps;
        this.facts = facts;
    }

    /** Settles the pending entry; the caller holds the rotation lock. */
    Optional<RotationResult> recoverHolding(String profile) {
        String pendingAccount = KeyRotation.pendingAccount(profile);
        Optional<ApiKey> pending = secrets.load(pendingAccount);
        if (pending.isEmpty()) {
            return Optional.empty(); // the other program finished while we waited for the lock
        }
        Optional<Connection> connection = service.connections().find(profile);
        if (connection.isEmpty()) {
            secrets.delete(pendingAccount); // left over from a removed profile
            return Optional.empty();
        }
        Connection c = connection.get();
        Optional<ApiKey> stored = secrets.load(profile);
        if (stored.isPresent() && stored.get().matches(pending.get())) {
            boolean recordedIsOlder = c.verified() != null
                    && !stored.get().fingerprint().equals(c.verified().fingerprint());
            if (recordedIsOlder) {
                // promoted, stopped before the pending entry went and the facts were recorded
                return Optional.of(finishPromoted(c, stored.get()));
            }
            return Optional.of(explainMarker(c, stored.get(), ServiceText.get("interrupted.stopped", profile), null));
        }
        String lead = ServiceText.get("interrupted.lead", profile);
        ApiKey fresh = pending.get();
        KeyVerification verification;
        try {
            verification = facts.client(c, fresh).verifyKey();
        } catch (ApiException.Unauthorized e) {
            return Optional.of(rollBack(c, stored, lead));
        } catch (ApiException e) {
            return Optional.of(new RotationResult(
                    profile,
                    RotationOutcome.UNDECIDED,
                    lead + " " + ServiceText.get("interrupted.uncheckable", e.getMessage()),
                    facts.report(profile, stored.orElse(null)),
                    null,
                    e,
                    null));
        }
        try {
            secrets.save(profile, fresh);
        } catch (KeychainException e) {
            return Optional.of(new RotationResult(
                    profile,
                    RotationOutcome.PENDING,
                    lead + " " + ServiceText.get("interrupted.storeFailed", e.getMessage()),
                    facts.report(profile, stored.orElse(null)),
                    null,
                    e,
                    null));
        }
        try {
            secrets.delete(pendingAccount);
        } catch (KeychainException e) {
            // equal to the stored key now: removed at the next start
        }
        KeyReport report = facts.record(profile, fresh, verification);
        return Optional.of(new RotationResult(
                profile,
                RotationOutcome.COMPLETED,
                lead + " " + ServiceText.get("interrupted.completed", fresh.masked(), fresh.fingerprint()),
                report,
                null,
                null,
                null));
    }

    /** The new key is stored already; only the clean-up and the record of its facts were missing. */
    private RotationResult finishPromoted(Connection c, ApiKey fresh) {
        String profile = c.name();
        String lead = ServiceText.get("interrupted.lead", profile);
        KeyVerification v;
        try {
            v = facts.client(c, fresh).verifyKey();
        } catch (ApiException e) {
            return new RotationResult(
                    profile,
                    RotationOutcome.UNDECIDED,
                    lead + " " + ServiceText.get("interrupted.promotedUncheckable", e.getMessage()),
                    facts.report(profile, fresh),
                    null,
                    e,
                    null);
        }
        steps.discardMarker(profile);
        KeyReport report = facts.record(profile, fresh, v);
        return new RotationResult(
                profile,
                RotationOutcome.COMPLETED,
                lead + " " + ServiceText.get("interrupted.promotedCompleted", fresh.masked(), fresh.fingerprint()),
                report,
                null,
                null,
                null);
    }

    /** The pending key was refused: keep the stored key if it works. */
    private RotationResult rollBack(Connection c, Optional<ApiKey> stored, String lead) {
        String profile = c.name();
        secrets.delete(KeyRotation.pendingAccount(profile)); // refused by the server: worthless
        if (stored.isEmpty()) {
            return new RotationResult(
                    profile,
                    RotationOutcome.NO_WORKING_KEY,
                    lead + " " + ServiceText.get("interrupted.refusedNoOther", RotationFacts.askAdmin(profile)),
                    facts.report(profile, null),
                    null,
                    null,
                    null);
        }
        try {
            KeyVerification v = facts.client(c, stored.get()).verifyKey();
            KeyReport report = facts.record(profile, stored.get(), v);
            return new RotationResult(
                    profile,
                    RotationOutcome.ROLLED_BACK,
                    lead + " "
                            + ServiceText.get(
                                    "interrupted.rolledBack", stored.get().masked()),
                    report,
                    null,
                    null,
                    null);
        } catch (ApiException.Unauthorized e) {
            facts.recordRefused(profile, stored.get());
            return new RotationResult(
                    profile,
                    RotationOutcome.NO_WORKING_KEY,
                    lead + " " + ServiceText.get("interrupted.neither", RotationFacts.askAdmin(profile)),
                    facts.report(profile, stored.get()),
                    null,
                    e,
                    null);
        } catch (ApiException e) {
            return new RotationResult(
                    profile,
                    RotationOutcome.ROLLED_BACK,
                    lead + " " + ServiceText.get("interrupted.rolledBackUnchecked", e.getMessage()),
                    facts.report(profile, stored.get()),
                    null,
                    e,
                    null);
        }
    }

    /**
     * The marker is all that is pending (the server's answer never arrived, or the process stopped before
     * storing it): ask the server what became of the stored key.
     */
    RotationResult explainMarker(Connection c, ApiKey current, String lead, Throwable cause) {
        String profile = c.name();
        KeyVerification v;
        try {
            v = facts.client(c, current).verifyKey();
        } catch (ApiException.Unauthorized e) {
            steps.discardMarker(profile);
            facts.recordRefused(profile, current); // stays visible (key status, the app's banner) after the marker went
            return new RotationResult(
                    profile,
                    RotationOutcome.NEW_KEY_LOST,
                    lead + " " + ServiceText.get("interrupted.storedRefused", RotationFacts.askAdmin(profile)),
                    facts.report(profile, current),
                    null,
                    cause == null ? e : cause,
                    null);
        } catch (ApiException e) {
            return new RotationResult(
                    profile,
                    RotationOutcome.UNDECIDED,
                    lead + " " + ServiceText.get("interrupted.storedUncheckable", e.getMessage()),
                    facts.report(profile, current),
                    null,
                    cause == null ? e : cause,
                    null);
        }
        steps.discardMarker(profile);
        KeyReport report = facts.record(profile, current, v);
        KeyMetadata m = v.metadata();
        if (m != null && m.status() == KeyStatus.EXPIRING) {
            // the marker alone cannot tell the two causes apart: the answer was lost on the way, or it arrived
            // and the keychain could not store it (it vanished or locked mid-rotation)
            return new RotationResult(
                    profile,
                    RotationOutcome.NEW_KEY_LOST,
                    lead + " " + ServiceText.get("interrupted.newKeyLost", String.valueOf(m.expiresAt()), profile),
                    report,
                    m.expiresAt(),
                    cause,
                    null);
        }
        return new RotationResult(
                profile,
                RotationOutcome.NOTHING_CHANGED,
                lead + " " + ServiceText.get("interrupted.nothingChanged"),
                report,
                null,
                cause,
                null);
    }
}
