package io.approvals.console.ui.main;

import io.approvals.console.contract.Priority;
import io.approvals.console.ui.common.Messages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The overview strip's numbers: pending approvals by age and by priority, and how many are pending. Counted over
 * all rows, whatever the filters show, and only when the rows change.
 */
final class Overview {
    private final ObservableList<ApprovalRow> rows;
    private final Clock clock;
    private final ObservableList<Bucket> ageBuckets = FXCollections.observableArrayList();
    private final ObservableList<Bucket> priorityBuckets = FXCollections.observableArrayList();
    private long pendingCount;

    Overview(ObservableList<ApprovalRow> rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** The overview's buckets and the pending count; call whenever rows change. */
    void updateBuckets() {
        // The rows' own keys, not their approvals' fields: at 100,000 rows following each row to its approval and
        // its instants cost more than the counting (on the UI thread, before a big list's first frame).
        long now = ApprovalRow.instantKey(clock.instant(), 0);
        int[] age = new int[4];
        int[] prio = new int[Priority.values().length];
        long pending = 0;
        for (ApprovalRow r : rows) {
            if (!r.isPending()) {
                continue;
            }
            pending++;
            age[ageBucket(r.createdKey(), now)]++;
            prio[r.priorityRank()]++;
        }
        pendingCount = pending;
        ageBuckets.setAll(List.of(
                new Bucket(Messages.get("overview.age0"), age[0], "age-0"),
                new Bucket(Messages.get("overview.age1"), age[1], "age-1"),
                new Bucket(Messages.get("overview.age2"), age[2], "age-2"),
                new Bucket(Messages.get("overview.age3"), age[3], "age-3")));
        List<Bucket> p = new ArrayList<>();
        for (Priority pr : Priority.values()) {
            if (pr == Priority.OTHER && prio[pr.ordinal()] == 0) {
                continue; // only a server with priorities of its own has these
            }
            p.add(new Bucket(
                    pr == Priority.OTHER ? pr.wire() : Messages.get("priority." + pr.name()),
                    prio[pr.ordinal()],
                    "priority-" + pr.wire().toLowerCase(Locale.ROOT)));
        }
        priorityBuckets.setAll(p);
    }

    /**
     * The age bucket (under 1 day, under 3, under 7, older) of a row created at {@code created} (see {@link
     * ApprovalRow#createdKey}; one without a date counts as new), {@code now} in the same nanoseconds: whole days
     * as {@code Duration.between(created, now).toDays()} counts them.
     */
    static int ageBucket(long created, long now) {
        if (created == Long.MIN_VALUE) {
            return 0;
        }
        long days;
        try {
            days = Math.subtractExact(now, created) / NANOS_PER_DAY;
        } catch (ArithmeticException e) {
            days = created < now ? Long.MAX_VALUE : Long.MIN_VALUE; // centuries apart
        }
        return days < 1 ? 0 : days < 3 ? 1 : days < 7 ? 2 : 3;
    }

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    long pendingCount() {
        return pendingCount;
    }

    ObservableList<Bucket> ageBuckets() {
        return ageBuckets;
    }

    ObservableList<Bucket> priorityBuckets() {
        return priorityBuckets;
    }
}
