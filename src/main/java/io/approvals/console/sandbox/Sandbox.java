package io.approvals.console.sandbox;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Scope;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bundled local sandbox server: the whole Approvals API v2 contract on 127.0.0.1, stored in an
 * embedded H2 database in its data directory. Start it with {@link #start(SandboxConfig)}; close it to
 * stop serving and close the database cleanly.
 */
public final class Sandbox implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());
    static final int DEFAULT_SEED = 40;
    static final String ADMIN_NAME = "sandbox-admin";
    static final String ADMIN_OWNER = "admin@localhost";
    /** How often lastUsedAt values collected in memory are written. */
    static final long FLUSH_SECONDS = 5;
    /** H2: the database file is locked by another process. */
    private static final int DATABASE_IN_USE = 90020;

    private final Path dataDir;
    private final SandboxStore store;
    private final KeyService keys;
    private final SandboxServer server;
    private final ScheduledExecutorService housekeeping;
    private final ApiKey newAdminKey;
    private final Clock clock;
    private final Authenticator authenticator;
    private boolean closed;

    private Sandbox(
            Path dataDir,
            SandboxStore store,
            KeyService keys,
            SandboxServer server,
            ScheduledExecutorService housekeeping,
            ApiKey newAdminKey,
            Clock clock,
            Authenticator authenticator) {
        this.authenticator = authenticator;
        this.dataDir = dataDir;
        this.store = store;
        this.keys = keys;
        this.server = server;
        this.housekeeping = housekeeping;
        this.newAdminKey = newAdminKey;
        this.clock = clock;
    }

    /** Opens (or creates) the store, bootstraps an empty dir, seeds, and starts serving. */
    public static Sandbox start(SandboxConfig config) throws IOException {
        return start(config, Clock.systemUTC());
    }

    /** With a clock of the test's choosing, so grace periods, expiry and the 429 window can pass. */
    static Sandbox start(SandboxConfig config, Clock clock) throws IOException {
        Path dir = config.dataDir().toAbsolutePath();
        Files.createDirectories(dir);
        SandboxStore store;
        try {
            store = SandboxStore.open(dir);
        } catch (SQLException e) {
            if (e.getErrorCode() == DATABASE_IN_USE) {
                throw new IOException("Another sandbox is already using " + dir + ".", e);
            }
            throw new IOException(
                    "Cannot open the sandbox database in " + dir + " (H2 error " + e.getErrorCode() + ").", e);
        }
        try {
            KeyRegistry registry = new KeyRegistry();
            store.read(c -> {
                registry.reload(c);
                return null;
            });
            KeyService keys = new KeyService(store, registry, clock);
            boolean empty = store.read(KeyRecords::count) == 0;
            ApiKey adminKey = null;
            if (empty) {
                adminKey = keys.issue(Caller.SANDBOX, ADMIN_NAME, ADMIN_OWNER, Scope.ALL, null)
                        .key();
                AdminKeyFile.write(dir.resolve(AdminKeyFile.NAME), adminKey);
            }
            int seed = config.seed() != null ? config.seed() : empty ? DEFAULT_SEED : 0;
            if (seed > 0) {
                new Seeder(System.nanoTime(), clock.instant()).seed(store, seed);
            }
            Cursors cursors = new Cursors(store.secret("cursor-hmac"));
            FailedAuthLimiter limiter = new FailedAuthLimiter();
            Authenticator authenticator = new Authenticator(registry, limiter, clock);
            SandboxServer server = new SandboxServer(
                    config.port(),
                    SandboxServer.routes(
                            new ApprovalHandlers(store, cursors, clock),
                            new KeyHandlers(store, keys, cursors, clock),
                            new AuditHandler(store, cursors),
                            new ApiDocs()),
                    authenticator);
            ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sandbox-housekeeping");
                t.setDaemon(true);
                return t;
            });
            Sandbox sandbox = new Sandbox(dir, store, keys, server, housekeeping, adminKey, clock, authenticator);
            housekeeping.scheduleWithFixedDelay(sandbox::housekeeping, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
            return sandbox;
        } catch (SQLException | IOException | RuntimeException e) {
            store.close();
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException("The sandbox database failed: " + e.getMessage(), e);
        }
    }

    private void housekeeping() {
        try {
            keys.flushLastUsed();
            store.inTransaction(c -> {
                IdempotencyRecords.purge(c, clock.instant());
                KeyRecords.deleteGraceOver(c, clock.instant());
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "sandbox housekeeping failed: " + e.getMessage());
        }
    }

    /** http://127.0.0.1:PORT */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.port();
    }

    /** The admin key issued by this start; present only on the first start in an empty data dir. */
    public Optional<ApiKey> newAdminKey() {
        return Optional.ofNullable(newAdminKey);
    }

    /** DIR/admin.key, written on the first start, readable by its owner only. */
    public Path adminKeyFile() {
        return dataDir.resolve(AdminKeyFile.NAME);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Test hook: issues a key directly (any scopes, even an expiry in the past), recorded in the audit trail. */
    public ApiKey issueKeyForTests(String name, String owner, Set<String> scopes, Instant expiresAt) {
        try {
            Collection<String> s = scopes == null ? Set.of() : scopes;
            return keys.issue(Caller.SANDBOX, name, owner, s, expiresAt).key();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not issue a test key: " + e.getMessage(), e);
        }
    }

    /**
     * For the benchmark: the mean cost in nanoseconds of authenticating one request presenting this
     * key (format and checksum check, SHA-256, registry lookup), measured over the real code path.
     */
    public double authenticationCostNanos(ApiKey key, int iterations) {
        com.sun.net.httpserver.Headers headers = new com.sun.net.httpserver.Headers();
        headers.set(Authenticator.HEADER, key.reveal());
        for (int i = 0; i < Math.min(iterations, 20_000); i++) {
            authenticator.authenticate(headers, "bench");
        }
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            authenticator.authenticate(headers, "bench");
        }
        return (System.nanoTime() - start) / (double) iterations;
    }

    /** Test hook: a digest of the database's contents (see SandboxStore#contentDigest). */
    String contentDigest() {
        try {
            return store.contentDigest();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the sandbox database: " + e.getMessage(), e);
        }
    }

    /** Stops serving, writes pending lastUsedAt values and closes the database. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
        housekeeping.shutdownNow();
        try {
            keys.flushLastUsed();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not write lastUsedAt on close: " + e.getMessage());
        }
        store.close();
    }
}
