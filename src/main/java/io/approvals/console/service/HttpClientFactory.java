package io.approvals.console.service;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.client.AuthScheme;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.Connection;
import io.approvals.console.contract.ApiKey;

/** The real HTTP client for a connection: its auth mode, header name and CA certificate. */
public final class HttpClientFactory implements ClientFactory {

    @Override
    public ApprovalsApi create(Connection connection, ApiKey key) {
        return ApprovalsClient.builder(connection.baseUrl(), key)
                .auth(authScheme(connection))
                .caCertificate(connection.caCertPath())
                .dialect(connection.dialect())
                .maxItems(Integer.getInteger("approvals.maxItems", ApprovalsClient.DEFAULT_MAX_ITEMS))
                .maxPages(Integer.getInteger("approvals.maxPages", ApprovalsClient.DEFAULT_MAX_PAGES))
                .build();
    }

    @Override
    public void warmUp(Connection connection) {
        ApprovalsClient.warmUp(connection.baseUrl(), connection.caCertPath());
    }

    public static AuthScheme authScheme(Connection connection) {
        return connection.authMode() == AuthMode.BEARER
                ? new AuthScheme.Bearer()
                : new AuthScheme.ApiKeyHeader(connection.headerName());
    }
}
