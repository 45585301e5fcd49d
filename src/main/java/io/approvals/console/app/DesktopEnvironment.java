package io.approvals.console.app;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.client.OpenApiDiscovery;
import io.approvals.console.client.SwitchableApi;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.config.Settings;
import io.approvals.console.config.Theme;
import io.approvals.console.config.VerifiedKey;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.credentials.SecretStore;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.notify.DesktopNotifier;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.ClientFactory;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.KeyAttention;
import io.approvals.console.service.KeyReport;
import io.approvals.console.service.KeyRotation;
import io.approvals.console.service.RotationResult;
import io.approvals.console.service.ServiceException;
import io.approvals.console.ui.session.ConnectionDraft;
import io.approvals.console.ui.session.ConsoleEnvironment;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.Discovered;
import io.approvals.console.ui.session.KeyInfo;
import io.approvals.console.ui.session.KeyLook;
import io.approvals.console.ui.session.UiSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The desktop app's wiring of connections, keychain, client and sandbox behind the UI's
 * {@link ConsoleEnvironment}. Keys the user chose to keep for this session only live in a
 * {@link SessionOnlyStore}; everything else in the keychain given.
 */
public final class DesktopEnvironment implements ConsoleEnvironment {
    public static final String SANDBOX = "sandbox";
    private static final Logger LOG = Logger.getLogger(DesktopEnvironment.class.getName());

    private final AppPaths paths;
    private final ConnectionStore store;
    private final ConnectionService keychain;
    private final ConnectionService sessionOnly;
    private final SessionOnlyStore sessionKeys = new SessionOnlyStore();
    private final ClientFactory clients;
    private Sandbox sandbox;

    public DesktopEnvironment(AppPaths paths, SecretStore secrets, ClientFactory clients) {
        this.paths = paths;
        this.store = new ConnectionStore(paths);
        this.clients = clients;
        this.keychain = new ConnectionService(store, secrets, clients);
        this.sessionOnly = keychain.withSecrets(sessionKeys);
    }

    public AppPaths paths() {
        return paths;
    }

    /** A warning about a damaged connections file, to show once. */
    public Optional<String> loadWarning() {
        return store.loadWarning();
    }

    /** The sandbox this app started, if any (tests use it to make keys and stop the server). */
    public synchronized Optional<Sandbox> sandbox() {
        return Optional.ofNullable(sandbox);
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
        ConnectionService service = serviceHolding(name);
        String notice = recoverRotation(service, name);
        ApiKey key = service.storedKeyIfAny(name)
                .orElseThrow(() -> new ServiceException(
                        ServiceException.Kind.NO_KEY,
                        "No key is stored for \u2018" + name + "\u2019 (looked in: " + keychain.backendName()
                                + "). Use Connection \u203a Replace key\u2026 to set one."));
        store.setCurrent(name);
        return session(checkKey ? refreshFacts(service, c) : c, key, service.backendName(), false, notice, checkKey);
    }

    @Override
    public Optional<ConsoleSession> recheckKey(ConsoleSession opened) {
        String name = opened.connectionName();
        if (opened.keyChecked() || store.find(name).isEmpty()) {
            return Optional.empty();
        }
        KeyReport report;
        try {
            report = serviceHolding(name).verify(name);
        } catch (ApiException e) {
            // Offline or refused: the last known facts do, and the window's own requests report the trouble.
            return Optional.empty();
        }
        if (!opened.key().fingerprint().equals(report.fingerprint())) {
            // Replaced meanwhile: whoever replaced it opened the connection again.
            return Optional.empty();
        }
        KeyInfo info = keyInfo(
                keychain.profile(name).verified(),
                opened.key().masked(),
                opened.key().fingerprint());
        return info.equals(opened.key())
                ? Optional.empty()
                : Optional.of(new Session(
                        name,
                        opened.baseUrl(),
                        opened.api(),
                        info,
                        opened.backendName(),
                        opened.isSandbox(),
                        null,
                        true));
    }

    @Override
    public KeyLook lookAtKey(ConsoleSession opened) {
        String name = opened.connectionName();
        store.refreshIfChangedOnDisk(); // the other program recorded the new key's facts
        if (store.find(name).isEmpty()) {
            return KeyLook.nothing();
        }
        ConnectionService service = serviceHolding(name);
        KeyAttention.Look look = KeyAttention.Look.take(service, name);
        String settled = null;
        if (look.pending() && look.rotatingElsewhere().isEmpty()) {
            // left by a program that died mid-rotation (or whose server did not answer): settle it now
            settled = recoverRotation(service, name);
            look = KeyAttention.Look.take(service, name);
        } else if (!look.pending()) {
            new KeyRotation(service).clearStaleClaim(name);
        }
        Optional<ConsoleSession> switched = Optional.empty();
        ApiKey stored = look.stored().orElse(null);
        if (stored != null
                && !stored.fingerprint().equals(opened.key().fingerprint())
                && opened.api() instanceof SwitchableApi api) {
            Connection c = refreshFacts(service, keychain.profile(name));
            api.use(clients.create(c, stored));
            switched = Optional.of(new Session(
                    name,
                    opened.baseUrl(),
                    api,
                    keyInfo(c.verified(), stored.masked(), stored.fingerprint()),
                    service.backendName(),
                    opened.isSandbox(),
                    null,
                    true));
            look = KeyAttention.Look.take(service, name);
        }
        return new KeyLook(switched, settled, look.attention().orElse(null));
    }

    /** Loads what the first request to a connection's server needs, sending nothing (see {@link DesktopStartup}). */
    void warmUp(String name) {
        store.find(name).ifPresent(clients::warmUp);
    }

    /** A rotation the app or the CLI left half-done is finished or rolled back before the key is used. */
    private static String recoverRotation(ConnectionService service, String name) {
        try {
            return new KeyRotation(service)
                    .recover(name)
                    .map(RotationResult::message)
                    .orElse(null);
        } catch (KeychainException | ApiException e) {
            return "An interrupted key rotation could not be checked: " + e.getMessage();
        }
    }

    /** Verifies again to learn the current scopes; offline or refused, the last known facts do. */
    private Connection refreshFacts(ConnectionService service, Connection c) {
        try {
            service.verify(c.name());
            return keychain.profile(c.name());
        } catch (ApiException e) {
            return c;
        }
    }

    @Override
    public ConnectionService keyService(String connectionName) {
        return serviceHolding(connectionName);
    }

    private ConnectionService serviceHolding(String name) {
        return sessionKeys.load(name).isPresent() ? sessionOnly : keychain;
    }

    @Override
    public Discovered discover(ConnectionDraft draft, boolean keepAuth) {
        Connection c = toConnection(draft);
        OpenApiDiscovery.Found found;
        try {
            found = OpenApiDiscovery.discover(c.baseUrl(), null, c.caCertPath());
        } catch (IllegalArgumentException e) {
            throw new ServiceException(ServiceException.Kind.INVALID_INPUT, e.getMessage());
        }
        if (found.result().isEmpty()) {
            return new Discovered(draft, null, found.tried(), List.of());
        }
        var r = found.result().get();
        Connection d = ConnectionService.withDiscovered(c, r, keepAuth);
        return new Discovered(
                new ConnectionDraft(
                        draft.name(),
                        draft.baseUrl(),
                        d.authMode() == AuthMode.BEARER,
                        d.headerName(),
                        draft.caCert(),
                        d.dialect()),
                r.dialect().source(),
                found.tried(),
                r.notes());
    }

    @Override
    public KeyInfo verify(ConnectionDraft draft, ApiKey key) {
        ConnectionService.checkFormat(key);
        Connection c = toConnection(draft);
        ApprovalsApi api = clients.create(c, key);
        var v = api.verifyKey();
        KeyMetadata m = v.metadata();
        return m == null
                ? new KeyInfo(key.masked(), key.fingerprint(), List.of(), false, null, null)
                : new KeyInfo(key.masked(), key.fingerprint(), m.scopes(), true, m.owner(), m.expiresAt());
    }

    @Override
    public ConsoleSession save(ConnectionDraft draft, ApiKey key, boolean sessionOnlyKey) {
        ConnectionService service = sessionOnlyKey ? sessionOnly : keychain;
        Connection wanted = toConnection(draft);
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
        return session(keychain.profile(wanted.name()), key, service.backendName(), false);
    }

    @Override
    public ConnectionDraft connection(String name) {
        Connection c = keychain.profile(name);
        return new ConnectionDraft(
                c.name(),
                c.baseUrl().toString(),
                c.authMode() == AuthMode.BEARER,
                c.headerName(),
                c.caCertPath(),
                c.dialect());
    }

    @Override
    public ConsoleSession updateConnection(ConnectionDraft draft) {
        Connection before = keychain.profile(draft.name());
        Connection changed = toConnection(draft);
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
        if (SANDBOX.equals(name) && sandbox != null) {
            return storeSandboxKey(keychain.profile(name), key);
        }
        ConnectionService service = serviceHolding(name);
        service.setKey(name, key);
        return session(keychain.profile(name), key, service.backendName(), false);
    }

    @Override
    public synchronized ConsoleSession startSandbox() {
        if (sandbox == null) {
            try {
                sandbox = Sandbox.start(new SandboxConfig(paths.dataDir().resolve("sandbox"), 0, null));
            } catch (IOException e) {
                throw new ServiceException(
                        ServiceException.Kind.INVALID_INPUT, "The sandbox could not start: " + e.getMessage());
            }
        }
        URI uri = sandbox.baseUri();
        Connection c = store.find(SANDBOX).map(x -> x.withBaseUrl(uri)).orElseGet(() -> Connection.of(SANDBOX, uri));
        store.put(c);
        store.setCurrent(SANDBOX);
        // A key kept from an earlier run still works unless it was rotated away; else the bootstrap key.
        Optional<ApiKey> stored = storedQuietly(SANDBOX);
        if (stored.isPresent()) {
            try {
                return storeSandboxKey(c, stored.get());
            } catch (ApiException.Unauthorized e) {
                LOG.fine("the stored sandbox key was refused; using admin.key");
            }
        }
        return storeSandboxKey(c, readAdminKey());
    }

    private Optional<ApiKey> storedQuietly(String name) {
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

    /** Stores the sandbox key in the keychain; when none is reachable, for this session only. */
    private ConsoleSession storeSandboxKey(Connection c, ApiKey key) {
        KeyReport report;
        ConnectionService service = keychain;
        try {
            report = keychain.setKey(c.name(), key);
        } catch (KeychainException e) {
            LOG.log(Level.INFO, "no keychain for the sandbox key (" + e.kind() + "); keeping it for this session");
            service = sessionOnly;
            report = sessionOnly.setKey(c.name(), key);
        }
        return session(keychain.profile(report.profile()), key, service.backendName(), true);
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

    private ConsoleSession session(Connection c, ApiKey key, String backend, boolean isSandbox) {
        return session(c, key, backend, isSandbox, null, true);
    }

    private ConsoleSession session(
            Connection c, ApiKey key, String backend, boolean isSandbox, String notice, boolean keyChecked) {
        // switchable: another program replacing the key must not mean a new window (see lookAtKey)
        ApprovalsApi api = new SwitchableApi(clients.create(c, key));
        KeyInfo info = keyInfo(c.verified(), key.masked(), key.fingerprint());
        return new Session(c.name(), c.baseUrl().toString(), api, info, backend, isSandbox, notice, keyChecked);
    }

    /** What the window shows about a key: the facts verified last, when they are about this key. */
    private static KeyInfo keyInfo(VerifiedKey v, String masked, String fingerprint) {
        return v != null && fingerprint.equals(v.fingerprint()) && v.keyEndpointsAvailable()
                ? new KeyInfo(masked, fingerprint, v.scopes(), true, v.owner(), v.expiresAt())
                : new KeyInfo(masked, fingerprint, List.of(), false, null, null);
    }

    private static Connection toConnection(ConnectionDraft d) {
        String url = d.baseUrl() == null ? "" : d.baseUrl().strip();
        if (url.isEmpty()) {
            throw new ServiceException(
                    ServiceException.Kind.INVALID_INPUT, "A URL is needed, e.g. https://approvals.example.com");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(
                    ServiceException.Kind.INVALID_INPUT, "Not a URL. Write it like https://approvals.example.com");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new ServiceException(
                    ServiceException.Kind.INVALID_INPUT, "Not a URL. Write it like https://approvals.example.com");
        }
        try {
            return new Connection(
                    d.name(),
                    uri,
                    d.bearer() ? AuthMode.BEARER : AuthMode.API_KEY,
                    d.headerName(),
                    d.caCert(),
                    null,
                    d.dialect());
        } catch (IllegalArgumentException e) {
            throw new ServiceException(ServiceException.Kind.INVALID_INPUT, e.getMessage());
        }
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
    public DesktopNotifier notifier() {
        return notifier;
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
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
