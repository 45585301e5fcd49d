package io.approvals.console.sandbox;

import java.sql.SQLException;
import java.util.List;

/** GET /audit: the trail, newest first, paged like the approvals list. */
final class AuditHandler {
    private final SandboxStore store;
    private final Cursors cursors;

    AuditHandler(SandboxStore store, Cursors cursors) {
        this.store = store;
        this.cursors = cursors;
    }

    Reply list(Call call) throws SQLException {
        int limit = Paging.limit(call);
        long before = Paging.position(call, cursors, Cursors.AUDIT, Long.MAX_VALUE);
        List<AuditLog.Row> rows = store.read(c -> AuditLog.page(c, before, limit + 1));
        List<AuditLog.Row> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? cursors.issue(Cursors.AUDIT, page.get(page.size() - 1).seq()) : null;
        return Responses.json(200, Responses.page(page.stream().map(AuditLog.Row::entry).toList(), next));
    }
}
