package io.approvals.console.ui.session;

import io.approvals.console.contract.Scope;
import java.time.Instant;
import java.util.List;

/**
 * What the UI may show about the session's key: never the key itself. scopesKnown is false when the
 * server could not tell (no /apikeys endpoints); then every action is offered and a 403 explains.
 */
public record KeyInfo(
        String masked, String fingerprint, List<String> scopes, boolean scopesKnown, String owner, Instant expiresAt) {

    public KeyInfo {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public boolean canWrite() {
        return !scopesKnown || Scope.has(scopes, Scope.WRITE);
    }
}
