package io.approvals.console.sandbox;

import io.approvals.console.contract.AuditEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SQL for the audit trail. append() runs in the caller's transaction, next to the change it records. */
final class AuditLog {
    /** An entry and its position, newest first in pages. */
    record Row(long seq, AuditEntry entry) {
        /** As the API shows it: the entry with its id. */
        Listed listed() {
            return new Listed(id(seq), entry.at(), entry.actor(), entry.action(), entry.target(), entry.detail());
        }
    }

    /** An entry on the wire: the contract's fields and an id that orders entries with the same {@code at}. */
    record Listed(String id, Instant at, AuditEntry.Actor actor, String action, String target, String detail) {}

    /** "aud_" and the sequence number in 12 digits, so ids of one {@code at} sort as they were recorded. */
    static String id(long seq) {
        return String.format(java.util.Locale.ROOT, "aud_%012d", seq);
    }

    private AuditLog() {}

    static void append(Connection c, Caller actor, String action, String target, String detail, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit (at, actor_key_id, actor_owner, action,"
                + " target, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, actor.keyId());
            ps.setString(3, actor.owner());
            ps.setString(4, action);
            ps.setString(5, target);
            ps.setString(6, detail);
            ps.executeUpdate();
        }
    }

    /**
     * Up to limit entries before (beforeAt, beforeSeq) (Long.MAX_VALUE twice for the newest), newest first by
     * {@code at}, then by seq. Not by seq alone: {@code at} is taken when a request starts and entries commit one at
     * a time, so under concurrent writes seq order and time order differ by a few milliseconds.
     */
    static List<Row> page(Connection c, long beforeAt, long beforeSeq, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, actor_key_id, actor_owner, action, target,"
                + " detail FROM audit WHERE at < ? OR (at = ? AND seq < ?) ORDER BY at DESC, seq DESC LIMIT ?")) {
            ps.setLong(1, beforeAt);
            ps.setLong(2, beforeAt);
            ps.setLong(3, beforeSeq);
            ps.setInt(4, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getLong(1),
                            new AuditEntry(
                                    Instant.ofEpochMilli(rs.getLong(2)),
                                    new AuditEntry.Actor(rs.getString(3), rs.getString(4)),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7))));
                }
            }
            return rows;
        }
    }
}
