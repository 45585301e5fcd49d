package io.approvals.console.ui.main;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fetched list's rows and the same rows by id (the last of a repeated id; in the list's order), made together where
 * the rows are made, off the UI thread: a refresh of 100,000 rows spent a quarter of its time on the UI thread
 * hashing the ids into this map (JFR of bench "100k", one approval decided elsewhere between refreshes).
 */
record FreshRows(List<ApprovalRow> rows, Map<String, ApprovalRow> byId, long fetchedAt, MergePlan plan) {
    /** The {@link #fetchedAt} of a list newer than anything the window learned (the first list, a cached one). */
    static final long NEWEST = Long.MAX_VALUE;

    static final FreshRows NONE = new FreshRows(List.of(), Map.of(), NEWEST, null);

    static FreshRows of(List<ApprovalRow> rows) {
        // Sized for the whole list: grown from 16, 100,000 ids were hashed into it thirteen times over.
        Map<String, ApprovalRow> byId = new LinkedHashMap<>((int) Math.min(1 << 30, rows.size() / 0.75 + 1));
        for (ApprovalRow r : rows) {
            byId.put(r.id(), r);
        }
        return new FreshRows(rows, Collections.unmodifiableMap(byId), NEWEST, null);
    }

    /**
     * These rows as a list whose fetch began when the rows' count of changes ({@link ApprovalList#changes}) was
     * stamp, with the plan for merging them into shown, a copy of the rows then (see MergePlan).
     */
    FreshRows planned(long stamp, List<ApprovalRow> shown) {
        return new FreshRows(rows, byId, stamp, shown.isEmpty() ? null : MergePlan.of(stamp, shown, this, Set.of()));
    }

    /** These rows as a list whose fetch began at the rows' count of changes stamp, without a plan. */
    FreshRows fetchedAt(long stamp) {
        return new FreshRows(rows, byId, stamp, null);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }
}
