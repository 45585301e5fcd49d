package io.approvals.console.ui.main;

import io.approvals.console.contract.Priority;
import io.approvals.console.ui.common.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
        Instant now = clock.instant();
        int[] age = new int[4];
        int[] prio = new int[Priority.values().length];
        long pending = 0;
        for (ApprovalRow r : rows) {
            if (!r.isPending()) {
                continue;
            }
            pending++;
            Instant created = r.approval().createdAt();
            long days = created == null ? 0 : Duration.between(created, now).toDays();
            age[days < 1 ? 0 : days < 3 ? 1 : days < 7 ? 2 : 3]++;
            prio[r.priority().ordinal()]++;
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
