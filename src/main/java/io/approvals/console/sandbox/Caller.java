package io.approvals.console.sandbox;

import io.approvals.console.contract.Scope;
import java.util.List;

/**
 * Who is calling: a key id, its owner and scopes. grace is the superseded secret the call came with,
 * or null when it came with the key's current secret.
 */
record Caller(String keyId, String owner, List<String> scopes, GraceSecret grace) {
    /** The sandbox itself, e.g. issuing the bootstrap admin key. */
    static final Caller SANDBOX = new Caller(null, "sandbox", List.of(), null);
    /** Whoever calls an endpoint that needs no key (the API's description); no scopes. */
    static final Caller ANONYMOUS = new Caller(null, "anonymous", List.of(), null);

    Caller {
        scopes = List.copyOf(scopes);
    }

    boolean has(String scope) {
        return Scope.has(scopes, scope);
    }
}
