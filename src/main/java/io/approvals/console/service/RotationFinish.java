package io.approvals.console.service;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.KeyVerification;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.credentials.SecretStore;
import java.time.Instant;

/**
 * The second half of {@link KeyRotation#rotate}: the server has issued a new key, and each keychain or
 * network step that fails from here on becomes an outcome instead of an exception, because the old key
 * may already be dead.
 */
final class RotationFinish {
    private final KeyRotation steps;
    private final RotationFacts facts;
    private final SecretStore secrets;

    RotationFinish(KeyRotation steps, RotationFacts facts, SecretStore secrets) {
        this.steps = steps;
        this.facts = facts;
        this.secrets = secrets;
    }

    /** Steps 3 to 7 for a key the server has issued, with what to do when a step fails. */
    RotationResult finish(KeyRotation.Plan plan, ApiKey fresh, Instant oldValidUntil) {
        String profile = plan.profile();
        KeychainException pendingFailure = null;
        try {
            steps.storePending(plan, fresh);
            RotationPause.after("storePending");
        } catch (KeychainException first) {
            try {
                steps.storePending(
                        plan, fresh); // a second try: a keychain that just locked or timed out may answer now
            } catch (KeychainException second) {
                pendingFailure = second;
            }
        }
        KeyVerification verification;
        try {
            verification = steps.verify(plan, fresh);
            RotationPause.after("verify");
        } catch (ApiException e) {
            if (pendingFailure == null) {
                // the pending entry holds the new key: decide exactly as the next start would
                RotationResult decided = steps.recover(profile).orElseThrow();
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
            steps.promote(plan, fresh);
            RotationPause.after("promote");
        } catch (KeychainException e) {
            if (pendingFailure != null) {
                return new RotationResult(
                        profile,
                        RotationOutcome.NEW_KEY_NOT_STORED,
                        "The server issued a new key and it works, but the keychain could not store it: "
                                + e.getMessage() + " " + RotationFacts.oldKeyFate(oldValidUntil)
                                + " The new key is held in this program's memory only.",
                        facts.report(profile, plan.current()),
                        oldValidUntil,
                        e,
                        fresh);
            }
            return new RotationResult(
                    profile,
                    RotationOutcome.PENDING,
                    "The new key works and is kept in the keychain's pending entry, but replacing the old key failed: "
                            + e.getMessage() + " The next start (or the next command) finishes the rotation.",
                    facts.report(profile, plan.current()),
                    oldValidUntil,
                    e,
                    null);
        }
        try {
            steps.removePending(profile);
            RotationPause.after("removePending");
        } catch (KeychainException e) {
            // harmless: a pending entry equal to the stored key is removed at the next start
        }
        KeyReport report = facts.record(profile, fresh, verification);
        String note = pendingFailure == null
                ? ""
                : " (The keychain refused the pending entry, so the new key was stored directly.)";
        return new RotationResult(
                profile,
                RotationOutcome.COMPLETED,
                "Rotated the key of profile '" + profile + "': the new key " + fresh.masked() + " (fingerprint "
                        + fresh.fingerprint() + ") works and is stored in " + secrets.backendName() + ". "
                        + RotationFacts.oldKeyFate(oldValidUntil) + note,
                report,
                oldValidUntil,
                null,
                null);
    }

    /** Neither the pending write nor the verification worked: store the key the server just issued anyway. */
    private RotationResult storeUnverified(
            KeyRotation.Plan plan, ApiKey fresh, Instant oldValidUntil, ApiException why) {
        String profile = plan.profile();
        try {
            steps.promote(plan, fresh);
        } catch (KeychainException e) {
            return new RotationResult(
                    profile,
                    RotationOutcome.NEW_KEY_NOT_STORED,
                    "The server issued a new key, but the keychain could not store it (" + e.getMessage()
                            + ") and it could not be verified (" + why.getMessage() + "). "
                            + RotationFacts.oldKeyFate(oldValidUntil)
                            + " The new key is held in this program's memory only.",
                    facts.report(profile, plan.current()),
                    oldValidUntil,
                    e,
                    fresh);
        }
        try {
            steps.removePending(profile);
        } catch (KeychainException e) {
            // removed at the next start
        }
        return new RotationResult(
                profile,
                RotationOutcome.UNDECIDED,
                "The server issued a new key; it is stored but could not be verified yet (" + why.getMessage()
                        + "). Check it with: approvals-console key verify --profile " + profile + ". "
                        + RotationFacts.oldKeyFate(oldValidUntil),
                facts.report(profile, fresh),
                oldValidUntil,
                why,
                null);
    }
}
