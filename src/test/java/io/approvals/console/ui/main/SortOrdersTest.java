package io.approvals.console.ui.main;

import static io.approvals.console.ui.main.ApprovalRowTest.approval;
import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The orders an approver expects, in both directions, without a screen. */
class SortOrdersTest {
    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

    private static ApprovalRow row(String id, Priority p, Instant created, Instant due) {
        return new ApprovalRow(approval(id, id, p, created, due));
    }

    private static List<String> sorted(List<ApprovalRow> rows, java.util.Comparator<ApprovalRow> order) {
        List<ApprovalRow> copy = new ArrayList<>(rows);
        Collections.shuffle(copy, new Random(7));
        copy.sort(order);
        return copy.stream().map(ApprovalRow::id).toList();
    }

    private final List<ApprovalRow> rows = List.of(
            row("low", Priority.LOW, T, T.plus(Duration.ofDays(1))),
            row("urgent-none", Priority.URGENT, T, null),
            row("urgent-late", Priority.URGENT, T, T.plus(Duration.ofDays(5))),
            row("urgent-soon-young", Priority.URGENT, T, T.plus(Duration.ofDays(2))),
            row("urgent-soon-old", Priority.URGENT, T.minus(Duration.ofDays(9)), T.plus(Duration.ofDays(2))),
            row("normal", Priority.NORMAL, T.plusSeconds(60), null),
            row("high", Priority.HIGH, T, T));

    @Test
    void priorityFirstPutsUrgentFirstThenBreaksTiesByDueDateThenAge() {
        assertThat(sorted(rows, SortOrders.PRIORITY_ASCENDING))
                .containsExactly(
                        "urgent-soon-old", "urgent-soon-young", "urgent-late", "urgent-none", "high", "normal", "low");
    }

    @Test
    void priorityReversedPutsLowFirstWithTheSameTieBreaks() {
        assertThat(sorted(rows, SortOrders.PRIORITY_DESCENDING))
                .containsExactly(
                        "low", "normal", "high", "urgent-soon-old", "urgent-soon-young", "urgent-late", "urgent-none");
    }

    @Test
    void noDueDateSortsLastInBothDirections() {
        List<String> soonest = sorted(rows, SortOrders.DUE_SOONEST);
        List<String> latest = sorted(rows, SortOrders.DUE_LATEST);
        assertThat(soonest)
                .containsExactly(
                        "high", "low", "urgent-soon-old", "urgent-soon-young", "urgent-late", "urgent-none", "normal");
        assertThat(latest)
                .containsExactly(
                        "urgent-late", "urgent-soon-old", "urgent-soon-young", "low", "high", "urgent-none", "normal");
    }
}
