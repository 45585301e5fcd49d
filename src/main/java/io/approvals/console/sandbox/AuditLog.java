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
    }

    private AuditLog() {
    }

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

    /** Up to limit entries older than beforeSeq (Long.MAX_VALUE for the newest), newest first. */
    static List<Row> page(Connection c, long beforeSeq, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, actor_key_id, actor_owner, action, target,"
                + " detail FROM audit WHERE seq < ? ORDER BY seq DESC LIMIT ?")) {
            ps.setLong(1, beforeSeq);
            ps.setInt(2, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), new AuditEntry(Instant.ofEpochMilli(rs.getLong(2)),
                            new AuditEntry.Actor(rs.getString(3), rs.getString(4)), rs.getString(5),
                            rs.getString(6), rs.getString(7))));
                }
            }
            return rows;
        }
    }
}
