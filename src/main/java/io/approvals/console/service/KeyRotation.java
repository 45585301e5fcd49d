package io.approvals.console.service;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.KeyVerification;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.Connection;
import io.approvals.console.config.VerifiedKey;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.KeyStatus;
import io.approvals.console.credentials.Availability;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.credentials.SecretStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Rotates a connection's own key, crash-safe in the spirit of {@code aws-vault rotate}:
 * <ol>
 *   <li>{@link #prepare}: the stored key is also written to the <em>pending</em> keychain entry
 *       (account {@code <profile>#pending}) as a marker that a rotation is under way, which also proves
 *       the keychain takes a write right now;</li>
 *   <li>{@link #regenerate}: {@code POST /apikeys/current/regenerate} with the grace period;</li>
 *   <li>{@link #storePending}: the new key replaces the marker in the pending entry;</li>
 *   <li>{@link #verify}: {@code GET /apikeys/current} with the new key;</li>
 *   <li>{@link #promote}: the new key replaces the connection's entry (save reads it back);</li>
 *   <li>{@link #removePending}, then {@link #record} what the server said.</li>
 * </ol>
 * If anything stops in between, {@link #recover} (run by {@link RotationRecovery} at the next start)
 * finds the pending entry and finishes or rolls back. Profile names cannot contain '#', so the pending
 * account never collides with a profile. One window cannot be closed: if the server regenerates with no
 * grace period and its answer is lost (or the process dies before step 3), the new key is gone and the
 * old one is dead; the marker lets the next start say so instead of failing silently.
 *
 * <p>Each step is public so tests can drive them one by one and stop or fail between any two. Every
 * method blocks (network and keychain): call it off the JavaFX thread.
 */
public final class KeyRotation {
    public static final String PENDING_SUFFIX = "#pending";

    /** Shown to others as the lock's holder (see {@link RotationLock}). */
    public static final String PROGRAM_PROPERTY = "approvals.program";

    private final ConnectionService service;
    private final SecretStore secrets;
    private final RotationLock lock;
    /** The rotation lock while this object rotates or recovers: its own recovery must not wait for itself. */
    private RotationLock.Held held;

    public KeyRotation(ConnectionService service) {
        this.service = service;
        this.secrets = service.secrets();
        this.lock = RotationLock.of(service);
    }

    /** The keychain account of a profile's pending entry: {@code <profile>#pending}. */
    public static String pendingAccount(String profile) {
        return profile + PENDING_SUFFIX;
    }

    /** A rotation under way: the connection, the key it starts from and the grace asked for. */
    public record Plan(Connection connection, ApiKey current, RotationGrace grace) {
        public String profile() {
            return connection.name();
        }
    }

    /**
     * The whole flow. Failures before the server issued a new key throw as usual (nothing changed: a
     * {@link ServiceException}, {@link KeychainException} or {@link ApiException}); from then on the
     * result says what happened, and its outcome tells whether a working key is stored.
     */
    public RotationResult rotate(String profile, RotationGrace grace) {
        // the lock first: another process's rotation in between two of our steps would stomp on the pending entry
        try (RotationLock.Held h = lock.acquire(profile, program(), RotationLock.WAIT)) {
            held = h;
            return rotateHolding(profile, grace);
        } finally {
            held = null;
        }
    }

    private RotationResult rotateHolding(String profile, RotationGrace grace) {
        Optional<RotationResult> earlier = recover(profile);
        // only an entry still pending blocks a new rotation (e.g. NEW_KEY_LOST with grace asks for one)
        if (earlier.isPresent() && secrets.load(pendingAccount(profile)).isPresent()) {
            throw new ServiceException(
                    ServiceException.Kind.REFUSED,
                    earlier.get().message() + " Not rotating again until that is settled.");
        }
        Plan plan = prepare(profile, grace);
        RotationPause.after("prepare");
        IssuedKey issued;
        try {
            issued = regenerate(plan);
            RotationPause.after("regenerate");
        } catch (ApiException.Network | ApiException.Server e) {
            // the request may have reached the server and only the answer been lost
            return explainMarker(
                    plan.connection(), plan.current(), "Regenerating the key failed: " + e.getMessage(), e);
        } catch (ApiException e) {
            // the server refused the request (401, 403, 429, 400): it issued nothing
            discardMarker(profile);
            throw e;
        }
        return finish(plan, issued.key(), oldKeyValidUntil(plan));
    }

    /**
     * Step 1: checks the profile, its stored key and the keychain, then writes the marker. Throws (and
     * changes nothing) when any of them is missing.
     */
    public Plan prepare(String profile, RotationGrace grace) {
        Connection c = service.profile(profile);
        if (c.authMode() == AuthMode.BEARER) {
            throw new ServiceException(
                    ServiceException.Kind.NOT_SUPPORTED,
                    "Profile '" + profile
                            + "' uses an SSO or DeskToken bearer token, which the API cannot regenerate. Get a new token "
                            + "from your identity provider and store it with: approvals-console key set --profile "
                            + profile);
        }
        ApiKey current = service.storedKey(c);
        Availability availability = secrets.probe();
        if (!availability.reachable()) {
            throw availability.toException();
        }
        if (secrets.load(pendingAccount(profile)).isPresent()) {
            throw new ServiceException(
                    ServiceException.Kind.REFUSED,
                    "An earlier rotation of profile '" + profile
                            + "' is unfinished. Run approvals-console key status --profile " + profile
                            + " to finish or roll it back first.");
        }
        secrets.save(pendingAccount(profile), current);
        return new Plan(c, current, grace);
    }

    /**
     * Step 2: asks the server for a new secret. A server without /apikeys endpoints (404) removes the
     * marker and throws NOT_SUPPORTED, whose message points to replacing the key by hand.
     */
    public IssuedKey regenerate(Plan plan) {
        try {
            return client(plan.connection(), plan.current())
                    .regenerateCurrentKey(plan.grace().seconds());
        } catch (ApiException.NotFound e) {
            discardMarker(plan.profile());
            throw new ServiceException(
                    ServiceException.Kind.NOT_SUPPORTED,
                    "This server has no /apikeys "
                            + "endpoints, so the key cannot be regenerated from here: an administrator must issue the new "
                            + "key. Then store it with: approvals-console key set --profile " + plan.profile()
                            + " (in the app: Replace key\u2026). Nothing was changed.");
        }
    }

    /** Step 3: the new key replaces the marker in the pending entry. */
    public void storePending(Plan plan, ApiKey fresh) {
        secrets.save(pendingAccount(plan.profile()), fresh);
    }

    /** Step 4: asks the server about the new key. */
    public KeyVerification verify(Plan plan, ApiKey fresh) {
        return client(plan.connection(), fresh).verifyKey();
    }

    /** Step 5: the new key replaces the connection's entry; save reads it back. */
    public void promote(Plan plan, ApiKey fresh) {
        secrets.save(plan.profile(), fresh);
    }

    /** Step 6: the pending entry goes. */
    public void removePending(String profile) {
        secrets.delete(pendingAccount(profile));
    }

    /** Step 7: records what the server said about the key now stored. */
    public KeyReport record(String profile, ApiKey key, KeyVerification verification) {
        Connection updated = service.profile(profile).withVerified(service.facts(key, verification));
        service.connections().put(updated);
        return KeyReport.of(updated, secrets.backendName(), key);
    }

    /** Steps 3 to 7 for a key the server has issued, with what to do when a step fails. */
    RotationResult finish(Plan plan, ApiKey fresh, Instant oldValidUntil) {
        String profile = plan.profile();
        KeychainException pendingFailure = null;
        try {
            storePending(plan, fresh);
            RotationPause.after("storePending");
        } catch (KeychainException first) {
            try {
                storePending(plan, fresh); // a second try: a keychain that just locked or timed out may answer now
            } catch (KeychainException second) {
                pendingFailure = second;
            }
        }
        KeyVerification verification;
        try {
            verification = verify(plan, fresh);
            RotationPause.after("verify");
        } catch (ApiException e) {
            if (pendingFailure == null) {
                // the pending entry holds the new key: decide exactly as the next start would
                RotationResult decided = recover(profile).orElseThrow();
                return new RotationResult(
                        profile,
                        decided.outcome(),
                        "The new key could not be verified: " + e.getMessage() + " " + decided.message(),
                        decided.report(),
                        oldValidUntil,
                        e,
                        null);
            }
            return storeUnverified(plan, fresh, oldValidUntil, e);
        }
        try {
            promote(plan, fresh);
            RotationPause.after("promote");
        } catch (KeychainException e) {
            if (pendingFailure != null) {
                return new RotationResult(
                        profile,
                        RotationOutcome.NEW_KEY_NOT_STORED,
                        "The server issued a new key and it works, but the keychain could not store it: "
                                + e.getMessage() + " " + oldKeyFate(oldValidUntil)
                                + " The new key is held in this program's memory only.",
                        report(profile, plan.current()),
                        oldValidUntil,
                        e,
                        fresh);
            }
            return new RotationResult(
                    profile,
                    RotationOutcome.PENDING,
                    "The new key works and is kept in the keychain's pending entry, but replacing the old key failed: "
                            + e.getMessage() + " The next start (or the next command) finishes the rotation.",
                    report(profile, plan.current()),
                    oldValidUntil,
                    e,
                    null);
        }
        try {
            removePending(profile);
            RotationPause.after("removePending");
        } catch (KeychainException e) {
            // harmless: a pending entry equal to the stored key is removed at the next start
        }
        KeyReport report = record(profile, fresh, verification);
        String note = pendingFailure == null
                ? ""
                : " (The keychain refused the pending entry, so the new key was stored directly.)";
        return new RotationResult(
                profile,
                RotationOutcome.COMPLETED,
                "Rotated the key of profile '" + profile + "': the new key " + fresh.masked() + " (fingerprint "
                        + fresh.fingerprint() + ") works and is stored in " + secrets.backendName() + ". "
                        + oldKeyFate(oldValidUntil) + note,
                report,
                oldValidUntil,
                null,
                null);
    }

    /** Neither the pending write nor the verification worked: store the key the server just issued anyway. */
    private RotationResult storeUnverified(Plan plan, ApiKey fresh, Instant oldValidUntil, ApiException why) {
        String profile = plan.profile();
        try {
            promote(plan, fresh);
        } catch (KeychainException e) {
            return new RotationResult(
                    profile,
                    RotationOutcome.NEW_KEY_NOT_STORED,
                    "The server issued a new key, but the keychain could not store it (" + e.getMessage()
                            + ") and it could not be verified (" + why.getMessage() + "). " + oldKeyFate(oldValidUntil)
                            + " The new key is held in this program's memory only.",
                    report(profile, plan.current()),
                    oldValidUntil,
                    e,
                    fresh);
        }
        try {
            removePending(profile);
        } catch (KeychainException e) {
            // removed at the next start
        }
        return new RotationResult(
                profile,
                RotationOutcome.UNDECIDED,
                "The server issued a new key; it is stored but could not be verified yet (" + why.getMessage()
                        + "). Check it with: approvals-console key verify --profile " + profile + ". "
                        + oldKeyFate(oldValidUntil),
                report(profile, fresh),
                oldValidUntil,
                why,
                null);
    }

    /**
     * Finishes or rolls back an interrupted rotation of the profile; empty when there was none. Never
     * deletes the only key that may still work: without an answer from the server, it decides nothing.
     */
    public Optional<RotationResult> recover(String profile) {
        if (secrets.load(pendingAccount(profile)).isEmpty()) {
            if (held == null) {
                lock.clearStale(profile); // a rotation killed after its last keychain step left only its claim
            }
            return Optional.empty();
        }
        if (held != null && held.profile().equals(profile)) {
            return recoverHolding(profile);
        }
        Optional<RotationLock.Held> taken = lock.tryAcquire(profile, program());
        if (taken.isEmpty()) {
            return Optional.of(inProgress(profile));
        }
        try (RotationLock.Held h = taken.get()) {
            held = h;
            return recoverHolding(profile);
        } finally {
            held = null;
        }
    }

    /** Another program holds the lock: its pending entry is not ours to settle. */
    private RotationResult inProgress(String profile) {
        String who = lock.holder(profile).map(RotationLock.Owner::describe).orElse("another program");
        return new RotationResult(
                profile,
                RotationOutcome.IN_PROGRESS,
                "A rotation of the key of profile '" + profile + "' is under way in another program (" + who
                        + "); the stored key is used until it ends.",
                null,
                null,
                null,
                null);
    }

    /** Removes the claim of a rotation whose program died after its last keychain step (file work, no keychain). */
    public void clearStaleClaim(String profile) {
        lock.clearStale(profile);
    }

    /** Who rotates this profile's key now, if another program does (a file read, no keychain call). */
    public Optional<RotationLock.Owner> rotatingElsewhere(String profile) {
        return lock.otherHolder(profile, held);
    }

    private static String program() {
        return System.getProperty(PROGRAM_PROPERTY, "Approvals Console");
    }

    private Optional<RotationResult> recoverHolding(String profile) {
        String pendingAccount = pendingAccount(profile);
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
            return Optional.of(explainMarker(
                    c,
                    stored.get(),
                    "An earlier rotation of profile '" + profile + "' stopped before a new key was stored.",
                    null));
        }
        String lead = "An earlier rotation of profile '" + profile + "' was interrupted.";
        ApiKey fresh = pending.get();
        KeyVerification verification;
        try {
            verification = client(c, fresh).verifyKey();
        } catch (ApiException.Unauthorized e) {
            return Optional.of(rollBack(c, stored, lead));
        } catch (ApiException e) {
            return Optional.of(new RotationResult(
                    profile,
                    RotationOutcome.UNDECIDED,
                    lead
                            + " Its new key could not be checked (" + e.getMessage() + "). It stays in the keychain's "
                            + "pending entry and the next start tries again; until then the previous key is used.",
                    report(profile, stored.orElse(null)),
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
                    lead
                            + " Its new key works, but storing it failed: " + e.getMessage()
                            + " The next start tries again.",
                    report(profile, stored.orElse(null)),
                    null,
                    e,
                    null));
        }
        try {
            secrets.delete(pendingAccount);
        } catch (KeychainException e) {
            // equal to the stored key now: removed at the next start
        }
        KeyReport report = record(profile, fresh, verification);
        return Optional.of(new RotationResult(
                profile,
                RotationOutcome.COMPLETED,
                lead
                        + " It has been completed: the new key " + fresh.masked() + " (fingerprint "
                        + fresh.fingerprint()
                        + ") works and is now stored.",
                report,
                null,
                null,
                null));
    }

    /** The new key is stored already; only the clean-up and the record of its facts were missing. */
    private RotationResult finishPromoted(Connection c, ApiKey fresh) {
        String profile = c.name();
        String lead = "An earlier rotation of profile '" + profile + "' was interrupted.";
        KeyVerification v;
        try {
            v = client(c, fresh).verifyKey();
        } catch (ApiException e) {
            return new RotationResult(
                    profile,
                    RotationOutcome.UNDECIDED,
                    lead + " Its new key is stored but could " + "not be checked (" + e.getMessage()
                            + "). The next start checks again.",
                    report(profile, fresh),
                    null,
                    e,
                    null);
        }
        discardMarker(profile);
        KeyReport report = record(profile, fresh, v);
        return new RotationResult(
                profile,
                RotationOutcome.COMPLETED,
                lead + " It has been completed: the new key " + fresh.masked() + " (fingerprint " + fresh.fingerprint()
                        + ") works and is stored.",
                report,
                null,
                null,
                null);
    }

    /** The pending key was refused: keep the stored key if it works. */
    private RotationResult rollBack(Connection c, Optional<ApiKey> stored, String lead) {
        String profile = c.name();
        secrets.delete(pendingAccount(profile)); // refused by the server: worthless
        if (stored.isEmpty()) {
            return new RotationResult(
                    profile,
                    RotationOutcome.NO_WORKING_KEY,
                    lead + " Its new key was refused " + "and no other key is stored. " + askAdmin(profile),
                    report(profile, null),
                    null,
                    null,
                    null);
        }
        try {
            KeyVerification v = client(c, stored.get()).verifyKey();
            KeyReport report = record(profile, stored.get(), v);
            return new RotationResult(
                    profile,
                    RotationOutcome.ROLLED_BACK,
                    lead + " Its new key was refused by " + "the server, so the previous key "
                            + stored.get().masked() + ", which still works, was kept.",
                    report,
                    null,
                    null,
                    null);
        } catch (ApiException.Unauthorized e) {
            recordRefused(profile, stored.get());
            return new RotationResult(
                    profile,
                    RotationOutcome.NO_WORKING_KEY,
                    lead + " Neither its new key nor " + "the previous one is accepted by the server. "
                            + askAdmin(profile),
                    report(profile, stored.get()),
                    null,
                    e,
                    null);
        } catch (ApiException e) {
            return new RotationResult(
                    profile,
                    RotationOutcome.ROLLED_BACK,
                    lead + " Its new key was refused by "
                            + "the server, so the previous key was kept (it could not be checked just now: "
                            + e.getMessage() + ")",
                    report(profile, stored.get()),
                    null,
                    e,
                    null);
        }
    }

    /**
     * The marker is all that is pending (the server's answer never arrived, or the process stopped before
     * storing it): ask the server what became of the stored key.
     */
    private RotationResult explainMarker(Connection c, ApiKey current, String lead, Throwable cause) {
        String profile = c.name();
        KeyVerification v;
        try {
            v = client(c, current).verifyKey();
        } catch (ApiException.Unauthorized e) {
            discardMarker(profile);
            recordRefused(profile, current); // stays visible (key status, the app's banner) after the marker went
            return new RotationResult(
                    profile,
                    RotationOutcome.NEW_KEY_LOST,
                    lead + " The stored key is no longer "
                            + "accepted: the server most likely regenerated it with no grace period, and the new key was never "
                            + "stored on this computer. " + askAdmin(profile),
                    report(profile, current),
                    null,
                    cause == null ? e : cause,
                    null);
        } catch (ApiException e) {
            return new RotationResult(
                    profile,
                    RotationOutcome.UNDECIDED,
                    lead + " The stored key could not be " + "checked either (" + e.getMessage()
                            + "). The next start checks again.",
                    report(profile, current),
                    null,
                    cause == null ? e : cause,
                    null);
        }
        discardMarker(profile);
        KeyReport report = record(profile, current, v);
        KeyMetadata m = v.metadata();
        if (m != null && m.status() == KeyStatus.EXPIRING) {
            // the marker alone cannot tell the two causes apart: the answer was lost on the way, or it arrived
            // and the keychain could not store it (it vanished or locked mid-rotation)
            return new RotationResult(
                    profile,
                    RotationOutcome.NEW_KEY_LOST,
                    lead + " The server did regenerate "
                            + "the key, but the new key was never stored on this computer (its answer was lost, or the "
                            + "keychain could not store it) and cannot be recovered. The stored key keeps working until "
                            + m.expiresAt() + ": rotate again now (approvals-console key rotate --profile " + profile
                            + " --grace 1h).",
                    report,
                    m.expiresAt(),
                    cause,
                    null);
        }
        return new RotationResult(
                profile,
                RotationOutcome.NOTHING_CHANGED,
                lead + " The server issued no new key; nothing changed and the stored key still works.",
                report,
                null,
                cause,
                null);
    }

    /**
     * Records that the server refused the stored key ({@link KeyAttention#REFUSED_STATUS}), keeping the other facts
     * last verified: until a key that works is stored, key status and the app say so instead of "Active".
     */
    void recordRefused(String profile, ApiKey key) {
        Connection c = service.profile(profile);
        VerifiedKey v = c.verified();
        Instant now = service.clock().instant();
        VerifiedKey refused = v != null && key.fingerprint().equals(v.fingerprint())
                ? new VerifiedKey(
                        v.prefix(),
                        v.last4(),
                        v.fingerprint(),
                        v.scopes(),
                        v.owner(),
                        v.expiresAt(),
                        KeyAttention.REFUSED_STATUS,
                        now,
                        v.keyEndpointsAvailable())
                : new VerifiedKey(
                        key.prefix(),
                        key.last4(),
                        key.fingerprint(),
                        java.util.List.of(),
                        null,
                        null,
                        KeyAttention.REFUSED_STATUS,
                        now,
                        true);
        service.connections().put(c.withVerified(refused));
    }

    private void discardMarker(String profile) {
        try {
            removePending(profile);
        } catch (KeychainException e) {
            // the marker equals the stored key: the next start removes it
        }
    }

    private Instant oldKeyValidUntil(Plan plan) {
        return plan.grace().compromised()
                ? null
                : service.clock().instant().plus(plan.grace().duration());
    }

    private static String oldKeyFate(Instant validUntil) {
        return validUntil == null
                ? "The old key no longer works."
                : "The old key keeps working until about " + validUntil + ", so other clients can switch over.";
    }

    private static String askAdmin(String profile) {
        return "Ask an administrator to regenerate or issue a key for you, then store it with: "
                + "approvals-console key set --profile " + profile;
    }

    private KeyReport report(String profile, ApiKey key) {
        return KeyReport.of(service.profile(profile), secrets.backendName(), key);
    }

    private ApprovalsApi client(Connection c, ApiKey key) {
        return service.clients().create(c, key);
    }
}
