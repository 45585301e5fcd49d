package io.approvals.console.sandbox;

import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.KeyStatus;
import java.time.Instant;
import java.util.List;

/** A stored API key: its current secret's digest and hints, never the secret. */
record KeyRecord(
        long seq,
        String id,
        String name,
        String owner,
        List<String> scopes,
        String digest,
        String prefix,
        String last4,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt) {

    KeyRecord {
        scopes = List.copyOf(scopes);
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    boolean isExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    KeyStatus status(Instant now) {
        if (isRevoked()) {
            return KeyStatus.REVOKED;
        }
        return isExpired(now) ? KeyStatus.EXPIRED : KeyStatus.ACTIVE;
    }

    KeyMetadata metadata(Instant now, Instant lastUsed) {
        return new KeyMetadata(id, name, owner, prefix, last4, scopes, createdAt, lastUsed, expiresAt, status(now));
    }

    KeyRecord withSecret(String newDigest, String newPrefix, String newLast4) {
        return new KeyRecord(
                seq,
                id,
                name,
                owner,
                scopes,
                newDigest,
                newPrefix,
                newLast4,
                createdAt,
                lastUsedAt,
                expiresAt,
                revokedAt);
    }

    @Override
    public String toString() {
        return "KeyRecord[" + id + " " + prefix + "\u2026" + last4 + "]";
    }
}
