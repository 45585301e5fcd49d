package io.approvals.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sort keys and search text, computed once per row. */
class ApprovalRowTest {
    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

    static Approval approval(String id, String title, Priority p, Instant created, Instant due) {
        return new Approval(
                id,
                title,
                "desc " + id,
                "req@example.com",
                "app@example.com",
                p,
                due,
                ApprovalStatus.PENDING,
                created,
                created,
                null,
                null,
                null,
                1);
    }

    @Test
    void prioritySortsByUrgencyNotByName() {
        List<ApprovalRow> rows = new ArrayList<>();
        for (Priority p : new Priority[] {Priority.URGENT, Priority.LOW, Priority.HIGH, Priority.NORMAL}) {
            rows.add(new ApprovalRow(approval(p.wire(), "t", p, T, null)));
        }
        rows.sort(ApprovalRow.BY_PRIORITY);
        assertThat(rows)
                .extracting(ApprovalRow::priority)
                .containsExactly(Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT);
    }

    @Test
    void dueSortsByInstantWithNoDueDateLast() {
        List<ApprovalRow> rows = new ArrayList<>(List.of(
                new ApprovalRow(approval("none", "t", Priority.LOW, T, null)),
                new ApprovalRow(approval("late", "t", Priority.LOW, T, T.plusSeconds(100))),
                new ApprovalRow(approval("soon", "t", Priority.LOW, T, T.plusSeconds(10)))));
        rows.sort(ApprovalRow.BY_DUE);
        assertThat(rows).extracting(ApprovalRow::id).containsExactly("soon", "late", "none");
    }

    @Test
    void titleSortIsCaseInsensitiveWithoutACollator() {
        List<ApprovalRow> rows = new ArrayList<>(List.of(
                new ApprovalRow(approval("b", "beta", Priority.LOW, T, null)),
                new ApprovalRow(approval("a", "Alpha", Priority.LOW, T, null)),
                new ApprovalRow(approval("c", "Gamma", Priority.LOW, T, null))));
        rows.sort(ApprovalRow.BY_TITLE);
        assertThat(rows).extracting(ApprovalRow::id).containsExactly("a", "b", "c");
    }

    @Test
    void ageAscendingPutsTheYoungestFirst() {
        List<ApprovalRow> rows = new ArrayList<>(List.of(
                new ApprovalRow(approval("new", "t", Priority.LOW, T, null)),
                new ApprovalRow(approval("old", "t", Priority.LOW, T.minusSeconds(1000), null))));
        rows.sort(ApprovalRow.BY_AGE);
        assertThat(rows).extracting(ApprovalRow::id).containsExactly("new", "old");
    }

    @Test
    void searchCoversEveryTextField() {
        ApprovalRow row = new ApprovalRow(approval("apr_X1", "New Laptop", Priority.HIGH, T, null));
        assertThat(row.matches(new String[] {"laptop"})).isTrue();
        assertThat(row.matches(new String[] {"req@example", "app@"})).isTrue();
        assertThat(row.matches(new String[] {"high"})).isTrue();
        assertThat(row.matches(new String[] {"apr_x1"})).isTrue();
        assertThat(row.matches(new String[] {"desc", "nothere"})).isFalse();
    }

    /** The reason for precomputed keys: 100,000 rows sort without a locale Collator per comparison. */
    @Test
    void sortsAHundredThousandRowsByTitle() {
        Random r = new Random(1);
        List<ApprovalRow> rows = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            rows.add(new ApprovalRow(approval(
                    "id" + i,
                    "Title " + Long.toString(r.nextLong(), 36),
                    Priority.values()[i % 4],
                    T.minusSeconds(i),
                    null)));
        }
        rows.sort(ApprovalRow.BY_TITLE);
        assertThat(rows).isSortedAccordingTo(ApprovalRow.BY_TITLE);
    }
}
