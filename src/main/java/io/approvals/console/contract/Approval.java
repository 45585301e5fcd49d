package io.approvals.console.contract;

import java.time.Instant;

/** The approval resource, as the contract describes it. */
public record Approval(
        String id,
        String title,
        String description,
        String requester,
        String approver,
        Priority priority,
        Instant dueAt,
        ApprovalStatus status,
        Instant createdAt,
        Instant updatedAt,
        String decidedBy,
        Instant decidedAt,
        String comment,
        long version) {

    public boolean isPending() {
        return status == null || status == ApprovalStatus.PENDING;
    }

    public boolean isOverdue(Instant now) {
        return dueAt != null && isPending() && dueAt.isBefore(now);
    }
}
