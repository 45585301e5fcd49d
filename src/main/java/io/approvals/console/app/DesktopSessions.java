package io.approvals.console.app;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.SwitchableApi;
import io.approvals.console.config.Connection;
import io.approvals.console.config.VerifiedKey;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.service.ClientFactory;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.KeyInfo;
import java.util.List;

/** Makes the sessions the window works with: a connection, its key's facts and a client holding the key. */
final class DesktopSessions {
    private final ClientFactory clients;

    DesktopSessions(ClientFactory clients) {
        this.clients = clients;
    }

    ClientFactory clients() {
        return clients;
    }

    ConsoleSession session(Connection c, ApiKey key, String backend, boolean isSandbox) {
        return session(c, key, backend, isSandbox, null, true);
    }

    ConsoleSession session(
            Connection c, ApiKey key, String backend, boolean isSandbox, String notice, boolean keyChecked) {
        // switchable: another program replacing the key must not mean a new window (see lookAtKey)
        ApprovalsApi api = new SwitchableApi(clients.create(c, key));
        KeyInfo info = keyInfo(c.verified(), key.masked(), key.fingerprint());
        return new Session(c.name(), c.baseUrl().toString(), api, info, backend, isSandbox, notice, keyChecked);
    }

    /** The same window's session with other key facts (and the api it already has), key checked. */
    static ConsoleSession withKey(ConsoleSession opened, ApprovalsApi api, KeyInfo info, String backendName) {
        return new Session(
                opened.connectionName(), opened.baseUrl(), api, info, backendName, opened.isSandbox(), null, true);
    }

    /** What the window shows about a key: the facts verified last, when they are about this key. */
    static KeyInfo keyInfo(VerifiedKey v, String masked, String fingerprint) {
        return v != null && fingerprint.equals(v.fingerprint()) && v.keyEndpointsAvailable()
                ? new KeyInfo(masked, fingerprint, v.scopes(), true, v.owner(), v.expiresAt())
                : new KeyInfo(masked, fingerprint, List.of(), false, null, null);
    }

    private record Session(
            String connectionName,
            String baseUrl,
            ApprovalsApi api,
            KeyInfo key,
            String backendName,
            boolean isSandbox,
            String notice,
            boolean keyChecked)
            implements ConsoleSession {}
}
