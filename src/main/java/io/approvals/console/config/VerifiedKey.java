package io.approvals.console.config;

import java.time.Instant;
import java.util.List;

/**
 * What the server said about a connection's key when it was last verified. Never the secret:
 * prefix and last4 are what the server shows anyway. fingerprint (first 8 hex of the key's SHA-256)
 * tells whether the key in the keychain is still the one verified. owner, expiresAt and status may be
 * null when the server has no /apikeys endpoints (keyEndpointsAvailable false).
 */
public record VerifiedKey(
        String prefix,
        String last4,
        String fingerprint,
        List<String> scopes,
        String owner,
        Instant expiresAt,
        String status,
        Instant verifiedAt,
        boolean keyEndpointsAvailable) {

    public VerifiedKey {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** "apv_7Hq2…x9Qa" */
    public String masked() {
        return (prefix == null || prefix.isEmpty() ? "\u2022\u2022\u2022\u2022" : prefix) + "\u2026"
                + (last4 == null ? "" : last4);
    }
}
