package io.approvals.console.app;

import io.approvals.console.client.ApiException;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.KeyReport;
import io.approvals.console.service.ServiceException;
import io.approvals.console.ui.session.ConsoleSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The bundled sandbox server this app starts on demand, its connection and its key. */
final class DesktopSandbox {
    private static final Logger LOG = Logger.getLogger(DesktopSandbox.class.getName());

    private final AppPaths paths;
    private final ConnectionStore store;
    private final KeyHolders keys;
    private final DesktopSessions sessions;
    private Sandbox sandbox;

    DesktopSandbox(AppPaths paths, ConnectionStore store, KeyHolders keys, DesktopSessions sessions) {
        this.paths = paths;
        this.store = store;
        this.keys = keys;
        this.sessions = sessions;
    }

    synchronized Optional<Sandbox> running() {
        return Optional.ofNullable(sandbox);
    }

    synchronized ConsoleSession start() {
        if (sandbox == null) {
            try {
                sandbox = Sandbox.start(new SandboxConfig(paths.dataDir().resolve("sandbox"), 0, null));
            } catch (IOException e) {
                throw new ServiceException(
                        ServiceException.Kind.INVALID_INPUT, "The sandbox could not start: " + e.getMessage());
            }
        }
        String name = DesktopEnvironment.SANDBOX;
        URI uri = sandbox.baseUri();
        Connection c = store.find(name).map(x -> x.withBaseUrl(uri)).orElseGet(() -> Connection.of(name, uri));
        store.put(c);
        store.setCurrent(name);
        // A key kept from an earlier run still works unless it was rotated away; else the bootstrap key.
        Optional<ApiKey> stored = keys.storedQuietly(name);
        if (stored.isPresent()) {
            try {
                return storeKey(c, stored.get());
            } catch (ApiException.Unauthorized e) {
                LOG.fine("the stored sandbox key was refused; using admin.key");
            }
        }
        return storeKey(c, readAdminKey());
    }

    /** Stores the sandbox key in the keychain; when none is reachable, for this session only. */
    ConsoleSession storeKey(Connection c, ApiKey key) {
        KeyReport report;
        ConnectionService service = keys.keychain();
        try {
            report = keys.keychain().setKey(c.name(), key);
        } catch (KeychainException e) {
            LOG.log(Level.INFO, "no keychain for the sandbox key (" + e.kind() + "); keeping it for this session");
            service = keys.sessionOnly();
            report = keys.sessionOnly().setKey(c.name(), key);
        }
        return sessions.session(keys.keychain().profile(report.profile()), key, service.backendName(), true);
    }

    private ApiKey readAdminKey() {
        try {
            return ApiKey.of(Files.readString(sandbox.adminKeyFile(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ServiceException(
                    ServiceException.Kind.NO_KEY,
                    "The sandbox's admin.key cannot be read in " + sandbox.dataDir()
                            + ". Delete that folder to start a fresh sandbox.");
        }
    }

    synchronized void close() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }
}
