package io.approvals.console.ui.main;

import java.time.Instant;
import java.util.Comparator;

/**
 * Sort orders as an approver expects them, per direction: Priority's first click puts Urgent first; equal
 * priorities go by due date, then oldest first; approvals without a due date come last in both directions.
 */
final class SortOrders {
    /** The key a column's properties hold its descending comparator under (see ApprovalTable.rowComparator). */
    static final String DESCENDING = "approvals.descendingComparator";

    /** Urgent, High, Normal, Low. */
    static final Comparator<ApprovalRow> URGENT_FIRST = ApprovalRow.BY_PRIORITY.reversed();
    /** The oldest first (the earliest createdAt). */
    static final Comparator<ApprovalRow> OLDEST_FIRST = ApprovalRow.BY_AGE.reversed();
    /** Due soonest first, no due date last, then the oldest first. */
    static final Comparator<ApprovalRow> DUE_SOONEST = ApprovalRow.BY_DUE.thenComparing(OLDEST_FIRST);
    /** Due latest first, no due date still last, then the oldest first. */
    static final Comparator<ApprovalRow> DUE_LATEST =
            ((Comparator<ApprovalRow>) SortOrders::dueLatestFirst).thenComparing(OLDEST_FIRST);

    static final Comparator<ApprovalRow> PRIORITY_ASCENDING = URGENT_FIRST.thenComparing(DUE_SOONEST);
    static final Comparator<ApprovalRow> PRIORITY_DESCENDING = ApprovalRow.BY_PRIORITY.thenComparing(DUE_SOONEST);

    private SortOrders() {}

    private static int dueLatestFirst(ApprovalRow a, ApprovalRow b) {
        Instant x = a.approval().dueAt();
        Instant y = b.approval().dueAt();
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : 1) : -1;
        }
        return y.compareTo(x);
    }
}
