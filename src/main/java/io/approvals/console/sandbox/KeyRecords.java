package io.approvals.console.sandbox;

import static io.approvals.console.sandbox.SandboxStore.instant;
import static io.approvals.console.sandbox.SandboxStore.millis;
import static io.approvals.console.sandbox.SandboxStore.setLong;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for api_keys and key_grace. Runs on the caller's connection. */
final class KeyRecords {
    private static final String COLUMNS = "seq, id, name, owner, scopes, digest, prefix, last4, created_at,"
            + " last_used_at, expires_at, revoked_at";

    private KeyRecords() {}

    static KeyRecord insert(Connection c, KeyRecord k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO api_keys (id, name, owner, scopes, digest,"
                        + " prefix, last4, created_at, last_used_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, k.id());
            ps.setString(2, k.name());
            ps.setString(3, k.owner());
            ps.setString(4, String.join(",", k.scopes()));
            ps.setString(5, k.digest());
            ps.setString(6, k.prefix());
            ps.setString(7, k.last4());
            ps.setLong(8, k.createdAt().toEpochMilli());
            setLong(ps, 9, millis(k.lastUsedAt()));
            setLong(ps, 10, millis(k.expiresAt()));
            setLong(ps, 11, millis(k.revokedAt()));
            ps.executeUpdate();
        }
        return find(c, k.id()).orElseThrow();
    }

    static Optional<KeyRecord> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    static List<KeyRecord> all(Connection c) throws SQLException {
        return page(c, 0, Integer.MAX_VALUE);
    }

    static List<KeyRecord> page(Connection c, long afterSeq, int limit) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit);
            List<KeyRecord> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(map(rs));
                }
            }
            return rows;
        }
    }

    static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM api_keys");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void replaceSecret(Connection c, String id, String digest, String prefix, String last4) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE api_keys SET digest = ?, prefix = ?, last4 = ? WHERE id = ?")) {
            ps.setString(1, digest);
            ps.setString(2, prefix);
            ps.setString(3, last4);
            ps.setString(4, id);
            ps.executeUpdate();
        }
    }

    static void revoke(Connection c, String id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET revoked_at = ? WHERE id = ?")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    static void addGrace(Connection c, GraceSecret g) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO key_grace (digest, key_id, prefix, last4, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, g.digest());
            ps.setString(2, g.keyId());
            ps.setString(3, g.prefix());
            ps.setString(4, g.last4());
            ps.setLong(5, g.expiresAt().toEpochMilli());
            ps.executeUpdate();
        }
    }

    static void deleteGrace(Connection c, String keyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM key_grace WHERE key_id = ?")) {
            ps.setString(1, keyId);
            ps.executeUpdate();
        }
    }

    static void deleteGraceOver(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM key_grace WHERE expires_at <= ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** The key's superseded secrets that still work at now, the one that works longest first. */
    static List<GraceSecret> graceOf(Connection c, String keyId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT digest, key_id, prefix, last4, expires_at FROM key_grace"
                + " WHERE key_id = ? AND expires_at > ? ORDER BY expires_at DESC")) {
            ps.setString(1, keyId);
            ps.setLong(2, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                return graceRows(rs);
            }
        }
    }

    static List<GraceSecret> allGrace(Connection c) throws SQLException {
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT digest, key_id, prefix, last4, expires_at FROM key_grace");
                ResultSet rs = ps.executeQuery()) {
            return graceRows(rs);
        }
    }

    /** Rows of (digest, key_id, prefix, last4, expires_at), in that order. */
    private static List<GraceSecret> graceRows(ResultSet rs) throws SQLException {
        List<GraceSecret> out = new ArrayList<>();
        while (rs.next()) {
            out.add(new GraceSecret(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    Instant.ofEpochMilli(rs.getLong(5))));
        }
        return out;
    }

    static void updateLastUsed(Connection c, Map<String, Instant> lastUsed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET last_used_at = ? WHERE id = ?"
                + " AND (last_used_at IS NULL OR last_used_at < ?)")) {
            for (Map.Entry<String, Instant> e : lastUsed.entrySet()) {
                ps.setLong(1, e.getValue().toEpochMilli());
                ps.setString(2, e.getKey());
                ps.setLong(3, e.getValue().toEpochMilli());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static KeyRecord map(ResultSet rs) throws SQLException {
        String scopes = rs.getString("scopes");
        return new KeyRecord(
                rs.getLong("seq"),
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("owner"),
                scopes.isEmpty() ? List.of() : Arrays.asList(scopes.split(",")),
                rs.getString("digest"),
                rs.getString("prefix"),
                rs.getString("last4"),
                instant(rs, "created_at"),
                instant(rs, "last_used_at"),
                instant(rs, "expires_at"),
                instant(rs, "revoked_at"));
    }
}
