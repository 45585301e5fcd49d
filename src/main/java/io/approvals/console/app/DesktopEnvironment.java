package io.approvals.console.app;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.config.Settings;
import io.approvals.console.config.Theme;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.credentials.SecretStore;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.notify.DesktopNotifier;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.service.ClientFactory;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.ServiceException;
import io.approvals.console.ui.session.ConnectionDraft;
import io.approvals.console.ui.session.ConsoleEnvironment;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.Discovered;
import io.approvals.console.ui.session.KeyInfo;
import io.approvals.console.ui.session.KeyLook;
import io.approvals.console.ui.session.UiSettings;
import io.approvals.console.ui.session.WindowState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The desktop app's wiring of connections, keychain, client and sandbox behind the UI's
 * {@link ConsoleEnvironment}. Keys the user chose to keep for this session only live in a
 * {@link SessionOnlyStore}; everything else in the keychain given (see {@link KeyHolders}).
 */
public final class DesktopEnvironment implements ConsoleEnvironment {
    public static final String SANDBOX = "sandbox";

    private final AppPaths paths;
    private final ConnectionStore store;
    private final KeyHolders keys;
    private final ConnectionService keychain;
    private final ClientFactory clients;
    private final DesktopSessions sessions;
    private final DesktopSandbox sandbox;
    private final KeyFollowUp keyWatch;
    private final SecretStore secrets;

    public DesktopEnvironment(AppPaths paths, SecretStore secrets, ClientFactory clients) {
        this.paths = paths;
        this.secrets = secrets;
        this.store = new ConnectionStore(paths);
        this.clients = clients;
        this.keys = new KeyHolders(store, secrets, clients);
        this.keychain = keys.keychain();
        this.sessions = new DesktopSessions(clients);
        this.sandbox = new DesktopSandbox(paths, store, keys, sessions);
        this.keyWatch = new KeyFollowUp(store, keys, sessions);
    }

    public AppPaths paths() {
        return paths;
    }

    /** A warning about a damaged connections file, to show once. */
    public Optional<String> loadWarning() {
        return store.loadWarning();
    }

    /** The sandbox this app started, if any (tests use it to make keys and stop the server). */
    public Optional<Sandbox> sandbox() {
        return sandbox.running();
    }

    @Override
    public List<String> connectionNames() {
        return store.list().stream().map(Connection::name).toList();
    }

    @Override
    public Optional<String> currentConnection() {
        return store.current().map(Connection::name);
    }

    @Override
    public ConsoleSession open(String name) {
        return open(name, true);
    }

    /**
     * Opens a connection with the key facts last verified, without asking the server (start-up: the window shows
     * sooner); {@link #recheckKey} asks it afterwards.
     */
    ConsoleSession openWithKnownFacts(String name) {
        return open(name, false);
    }

    private ConsoleSession open(String name, boolean checkKey) {
        if (SANDBOX.equals(name)) {
            return startSandbox();
        }
        Connection c = keychain.profile(name);
        ConnectionService service = keys.holding(name);
        String notice = KeyFollowUp.recoverRotation(service, name);
        ApiKey key = service.storedKeyIfAny(name)
                .orElseThrow(() -> new ServiceException(
                        ServiceException.Kind.NO_KEY,
                        "No key is stored for \u2018" + name + "\u2019 (looked in: " + keychain.backendName()
                                + "). Use Connection \u203a Replace key\u2026 to set one."));
        store.setCurrent(name);
        return sessions.session(
                checkKey ? keyWatch.refreshFacts(service, c) : c, key, service.backendName(), false, notice, checkKey);
    }

    @Override
    public Optional<ConsoleSession> recheckKey(ConsoleSession opened) {
        return keyWatch.recheckKey(opened);
    }

    @Override
    public KeyLook lookAtKey(ConsoleSession opened) {
        return keyWatch.lookAtKey(opened);
    }

    /** Loads what the first request to a connection's server needs, sending nothing (see {@link DesktopStartup}). */
    void warmUp(String name) {
        store.find(name).ifPresent(clients::warmUp);
    }

    @Override
    public ConnectionService keyService(String connectionName) {
        return keys.holding(connectionName);
    }

    @Override
    public Discovered discover(ConnectionDraft draft, boolean keepAuth) {
        return ConnectionDrafts.discover(draft, keepAuth);
    }

    @Override
    public KeyInfo verify(ConnectionDraft draft, ApiKey key) {
        ConnectionService.checkFormat(key);
        Connection c = ConnectionDrafts.toConnection(draft);
        ApprovalsApi api = clients.create(c, key);
        var v = api.verifyKey();
        KeyMetadata m = v.metadata();
        return m == null
                ? new KeyInfo(key.masked(), key.fingerprint(), List.of(), false, null, null)
                : new KeyInfo(key.masked(), key.fingerprint(), m.scopes(), true, m.owner(), m.expiresAt());
    }

    @Override
    public ConsoleSession save(ConnectionDraft draft, ApiKey key, boolean sessionOnlyKey) {
        ConnectionService service = sessionOnlyKey ? keys.sessionOnly() : keychain;
        Connection wanted = ConnectionDrafts.toConnection(draft);
        if (store.find(wanted.name()).isPresent()) {
            // Never overwrite another connection from the welcome screen.
            throw new ServiceException(
                    ServiceException.Kind.DUPLICATE_PROFILE,
                    "A connection named \u2018"
                            + wanted.name() + "\u2019 exists already. Choose another name, or open it and use "
                            + "Connection \u203a Replace key\u2026 to change its key.");
        }
        service.addProfile(
                wanted.name(),
                wanted.baseUrl().toString(),
                wanted.authMode(),
                wanted.headerName(),
                wanted.caCertPath());
        if (draft.dialect() != null) {
            store.put(keychain.profile(wanted.name()).withDialect(draft.dialect()));
        }
        try {
            service.setKey(wanted.name(), key);
        } catch (RuntimeException e) {
            // Nothing half-made stays behind.
            store.remove(wanted.name());
            throw e;
        }
        store.setCurrent(wanted.name());
        return sessions.session(keychain.profile(wanted.name()), key, service.backendName(), false);
    }

    @Override
    public ConnectionDraft connection(String name) {
        return ConnectionDrafts.draftOf(keychain.profile(name));
    }

    @Override
    public ConsoleSession updateConnection(ConnectionDraft draft) {
        Connection before = keychain.profile(draft.name());
        Connection changed = ConnectionDrafts.toConnection(draft);
        try {
            ApprovalsClient.checkUrl(changed.baseUrl());
        } catch (ApiException.InsecureUrl e) {
            throw new ServiceException(ServiceException.Kind.INVALID_INPUT, e.getMessage());
        }
        if (draft.caCert() != null && !Files.isReadable(draft.caCert())) {
            throw new ServiceException(
                    ServiceException.Kind.INVALID_INPUT,
                    "Cannot read the CA certificate " + draft.caCert() + ". Give the path of a PEM file.");
        }
        store.put(new Connection(
                before.name(),
                changed.baseUrl(),
                before.authMode(),
                before.headerName(),
                changed.caCertPath(),
                before.verified(),
                before.dialect()));
        // the dialect and the key's header are stored the way `profiles set` stores them
        boolean authChanged =
                changed.authMode() != before.authMode() || !changed.headerName().equals(before.headerName());
        var dialectChanges = before.dialectOrContract().changesTo(draft.dialectOrContract());
        if (authChanged || !dialectChanges.isEmpty()) {
            keychain.setDialect(
                    draft.name(),
                    dialectChanges,
                    authChanged ? changed.headerName() : null,
                    authChanged ? changed.authMode() == AuthMode.BEARER : null);
        }
        return open(draft.name());
    }

    @Override
    public ConsoleSession replaceKey(String name, ApiKey key) {
        if (SANDBOX.equals(name) && sandbox.running().isPresent()) {
            return sandbox.storeKey(keychain.profile(name), key);
        }
        ConnectionService service = keys.holding(name);
        service.setKey(name, key);
        return sessions.session(keychain.profile(name), key, service.backendName(), false);
    }

    @Override
    public ConsoleSession startSandbox() {
        return sandbox.start();
    }

    private final DesktopNotifier notifier = DesktopNotifier.forThisDesktop();

    @Override
    public Path cacheDir() {
        return paths.cacheDir();
    }

    @Override
    public UiSettings settings() {
        Settings s = store.settings();
        return new UiSettings(
                s.refreshIntervalSeconds(),
                UiSettings.ThemeChoice.valueOf(s.theme().name()),
                s.notifications(),
                s.language());
    }

    @Override
    public void saveSettings(UiSettings s) {
        store.setSettings(
                new Settings(s.refreshSeconds(), Theme.valueOf(s.theme().name()), s.notifications(), s.language()));
    }

    @Override
    public WindowState windowState() {
        return new WindowStateFile(paths.configDir()).read();
    }

    @Override
    public void saveWindowState(WindowState state) {
        new WindowStateFile(paths.configDir()).write(state);
    }

    @Override
    public DesktopNotifier notifier() {
        return notifier;
    }

    @Override
    public void close() {
        sandbox.close();
        secrets.close(); // the kept Secret Service connection
    }
}
