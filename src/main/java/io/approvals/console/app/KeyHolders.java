package io.approvals.console.app;

import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.credentials.SecretStore;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.service.ClientFactory;
import io.approvals.console.service.ConnectionService;
import java.util.Optional;

/**
 * Where each connection's key is kept: keys the user chose to keep for this session only live in a
 * {@link SessionOnlyStore}; everything else in the keychain given.
 */
final class KeyHolders {
    private final ConnectionService keychain;
    private final ConnectionService sessionOnly;
    private final SessionOnlyStore sessionKeys = new SessionOnlyStore();

    KeyHolders(ConnectionStore store, SecretStore secrets, ClientFactory clients) {
        this.keychain = new ConnectionService(store, secrets, clients);
        this.sessionOnly = keychain.withSecrets(sessionKeys);
    }

    ConnectionService keychain() {
        return keychain;
    }

    ConnectionService sessionOnly() {
        return sessionOnly;
    }

    /** The service whose store holds this connection's key. */
    ConnectionService holding(String name) {
        return sessionKeys.load(name).isPresent() ? sessionOnly : keychain;
    }

    Optional<ApiKey> storedQuietly(String name) {
        Optional<ApiKey> k = sessionKeys.load(name);
        if (k.isPresent()) {
            return k;
        }
        try {
            return keychain.storedKeyIfAny(name);
        } catch (KeychainException e) {
            return Optional.empty();
        }
    }
}
