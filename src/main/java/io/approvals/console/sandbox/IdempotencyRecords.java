package io.approvals.console.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Stored 201 answers of CreateApproval, per (calling key id, Idempotency-Key). Kept 48 hours, twice
 * what the contract promises, so a record never vanishes right at the 24-hour edge.
 */
final class IdempotencyRecords {
    static final Duration RETENTION = Duration.ofHours(48);

    /** What was stored: the digest of the canonical request body and the exact response body. */
    record Stored(String bodyDigest, String approvalId, String response) {}

    private IdempotencyRecords() {}

    static Optional<Stored> find(Connection c, String keyId, String idemKey, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body_digest, approval_id, response FROM idempotency"
                + " WHERE key_id = ? AND idem_key = ? AND created_at > ?")) {
            ps.setString(1, keyId);
            ps.setString(2, idemKey);
            ps.setLong(3, now.minus(RETENTION).toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Stored(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** Inserts; a concurrent twin with the same key fails on the primary key and is rolled back. */
    static void insert(Connection c, String keyId, String idemKey, Stored s, Instant now) throws SQLException {
        try (PreparedStatement del =
                c.prepareStatement("DELETE FROM idempotency WHERE key_id = ? AND idem_key = ? AND created_at <= ?")) {
            del.setString(1, keyId);
            del.setString(2, idemKey);
            del.setLong(3, now.minus(RETENTION).toEpochMilli());
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency (key_id, idem_key, body_digest,"
                + " approval_id, response, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, keyId);
            ps.setString(2, idemKey);
            ps.setString(3, s.bodyDigest());
            ps.setString(4, s.approvalId());
            ps.setString(5, s.response());
            ps.setLong(6, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    static void purge(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM idempotency WHERE created_at <= ?")) {
            ps.setLong(1, now.minus(RETENTION).toEpochMilli());
            ps.executeUpdate();
        }
    }
}
