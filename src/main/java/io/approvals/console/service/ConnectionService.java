package io.approvals.console.service;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.client.KeyVerification;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.config.VerifiedKey;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.credentials.Availability;
import io.approvals.console.credentials.SecretStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The connection and key flows the CLI and the desktop app share. Every method blocks (keychain and
 * network): call it off the JavaFX thread. Failures: {@link ServiceException} (input, unknown profile,
 * no key), {@link io.approvals.console.credentials.KeychainException} (the keychain),
 * {@link ApiException} (the server).
 */
public final class ConnectionService {
    private final ConnectionStore connections;
    private final SecretStore secrets;
    private final ClientFactory clients;
    private final Clock clock;

    public ConnectionService(ConnectionStore connections, SecretStore secrets, ClientFactory clients) {
        this(connections, secrets, clients, Clock.systemUTC());
    }

    public ConnectionService(ConnectionStore connections, SecretStore secrets, ClientFactory clients, Clock clock) {
        this.connections = connections;
        this.secrets = secrets;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * The same connections with another secret store, e.g. a {@link io.approvals.console.credentials.SessionOnlyStore}
     * the user chose ("keep the key for this session only") when the keychain is unreachable.
     */
    public ConnectionService withSecrets(SecretStore other) {
        return new ConnectionService(connections, other, clients, clock);
    }

    public ConnectionStore connections() {
        return connections;
    }

    public SecretStore secrets() {
        return secrets;
    }

    /** "Where the key lives", e.g. "Secret Service" or "this session only". */
    public String backendName() {
        return secrets.backendName();
    }

    public List<Connection> profiles() {
        return connections.list();
    }

    public Connection profile(String name) {
        return connections
                .find(name)
                .orElseThrow(() -> new ServiceException(
                        ServiceException.Kind.UNKNOWN_PROFILE, ServiceText.get("connection.noProfile", name)));
    }

    /** Adds a connection after checking its URL, header name and CA certificate. Stores no key. */
    public Connection addProfile(String name, String url, AuthMode authMode, String headerName, Path caCert) {
        return addProfile(newProfile(name, url, authMode, headerName, caCert));
    }

    /**
     * A connection checked as {@link #addProfile(String, String, AuthMode, String, Path)} does, not stored yet: a
     * caller that completes it first (its dialect) stores it with {@link #addProfile(Connection)} only once all went
     * well, so a failure on the way leaves no half-made profile behind.
     */
    public Connection newProfile(String name, String url, AuthMode authMode, String headerName, Path caCert) {
        if (name != null && name.regionMatches(true, 0, ApiKey.PREFIX, 0, ApiKey.PREFIX.length())) {
            // a key pasted into the name: kept out of connections.json, and not echoed back
            throw invalid(ServiceText.get("connection.nameLooksLikeKey", ApiKey.PREFIX));
        }
        if (!Connection.isValidName(name)) {
            throw invalid(ServiceText.get("connection.badName", name));
        }
        requireNew(name);
        try {
            return new Connection(name, checkedUrl(url), authMode, headerName, checkedCaCert(caCert), null);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** Stores a connection from {@link #newProfile}, unless one of its name was added meanwhile. */
    public Connection addProfile(Connection connection) {
        requireNew(connection.name());
        connections.put(connection);
        return connection;
    }

    private void requireNew(String name) {
        if (connections.find(name).isPresent()) {
            throw new ServiceException(
                    ServiceException.Kind.DUPLICATE_PROFILE, ServiceText.get("connection.exists", name));
        }
    }

    /**
     * Looks for the server's OpenAPI document (the usual places, or openapi: a URL or a file) and stores what it
     * says as the profile's dialect; the key's header name or bearer too, unless the user gave one
     * (keepAuth). Returns the discovery, found or not; the profile is unchanged when nothing was found.
     */
    public io.approvals.console.client.OpenApiDiscovery.Found discoverDialect(
            String name, String openapi, boolean keepAuth) {
        Connection c = profile(name);
        io.approvals.console.client.OpenApiDiscovery.Found found = discover(c, openapi);
        found.result().ifPresent(r -> connections.put(withDiscovered(c, r, keepAuth)));
        return found;
    }

    /** Looks for the OpenAPI document of a connection (stored or not) as {@link #discoverDialect} does; stores nothing. */
    public static io.approvals.console.client.OpenApiDiscovery.Found discover(Connection c, String openapi) {
        try {
            return io.approvals.console.client.OpenApiDiscovery.discover(c.baseUrl(), openapi, c.caCertPath());
        } catch (io.approvals.console.client.OpenApiDiscovery.UnreadableFile e) {
            throw invalid(ServiceText.get(
                    "connection.openApiFile",
                    e.file(),
                    ServiceText.get("connection.openApiFile." + e.reason().key())));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /**
     * The connection with what an OpenAPI document says: its dialect, and the key's header name or bearer unless the
     * user gave one (keepAuth). A time zone set before is kept. Stores nothing (the desktop app shows it first).
     */
    public static Connection withDiscovered(
            Connection c, io.approvals.console.client.OpenApiDialect.Result r, boolean keepAuth) {
        io.approvals.console.contract.Dialect d = r.dialect();
        Connection updated = c;
        if (!keepAuth && (r.headerName() != null || r.bearer())) {
            updated = updated.withAuth(
                    r.bearer() ? AuthMode.BEARER : AuthMode.API_KEY, r.bearer() ? c.headerName() : r.headerName());
        } else {
            d = d.withSource(d.source(), keepAuth ? "user" : null);
        }
        String zone = c.dialect() == null ? null : c.dialect().timeZone();
        return updated.withDialect(zone == null ? d : d.with("timeZone", zone));
    }

    /**
     * Changes the profile's dialect by name=value settings ({@link io.approvals.console.contract.Dialect#with}), and
     * the header name or bearer when given (then no longer a guess).
     */
    public Connection setDialect(
            String name, java.util.Map<String, String> settings, String headerName, Boolean bearer) {
        Connection updated = withSettings(profile(name), settings, headerName, bearer);
        connections.put(updated);
        return updated;
    }

    /** The connection as {@link #setDialect} changes it; stores nothing. */
    public static Connection withSettings(
            Connection c, java.util.Map<String, String> settings, String headerName, Boolean bearer) {
        io.approvals.console.contract.Dialect d = c.dialectOrContract();
        try {
            for (var e : settings.entrySet()) {
                d = d.with(e.getKey(), e.getValue());
            }
            Connection updated = c;
            if (headerName != null || bearer != null) {
                boolean useBearer = bearer != null ? bearer : c.authMode() == AuthMode.BEARER;
                updated = c.withAuth(
                        useBearer ? AuthMode.BEARER : AuthMode.API_KEY,
                        headerName != null ? headerName : c.headerName());
                d = d.withSource(d.source() == null ? "manual" : d.source(), "user");
            } else if (!settings.isEmpty() && d.source() == null) {
                d = d.withSource("manual", d.headerFrom());
            }
            return updated.withDialect(d);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** Removes the connection and deletes its key from the keychain; the key goes first, so a keychain failure keeps both. */
    public void removeProfile(String name) {
        removeProfile(name, true);
    }

    /**
     * Removes the connection; with deleteKey false the keychain is not touched (for a terminal where no
     * keychain is reachable: the key then stays in the keychain under account = name).
     */
    public void removeProfile(String name, boolean deleteKey) {
        profile(name);
        if (deleteKey) {
            secrets.delete(name);
            secrets.delete(KeyRotation.pendingAccount(name)); // a rotation left unfinished
        }
        connections.remove(name);
    }

    /**
     * Checks the key's format, checks that the keychain can take it, verifies it against the server, and
     * only then stores it (replacing the previous one) and records what the server said. Any failure
     * before the store leaves the stored key as it was.
     */
    public KeyReport setKey(String name, ApiKey key) {
        Connection connection = profile(name);
        checkFormat(key);
        Availability availability = secrets.probe();
        if (!availability.reachable()) {
            throw availability.toException();
        }
        KeyVerification verification = clients.create(connection, key).verifyKey();
        secrets.save(name, key);
        Connection updated = connection.withVerified(facts(key, verification));
        connections.put(updated);
        return KeyReport.of(updated, secrets.backendName(), key);
    }

    /** What is stored and what was last verified, without asking the server. */
    public KeyReport status(String name) {
        Connection connection = profile(name);
        ApiKey key = secrets.load(name).orElse(null);
        return KeyReport.of(connection, secrets.backendName(), key);
    }

    /** Verifies the stored key against the server again and records the answer. */
    public KeyReport verify(String name) {
        return checked(name).report();
    }

    /**
     * Asks the server about the stored key now and records its answer, as {@link #verify} does; gives the answer.
     * A key the server refuses is recorded as refused (then key status and the app say so, not the Active of an
     * older check), and the refusal is thrown.
     */
    public KeyVerification check(String name) {
        return checked(name).verification();
    }

    private record Checked(KeyVerification verification, KeyReport report) {}

    private Checked checked(String name) {
        Connection connection = profile(name);
        ApiKey key = storedKey(connection);
        KeyVerification verification;
        try {
            verification = clients.create(connection, key).verifyKey();
        } catch (ApiException.Unauthorized e) {
            new RotationFacts(this).recordRefused(name, key);
            throw e;
        }
        Connection updated = connection.withVerified(facts(key, verification));
        connections.put(updated);
        return new Checked(verification, KeyReport.of(updated, secrets.backendName(), key));
    }

    /** Deletes the stored key and forgets what was verified about it; the profile stays. */
    public void deleteKey(String name) {
        Connection connection = profile(name);
        secrets.delete(name);
        secrets.delete(KeyRotation.pendingAccount(name)); // a rotation left unfinished
        connections.put(connection.withVerified(null));
    }

    /** A client for the connection with its stored key. */
    public ApprovalsApi client(String name) {
        Connection connection = profile(name);
        return clients.create(connection, storedKey(connection));
    }

    public Optional<ApiKey> storedKeyIfAny(String name) {
        return secrets.load(profile(name).name());
    }

    ApiKey storedKey(Connection connection) {
        return secrets.load(connection.name())
                .orElseThrow(() -> new ServiceException(
                        ServiceException.Kind.NO_KEY,
                        ServiceText.get("connection.noKey", connection.name(), secrets.backendName())));
    }

    /** Refuses an apv_ key that fails its own format check: a typo caught before any request. */
    public static void checkFormat(ApiKey key) {
        switch (key.format()) {
            case BAD_CHECKSUM -> throw invalid(ServiceText.get("connection.badChecksum"));
            case MALFORMED -> throw invalid(ServiceText.get("connection.malformed"));
            default -> {
                // VALID, or OPAQUE (an SSO token or another vendor's key): only the server can judge it
            }
        }
    }

    ClientFactory clients() {
        return clients;
    }

    Clock clock() {
        return clock;
    }

    VerifiedKey facts(ApiKey key, KeyVerification verification) {
        KeyMetadata m = verification.metadata();
        if (m == null) {
            return new VerifiedKey(
                    key.prefix(), key.last4(), key.fingerprint(), List.of(), null, null, null, clock.instant(), false);
        }
        return new VerifiedKey(
                m.prefix() == null ? key.prefix() : m.prefix(),
                m.last4() == null ? key.last4() : m.last4(),
                key.fingerprint(),
                m.scopes(),
                m.owner(),
                m.expiresAt(),
                m.status() == null ? null : m.status().wire(),
                clock.instant(),
                verification.keyEndpointsAvailable());
    }

    private static URI checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw invalid(ServiceText.get("connection.urlNeeded"));
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw invalid(ServiceText.get("connection.notUrl", e.getReason()));
        }
        try {
            ApprovalsClient.checkUrl(uri);
        } catch (ApiException.InsecureUrl e) {
            throw invalid(e.getMessage());
        }
        return uri;
    }

    private static Path checkedCaCert(Path caCert) {
        if (caCert == null) {
            return null;
        }
        Path p = caCert.toAbsolutePath().normalize();
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw invalid(ServiceText.get("connection.caCert", p.toString()));
        }
        return p;
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ServiceException.Kind.INVALID_INPUT, message);
    }
}
