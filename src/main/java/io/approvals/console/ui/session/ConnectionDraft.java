package io.approvals.console.ui.session;

import io.approvals.console.contract.Dialect;
import java.nio.file.Path;

/**
 * A connection as typed on the welcome screen or in Settings, without the key. caCert may be null; dialect is how
 * the server spells the API (learnt from its OpenAPI document or edited), null for the contract's names.
 */
public record ConnectionDraft(
        String name, String baseUrl, boolean bearer, String headerName, Path caCert, Dialect dialect) {
    public ConnectionDraft(String name, String baseUrl, boolean bearer, String headerName, Path caCert) {
        this(name, baseUrl, bearer, headerName, caCert, null);
    }

    public Dialect dialectOrContract() {
        return dialect == null ? Dialect.CONTRACT : dialect;
    }

    public ConnectionDraft withDialect(Dialect d) {
        return new ConnectionDraft(name, baseUrl, bearer, headerName, caCert, d);
    }
}
