package io.approvals.console.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The approval resource, as the contract describes it. raw is null for an approval in the contract's own form; a
 * real server's item read by the tolerant reader keeps there what the contract's types cannot hold (a status such as
 * {@code InProgress}, a {@code RowVersion}, fields that could not be read).
 */
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
        long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) Raw raw) {

    /** The contract's own form: nothing raw. */
    public Approval(
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
        this(
                id,
                title,
                description,
                requester,
                approver,
                priority,
                dueAt,
                status,
                createdAt,
                updatedAt,
                decidedBy,
                decidedAt,
                comment,
                version,
                null);
    }

    /**
     * What a real server sent that the contract's types do not hold, sanitized.
     *
     * @param status       the status as the server spelled it (shown when it is not one the contract names)
     * @param priority     the priority as the server spelled it
     * @param versionToken the version exactly as sent (a number's digits, or a string such as a RowVersion), sent
     *                     back unchanged as the expected version; version() is a number derived from it
     * @param versionIsNumber whether the server sent the version as a JSON number
     * @param idIsNumber   whether the server sent the id as a JSON number (sent back as a number)
     * @param unread       the fields whose values could not be read (shown as "unknown")
     */
    public record Raw(
            String status,
            String priority,
            String versionToken,
            boolean versionIsNumber,
            boolean idIsNumber,
            List<String> unread) {
        public Raw {
            unread = unread == null ? List.of() : List.copyOf(unread);
        }
    }

    /** Pending, or a status of the server's own that its not-complete list gave (e.g. InProgress). */
    public boolean isPending() {
        return status == null || status == ApprovalStatus.PENDING || status == ApprovalStatus.OTHER;
    }

    public boolean isOverdue(Instant now) {
        return dueAt != null && isPending() && dueAt.isBefore(now);
    }

    /** The status as it should be shown: the server's own spelling for one the contract does not name. */
    @JsonIgnore
    public String statusText() {
        if (status == ApprovalStatus.OTHER && raw != null && raw.status() != null) {
            return raw.status();
        }
        return status == null ? (isUnread("status") ? "unknown" : ApprovalStatus.PENDING.wire()) : status.wire();
    }

    /** The priority as it should be shown: the server's own spelling for one the contract does not name. */
    @JsonIgnore
    public String priorityText() {
        if (priority == Priority.OTHER && raw != null && raw.priority() != null) {
            return raw.priority();
        }
        return priority == null ? (isUnread("priority") ? "unknown" : Priority.NORMAL.wire()) : priority.wire();
    }

    /** True when some field of this item could not be read. */
    @JsonIgnore
    public boolean isPartlyRead() {
        return raw != null && !raw.unread().isEmpty();
    }

    @JsonIgnore
    public boolean isUnread(String field) {
        return raw != null && raw.unread().contains(field);
    }

    public Approval withRaw(Raw r) {
        return new Approval(
                id,
                title,
                description,
                requester,
                approver,
                priority,
                dueAt,
                status,
                createdAt,
                updatedAt,
                decidedBy,
                decidedAt,
                comment,
                version,
                r);
    }
}
