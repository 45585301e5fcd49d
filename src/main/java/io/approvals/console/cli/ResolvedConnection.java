package io.approvals.console.cli;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.config.Connection;
import io.approvals.console.contract.ApiKey;

/** The server, the key and where the key came from, for one run; never printed (the key is inside). */
record ResolvedConnection(
        Connection connection, boolean fromProfile, ApiKey key, KeySource source, String keyOrigin, ApprovalsApi api) {
    @Override
    public String toString() {
        return "ResolvedConnection[" + connection.name() + ", " + source + "]";
    }
}
