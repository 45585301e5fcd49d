package io.approvals.console.sandbox;

import java.sql.SQLException;
import java.util.List;

/** GET /audit: the trail, newest first (by at, then id), paged like the approvals list. */
final class AuditHandler {
    private final SandboxStore store;
    private final Cursors cursors;

    AuditHandler(SandboxStore store, Cursors cursors) {
        this.store = store;
        this.cursors = cursors;
    }

    Reply list(Call call) throws SQLException {
        int limit = Paging.limit(call);
        String cursor = call.query("cursor");
        long[] before = cursor == null || cursor.isEmpty()
                ? new long[] {Long.MAX_VALUE, Long.MAX_VALUE}
                : cursors.positions(Cursors.AUDIT, cursor);
        List<AuditLog.Row> rows = store.read(c -> AuditLog.page(c, before[0], before[1], limit + 1));
        List<AuditLog.Row> page = rows.subList(0, Math.min(limit, rows.size()));
        AuditLog.Row last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = rows.size() > limit
                ? cursors.issue(Cursors.AUDIT, last.entry().at().toEpochMilli(), last.seq())
                : null;
        return Responses.json(
                200, Responses.page(page.stream().map(AuditLog.Row::listed).toList(), next));
    }
}
