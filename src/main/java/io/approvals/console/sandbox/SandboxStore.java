package io.approvals.console.sandbox;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The sandbox's embedded H2 database (DIR/sandbox.mv.db): schema, a small connection pool and a
 * transaction helper. Every change runs in one transaction together with its audit entry.
 */
final class SandboxStore implements AutoCloseable {
    static final String FILE_NAME = "sandbox";

    private final JdbcConnectionPool pool;
    /** One change at a time: see inTransaction. */
    private final java.util.concurrent.locks.ReentrantLock writer = new java.util.concurrent.locks.ReentrantLock();
    /** Held open for the store's life, so close() can SHUTDOWN after the pool is gone. */
    private final Connection anchor;

    /** A unit of work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private SandboxStore(JdbcConnectionPool pool, Connection anchor) {
        this.pool = pool;
        this.anchor = anchor;
    }

    static SandboxStore open(Path dataDir) throws SQLException {
        Path file = dataDir.toAbsolutePath().resolve(FILE_NAME);
        // DB_CLOSE_ON_EXIT=FALSE: we shut down ourselves, in order, from close() (also on SIGTERM);
        // LOCK_TIMEOUT: twelve concurrent decisions on one row wait for each other instead of failing.
        // WRITE_DELAY=0 (with one writer and a CHECKPOINT per change, see inTransaction): a change is in
        // the file before its answer is sent. H2's default keeps commits in memory for up to 500 ms:
        // SandboxCrashTest showed kill -9 losing acknowledged creates. Written to the OS, not fsync-ed:
        // survives a killed process, not a power cut, which is enough for a local sandbox.
        String url = "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sandbox", "");
        pool.setMaxConnections(20);
        SandboxStore store = new SandboxStore(pool, java.sql.DriverManager.getConnection(url, "sandbox", ""));
        try {
            store.createSchema();
        } catch (SQLException | RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private void createSchema() throws SQLException {
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS meta (name VARCHAR(64) PRIMARY KEY, val VARCHAR(1000) NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS approvals ("
                        + "seq BIGINT AUTO_INCREMENT PRIMARY KEY, id VARCHAR(40) NOT NULL UNIQUE,"
                        + "title VARCHAR(1000) NOT NULL, description VARCHAR(20000), requester VARCHAR(400),"
                        + "approver VARCHAR(400), priority VARCHAR(10) NOT NULL, due_at BIGINT, status VARCHAR(10) NOT NULL,"
                        + "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, decided_by VARCHAR(400),"
                        + "decided_at BIGINT, comment VARCHAR(20000), version BIGINT NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS approvals_status ON approvals(status, seq)");
                s.execute("CREATE INDEX IF NOT EXISTS approvals_approver ON approvals(approver, status, seq)");
                s.execute("CREATE TABLE IF NOT EXISTS api_keys ("
                        + "seq BIGINT AUTO_INCREMENT PRIMARY KEY, id VARCHAR(40) NOT NULL UNIQUE, name VARCHAR(400) NOT NULL,"
                        + "owner VARCHAR(400) NOT NULL, scopes VARCHAR(100) NOT NULL, digest CHAR(64) NOT NULL UNIQUE,"
                        + "prefix VARCHAR(8) NOT NULL, last4 VARCHAR(4) NOT NULL, created_at BIGINT NOT NULL,"
                        + "last_used_at BIGINT, expires_at BIGINT, revoked_at BIGINT)");
                // secrets superseded by a regeneration that still work until expires_at
                s.execute("CREATE TABLE IF NOT EXISTS key_grace ("
                        + "digest CHAR(64) PRIMARY KEY, key_id VARCHAR(40) NOT NULL, prefix VARCHAR(8) NOT NULL,"
                        + "last4 VARCHAR(4) NOT NULL, expires_at BIGINT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS idempotency ("
                        + "key_id VARCHAR(40) NOT NULL, idem_key VARCHAR(255) NOT NULL, body_digest CHAR(64) NOT NULL,"
                        + "approval_id VARCHAR(40) NOT NULL, response CLOB NOT NULL, created_at BIGINT NOT NULL,"
                        + "PRIMARY KEY (key_id, idem_key))");
                s.execute("CREATE INDEX IF NOT EXISTS idempotency_created ON idempotency(created_at)");
                s.execute(
                        "CREATE TABLE IF NOT EXISTS audit ("
                                + "seq BIGINT AUTO_INCREMENT PRIMARY KEY, at BIGINT NOT NULL, actor_key_id VARCHAR(40),"
                                + "actor_owner VARCHAR(400), action VARCHAR(40) NOT NULL, target VARCHAR(100), detail VARCHAR(1000))");
                s.execute("CREATE INDEX IF NOT EXISTS audit_at ON audit(at, seq)");
            }
            return null;
        });
    }

    /**
     * Runs work in a transaction: commit on return, roll back on any exception; then writes the store
     * to the file before returning, so an answer is only sent for a change that is in the file.
     *
     * <p>Changes run one at a time. SandboxCrashTest (kill -9 under a concurrent write load) showed that
     * with concurrent commits H2 sometimes returns from a commit that the file never gets (an
     * acknowledged create gone after the kill), and a file written while another transaction is half
     * done can come back with that transaction's rows locked for good (a retried create timing out) or
     * half there (a decision without its audit entry). One writer at a time, and a CHECKPOINT after
     * each commit, means the file is only ever written between whole transactions. Reads do not wait.
     * A change takes well under a millisecond of database time, so one writer is plenty for a sandbox.
     */
    <T> T inTransaction(Work<T> work) throws SQLException {
        return inTransaction(work, true);
    }

    /** For bulk loading (seeding before serving): no CHECKPOINT per transaction; call checkpoint() after. */
    <T> T inTransaction(Work<T> work, boolean checkpoint) throws SQLException {
        writer.lock();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            }
            if (checkpoint) {
                try (Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT");
                }
            }
            return result;
        } finally {
            writer.unlock();
        }
    }

    /** Runs a read (auto-commit). */
    <T> T read(Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        }
    }

    /** Writes everything committed to the file. */
    void checkpoint() throws SQLException {
        inTransaction(c -> null, true);
    }

    /** A random secret kept in the database, created on first use (e.g. the cursor signing key). */
    byte[] secret(String name) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT val FROM meta WHERE name = ?")) {
                q.setString(1, name);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return HexFormat.of().parseHex(rs.getString(1));
                    }
                }
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO meta (name, val) VALUES (?, ?)")) {
                ins.setString(1, name);
                ins.setString(2, HexFormat.of().formatHex(fresh));
                ins.executeUpdate();
            }
            return fresh;
        });
    }

    /** Every table and the column that orders its rows, for {@link #contentDigest()}. */
    private static final String[][] TABLES = {
        {"meta", "name"},
        {"approvals", "seq"},
        {"api_keys", "seq"},
        {"key_grace", "digest"},
        {"idempotency", "key_id, idem_key"},
        {"audit", "seq"}
    };

    /**
     * A SHA-256 over the contents of every table, read in one read-only pass, so tests can show that
     * hostile requests changed nothing. api_keys.last_used_at is left out: it is bookkeeping that any
     * authenticated request may move (written from memory every few seconds), not content.
     */
    String contentDigest() throws SQLException {
        return read(c -> {
            c.setReadOnly(true);
            try {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                for (String[] table : TABLES) {
                    sha.update(("table " + table[0] + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("SELECT * FROM " + table[0] + " ORDER BY " + table[1])) {
                        var meta = rs.getMetaData();
                        while (rs.next()) {
                            StringBuilder row = new StringBuilder();
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                if (meta.getColumnName(i).equalsIgnoreCase("last_used_at")) {
                                    continue;
                                }
                                Object v = rs.getObject(i);
                                if (v == null) {
                                    row.append("~|");
                                    continue;
                                }
                                String text = v instanceof java.sql.Clob clob
                                        ? clob.getSubString(1, (int) clob.length())
                                        : String.valueOf(v);
                                row.append(text.length())
                                        .append(':')
                                        .append(text)
                                        .append('|');
                            }
                            sha.update(row.append('\n').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }
                }
                return HexFormat.of().formatHex(sha.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            } finally {
                c.setReadOnly(false);
            }
        });
    }

    static Long millis(java.time.Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    /** A nullable epoch-millisecond column; one ResultSet call (H2 takes its connection's lock in each). */
    static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        return instantOf(rs.getObject(column, Long.class));
    }

    /** The same, by position. */
    static java.time.Instant instant(ResultSet rs, int column) throws SQLException {
        return instantOf(rs.getObject(column, Long.class));
    }

    private static java.time.Instant instantOf(Long epochMillis) {
        return epochMillis == null ? null : java.time.Instant.ofEpochMilli(epochMillis);
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /** Shuts H2 down (it writes everything and closes the file), then the pool. */
    @Override
    public void close() {
        pool.dispose();
        try (Statement s = anchor.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already closed: nothing left to write
        }
        try {
            anchor.close();
        } catch (SQLException e) {
            // closed by SHUTDOWN
        }
    }
}
