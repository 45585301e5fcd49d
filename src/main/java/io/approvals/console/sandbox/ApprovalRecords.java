package io.approvals.console.sandbox;

import static io.approvals.console.sandbox.SandboxStore.instant;
import static io.approvals.console.sandbox.SandboxStore.millis;
import static io.approvals.console.sandbox.SandboxStore.setLong;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for the approvals table. Every method runs on the caller's connection (and transaction). */
final class ApprovalRecords {
    /** The columns {@link #map} reads, by position: change both together. */
    private static final String COLUMNS = "seq, id, title, description, requester, approver, priority, due_at, status,"
            + " created_at, updated_at, decided_by, decided_at, comment, version";

    private static final String INSERT = "INSERT INTO approvals (id, title, description, requester, approver, priority,"
            + " due_at, status, created_at, updated_at, decided_by, decided_at, comment, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** An approval and its position in creation order (what cursors point at). */
    record Row(long seq, Approval approval) {}

    private ApprovalRecords() {}

    static void insert(Connection c, Approval a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, a);
            ps.executeUpdate();
        }
    }

    /** Batch insert for seeding many approvals; the caller commits. */
    static void insertAll(Connection c, List<Approval> approvals) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Approval a : approvals) {
                bind(ps, a);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, Approval a) throws SQLException {
        ps.setString(1, a.id());
        ps.setString(2, a.title());
        ps.setString(3, a.description());
        ps.setString(4, a.requester());
        ps.setString(5, a.approver());
        ps.setString(6, a.priority().wire());
        setLong(ps, 7, millis(a.dueAt()));
        ps.setString(8, a.status().wire());
        ps.setLong(9, a.createdAt().toEpochMilli());
        ps.setLong(10, a.updatedAt().toEpochMilli());
        ps.setString(11, a.decidedBy());
        setLong(ps, 12, millis(a.decidedAt()));
        ps.setString(13, a.comment());
        ps.setLong(14, a.version());
    }

    static Optional<Approval> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM approvals WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs).approval()) : Optional.empty();
            }
        }
    }

    /** Up to limit pending approvals after position afterSeq, oldest first; approver null = all. */
    static List<Row> pending(Connection c, String approver, long afterSeq, int limit) throws SQLException {
        // Ordered by the index's own columns (equal to ORDER BY seq, the others being fixed): H2 then reads the
        // index in order and stops at the limit. With ORDER BY seq alone it read every pending row after the
        // cursor and sorted them, for every page: fetching 100,000 approvals spent 80% of its time there (bench).
        String sql = "SELECT " + COLUMNS + " FROM approvals WHERE status = 'Pending' AND seq > ?"
                + (approver == null ? " ORDER BY status, seq" : " AND approver = ? ORDER BY approver, status, seq")
                + " LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, afterSeq);
            if (approver != null) {
                ps.setString(i++, approver);
            }
            ps.setInt(i, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(map(rs));
                }
            }
            return rows;
        }
    }

    /**
     * Records a decision if the approval is still Pending at the given version (optimistic
     * concurrency). Returns false when someone else changed it first.
     */
    static boolean decide(Connection c, Approval decided, long expectedVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE approvals SET status = ?, decided_by = ?,"
                + " decided_at = ?, comment = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?"
                + " AND status = 'Pending'")) {
            ps.setString(1, decided.status().wire());
            ps.setString(2, decided.decidedBy());
            setLong(ps, 3, millis(decided.decidedAt()));
            ps.setString(4, decided.comment());
            ps.setLong(5, decided.updatedAt().toEpochMilli());
            ps.setLong(6, decided.version());
            ps.setString(7, decided.id());
            ps.setLong(8, expectedVersion);
            return ps.executeUpdate() == 1;
        }
    }

    static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM approvals")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A row of {@link #COLUMNS}, read by position: H2 takes its connection's lock in every ResultSet call, and a
     * column read by name took it twice (the name's look-up, then the value), a nullable instant three times;
     * reading 100,000 approvals spent a quarter of its time there.
     */
    private static Row map(ResultSet rs) throws SQLException {
        Approval a = new Approval(
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Priority.parse(rs.getString(7)),
                instant(rs, 8),
                ApprovalStatus.parse(rs.getString(9)),
                instant(rs, 10),
                instant(rs, 11),
                rs.getString(12),
                instant(rs, 13),
                rs.getString(14),
                rs.getLong(15));
        return new Row(rs.getLong(1), a);
    }
}
