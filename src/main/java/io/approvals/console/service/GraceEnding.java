package io.approvals.console.service;

import io.approvals.console.contract.KeyMetadata;

/**
 * What {@link KeyAdmin#expirePrevious} came to. key is the key as the server answered ({@link Outcome#ENDED}) or as
 * it was listed before asking (the other two). Failures that are no answer to this question (401, 403, network)
 * are thrown as usual.
 */
public record GraceEnding(Outcome outcome, KeyMetadata key) {
    public enum Outcome {
        /** The key's older secrets stopped working now; the current one works on. */
        ENDED,
        /** Nothing to end: no older secret of the key is in its grace period, or the key is revoked (409). */
        NOTHING_IN_GRACE,
        /**
         * The server cannot end a grace period early (it lacks the extension endpoint): revoke the key, or wait until
         * the grace period ends.
         */
        NOT_SUPPORTED
    }
}
