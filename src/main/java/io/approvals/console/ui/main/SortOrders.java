package io.approvals.console.ui.main;

import java.util.Comparator;

/**
 * Sort orders as an approver expects them, per direction: Priority's first click puts Urgent first; equal
 * priorities go by due date, then oldest first; approvals without a due date come last in both directions.
 * Each is one method over precomputed keys (see {@link ApprovalRow}), not a chain of comparators.
 */
final class SortOrders {
    /** The key a column's properties hold its descending comparator under (see ApprovalTable.rowComparator). */
    static final String DESCENDING = "approvals.descendingComparator";

    /** The oldest first (the earliest createdAt). */
    static final Comparator<ApprovalRow> OLDEST_FIRST = ApprovalRow::oldestFirst;
    /** Due soonest first, no due date last, then the oldest first. */
    static final Comparator<ApprovalRow> DUE_SOONEST = ApprovalRow::dueSoonest;
    /** Due latest first, no due date still last, then the oldest first. */
    static final Comparator<ApprovalRow> DUE_LATEST = ApprovalRow::dueLatest;

    /** Urgent, High, Normal, Low; then {@link #DUE_SOONEST}. */
    static final Comparator<ApprovalRow> PRIORITY_ASCENDING = ApprovalRow::urgentFirst;
    /** Low, Normal, High, Urgent; then {@link #DUE_SOONEST}. */
    static final Comparator<ApprovalRow> PRIORITY_DESCENDING = ApprovalRow::lowFirst;

    /**
     * The descending order of a column whose comparator has no order of its own for it: the two rows swapped, as
     * {@code reversed()} would, but written out per column so each stays one direct call.
     */
    static final Comparator<ApprovalRow> TITLE_DESCENDING = (a, b) -> ApprovalRow.BY_TITLE.compare(b, a);

    static final Comparator<ApprovalRow> REQUESTER_DESCENDING = (a, b) -> ApprovalRow.BY_REQUESTER.compare(b, a);
    static final Comparator<ApprovalRow> APPROVER_DESCENDING = (a, b) -> ApprovalRow.BY_APPROVER.compare(b, a);
    static final Comparator<ApprovalRow> AGE_DESCENDING = OLDEST_FIRST;
    static final Comparator<ApprovalRow> STATUS_DESCENDING = (a, b) -> ApprovalRow.BY_STATUS.compare(b, a);

    private SortOrders() {}
}
