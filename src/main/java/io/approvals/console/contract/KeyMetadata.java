package io.approvals.console.contract;

import java.time.Instant;
import java.util.List;

/** What the server tells about a key; never the secret. */
public record KeyMetadata(
        String id,
        String name,
        String owner,
        String prefix,
        String last4,
        List<String> scopes,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        KeyStatus status) {

    public KeyMetadata {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public boolean hasScope(String scope) {
        return Scope.has(scopes, scope);
    }

    /** "apv_7Hq2…x9Qa" */
    public String maskedHint() {
        return (prefix == null ? "?" : prefix) + "\u2026" + (last4 == null ? "?" : last4);
    }
}
