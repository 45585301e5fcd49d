package io.approvals.console.service;

import io.approvals.console.client.KeyVerification;
import io.approvals.console.config.Connection;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.KeyMetadata;

/**
 * The key panel's facts in one server call: the stored key verified again (recorded like
 * {@link ConnectionService#verify}) plus what only the server's metadata holds (created, last used, id).
 * metadata is null where the server has no /apikeys endpoints. Blocks: call it off the JavaFX thread.
 */
public record KeyDetails(KeyReport report, KeyMetadata metadata) {

    public static KeyDetails verify(ConnectionService service, String profile) {
        Connection c = service.profile(profile);
        ApiKey key = service.storedKey(c);
        KeyVerification v = service.clients().create(c, key).verifyKey();
        KeyReport report = new KeyRotation(service).record(profile, key, v);
        return new KeyDetails(report, v.metadata());
    }

    /** Whether the key may use the admin endpoints (as far as the last verification knows). */
    public boolean isAdmin() {
        return metadata != null && metadata.hasScope(io.approvals.console.contract.Scope.ADMIN);
    }
}
