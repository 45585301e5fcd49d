package io.approvals.console.ui.main;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What merging a fresh list will change in the rows shown, worked out off the UI thread from a copy of those rows
 * taken when the fetch began ({@link ApprovalList#merge(FreshRows, boolean)} has the rule): the rows to swap for a
 * changed version, those to take out, those to add. It holds only while the rows are still as copied (their count
 * of changes, {@link ApprovalList#changes}, is the same); else the merge makes its plan anew from the rows. Looking each of
 * 100,000 rows up in the fresh list took most of a refresh's time on the UI thread (bench "100k").
 */
final class MergePlan {
    /** The rows' count of changes when they were copied. */
    final long stamp;
    /** Places of rows whose approval changed, ascending, and their new rows. */
    final int[] changedAt;

    final ApprovalRow[] changedTo;
    /** Places of rows the fresh list no longer has, ascending. */
    final int[] leavingAt;
    /** Rows of ids not shown, in the fresh list's order. */
    final List<ApprovalRow> added;

    private MergePlan(long stamp, int[] changedAt, ApprovalRow[] changedTo, int[] leavingAt, List<ApprovalRow> added) {
        this.stamp = stamp;
        this.changedAt = changedAt;
        this.changedTo = changedTo;
        this.leavingAt = leavingAt;
        this.added = added;
    }

    /**
     * The plan for merging fresh into shown (the rows, or a copy of them, at stamp); the rows of ids in keep stay as
     * shown, and a fresh row of such an id is not added. Any thread, while nothing changes shown.
     */
    static MergePlan of(long stamp, List<ApprovalRow> shown, FreshRows fresh, Set<String> keep) {
        Map<String, ApprovalRow> incoming = fresh.byId();
        Set<String> shownIds = new HashSet<>((int) Math.min(1 << 30, shown.size() / 0.75 + 1));
        List<Integer> changed = new ArrayList<>();
        List<ApprovalRow> changedRows = new ArrayList<>();
        List<Integer> leaving = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            ApprovalRow row = shown.get(i);
            shownIds.add(row.id());
            if (keep.contains(row.id())) {
                continue;
            }
            ApprovalRow next = incoming.get(row.id());
            if (next == null) {
                leaving.add(i);
            } else if (row.approval() != next.approval() && !row.approval().equals(next.approval())) {
                changed.add(i);
                changedRows.add(next);
            }
        }
        List<ApprovalRow> added = new ArrayList<>();
        for (ApprovalRow r : incoming.values()) {
            if (!shownIds.contains(r.id()) && !keep.contains(r.id())) {
                added.add(r);
            }
        }
        return new MergePlan(
                stamp,
                changed.stream().mapToInt(Integer::intValue).toArray(),
                changedRows.toArray(new ApprovalRow[0]),
                leaving.stream().mapToInt(Integer::intValue).toArray(),
                added);
    }
}
