package io.approvals.console.service;

import io.approvals.console.contract.ApiKey;
import java.time.Instant;

/**
 * What a rotation or a recovery did, with a message fit to show as it is (never the key).
 *
 * @param report          the connection's key as stored afterwards (masked, fingerprint, verified facts)
 * @param oldKeyValidUntil when the previous secret stops working (null: at once, or unknown)
 * @param cause           the failure behind an outcome that is not COMPLETED/NOTHING_CHANGED, or null
 * @param unsavedKey      only for NEW_KEY_NOT_STORED: the new key, held in memory so the app can offer to
 *                        reveal or copy it; never printed by the CLI
 */
public record RotationResult(
        String profile,
        RotationOutcome outcome,
        String message,
        KeyReport report,
        Instant oldKeyValidUntil,
        Throwable cause,
        ApiKey unsavedKey) {

    public boolean ok() {
        return outcome == RotationOutcome.COMPLETED;
    }

    @Override
    public String toString() {
        return "RotationResult[" + profile + ", " + outcome + ", " + message + "]";
    }
}
