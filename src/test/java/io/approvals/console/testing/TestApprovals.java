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
        return new Approval(
                id,
                title,
                null,
                requester,
                null,
                Priority.NORMAL,
                null,
                ApprovalStatus.PENDING,
                created,
                created,
                null,
                null,
                null,
                1);
    }

    /** As {@link #pending}, approved by "lee@example.com" at {@code created}, version 2. */
    public static Approval approved(String id, String title, String requester, Instant created) {
        return new Approval(
                id,
                title,
                null,
                requester,
                null,
                Priority.NORMAL,
                null,
                ApprovalStatus.APPROVED,
                created,
                created,
                "lee@example.com",
                created,
                null,
                2);
    }
}
