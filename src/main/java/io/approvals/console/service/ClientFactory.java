package io.approvals.console.service;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.config.Connection;
import io.approvals.console.contract.ApiKey;

/** Builds an API client for a connection and a key; tests and the UI can substitute their own. */
@FunctionalInterface
public interface ClientFactory {
    ApprovalsApi create(Connection connection, ApiKey key);

    /** Does the one-time work of a first request to the connection's server ahead of time; sends nothing. */
    default void warmUp(Connection connection) {}
}
