package io.approvals.console.sandbox;

import java.time.Instant;

/** A secret superseded by a regeneration that keeps working until expiresAt. Stored as a digest only. */
record GraceSecret(String digest, String keyId, String prefix, String last4, Instant expiresAt) {
    boolean isOver(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
