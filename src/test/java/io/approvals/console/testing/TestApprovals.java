package io.approvals.console.testing;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import java.time.Instant;

/** Approvals for tests that need only a few of the contract's fields. */
public final class TestApprovals {
    private TestApprovals() {}

    /** Pending, normal priority, no approver, description or due date, created (and updated) at {@code created}. */
    public static Approval pending(String id, String title, String requester, Instant created) {
        return approval(id, title, requester, created, ApprovalStatus.PENDING, null, null, 1);
    }

    /** As {@link #pending}, approved by "lee@example.com" at {@code created}, version 2. */
    public static Approval approved(String id, String title, String requester, Instant created) {
        return approval(id, title, requester, created, ApprovalStatus.APPROVED, "lee@example.com", created, 2);
    }

    private static Approval approval(
            String id,
            String title,
            String requester,
            Instant created,
            ApprovalStatus status,
            String decidedBy,
            Instant decidedAt,
            long version) {
        return new Approval(
                id,
                title,
                null,
                requester,
                null,
                Priority.NORMAL,
                null,
                status,
                created,
                created,
                decidedBy,
                decidedAt,
                null,
                version);
    }
}
