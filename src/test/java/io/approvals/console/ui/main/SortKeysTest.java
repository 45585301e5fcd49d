package io.approvals.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every column's order in both directions, over precomputed keys (ApprovalRow, SortOrders), is the order the plain
 * comparators over the approval's own fields give: same rows in the same places, ties included (both keep the list's
 * order for rows that compare equal).
 */
class SortKeysTest {
    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
    private static final String[] PEOPLE = {"dana", "Lee", "sam", "ALEX", "priya", "jördan", "mei"};
    private static final String[] TITLES = {
        "New laptop", "new Laptop", "Expense report", "Ärger", "Purchase order #", ""
    };

    private static List<ApprovalRow> rows(int n, long seed) {
        Random r = new Random(seed);
        List<Approval> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String title = TITLES[r.nextInt(TITLES.length)] + (r.nextInt(3) == 0 ? "" : " " + r.nextInt(40));
            String requester = PEOPLE[r.nextInt(PEOPLE.length)] + "@example.com";
            String approver = r.nextInt(5) == 0 ? null : PEOPLE[r.nextInt(PEOPLE.length)] + "@example.com";
            // whole seconds and nanoseconds, repeats, far past and far future
            Instant created = T.minusSeconds(r.nextInt(50)).plusNanos(r.nextInt(3) * 1_000L);
            Instant due =
                    switch (r.nextInt(6)) {
                        case 0 -> null;
                        case 1 -> Instant.parse("9999-12-31T00:00:00Z");
                        case 2 -> T.plusSeconds(r.nextInt(20)).plusNanos(r.nextInt(2));
                        default -> T.minusSeconds(r.nextInt(20));
                    };
            Priority p = Priority.values()[r.nextInt(4)];
            ApprovalStatus st = r.nextInt(4) == 0 ? ApprovalStatus.APPROVED : ApprovalStatus.PENDING;
            out.add(new Approval(
                    "id" + i, title, null, requester, approver, p, due, st, created, created, null, null, null, 1));
        }
        // odd seeds: one list's rows, sharing their texts (equal keys are one instance); even: rows made one by one
        return seed % 2 == 1
                ? ApprovalList.rowsOf(out)
                : out.stream().map(ApprovalRow::new).toList();
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static <K extends Comparable<K>> Comparator<ApprovalRow> by(Function<Approval, K> key) {
        return Comparator.comparing(r -> key.apply(r.approval()));
    }

    private static final Comparator<ApprovalRow> CREATED = by(Approval::createdAt);
    private static final Comparator<ApprovalRow> DUE_SOONEST_REF = Comparator.<ApprovalRow, Instant>comparing(
                    r -> r.approval().dueAt(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CREATED);
    private static final Comparator<ApprovalRow> DUE_LATEST_REF = Comparator.<ApprovalRow, Instant>comparing(
                    r -> r.approval().dueAt(), Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(CREATED);
    private static final Comparator<ApprovalRow> URGENCY = Comparator.comparing(ApprovalRow::priority);

    /** Column → {ascending as the app sorts, reference ascending, descending as the app sorts, reference descending}. */
    private static Map<String, List<Comparator<ApprovalRow>>> orders() {
        Comparator<ApprovalRow> title = by(a -> lower(a.title()));
        Comparator<ApprovalRow> requester = by(a -> lower(a.requester()));
        Comparator<ApprovalRow> approver = by(a -> lower(a.approver()));
        Comparator<ApprovalRow> status = Comparator.comparing(ApprovalRow::status);
        return Map.of(
                "title", List.of(ApprovalRow.BY_TITLE, title, SortOrders.TITLE_DESCENDING, title.reversed()),
                "requester",
                        List.of(
                                ApprovalRow.BY_REQUESTER,
                                requester,
                                SortOrders.REQUESTER_DESCENDING,
                                requester.reversed()),
                "approver",
                        List.of(ApprovalRow.BY_APPROVER, approver, SortOrders.APPROVER_DESCENDING, approver.reversed()),
                "priority",
                        List.of(
                                SortOrders.PRIORITY_ASCENDING,
                                URGENCY.reversed().thenComparing(DUE_SOONEST_REF),
                                SortOrders.PRIORITY_DESCENDING,
                                URGENCY.thenComparing(DUE_SOONEST_REF)),
                "age", List.of(ApprovalRow.BY_AGE, CREATED.reversed(), SortOrders.AGE_DESCENDING, CREATED),
                "due", List.of(SortOrders.DUE_SOONEST, DUE_SOONEST_REF, SortOrders.DUE_LATEST, DUE_LATEST_REF),
                "status", List.of(ApprovalRow.BY_STATUS, status, SortOrders.STATUS_DESCENDING, status.reversed()));
    }

    private static List<String> sorted(List<ApprovalRow> rows, Comparator<ApprovalRow> order) {
        List<ApprovalRow> copy = new ArrayList<>(rows);
        copy.sort(order); // stable: ties keep the list's order
        return copy.stream().map(ApprovalRow::id).toList();
    }

    @Test
    void everyColumnSortsAsThePlainComparatorsOverTheApprovalDoInBothDirections() {
        for (long seed = 1; seed <= 5; seed++) {
            List<ApprovalRow> rows = rows(3000, seed);
            for (var e : orders().entrySet()) {
                List<Comparator<ApprovalRow>> o = e.getValue();
                assertThat(sorted(rows, o.get(0)))
                        .as(e.getKey() + " ascending, seed " + seed)
                        .isEqualTo(sorted(rows, o.get(1)));
                assertThat(sorted(rows, o.get(2)))
                        .as(e.getKey() + " descending, seed " + seed)
                        .isEqualTo(sorted(rows, o.get(3)));
            }
        }
    }

    @Test
    void instantKeysOrderAsTheInstantsAndNeverReachNoDueDate() {
        List<Instant> instants = List.of(
                Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.999999999Z"),
                T,
                T.plusNanos(1),
                T.minusNanos(1),
                Instant.parse("2261-12-31T00:00:00Z"));
        for (Instant a : instants) {
            for (Instant b : instants) {
                assertThat(Long.signum(Long.compare(ApprovalRow.instantKey(a, 0), ApprovalRow.instantKey(b, 0))))
                        .as(a + " vs " + b)
                        .isEqualTo(Integer.signum(a.compareTo(b)));
            }
        }
        assertThat(ApprovalRow.instantKey(Instant.MAX, ApprovalRow.NO_DUE)).isLessThan(ApprovalRow.NO_DUE);
        assertThat(ApprovalRow.instantKey(Instant.MIN, Long.MIN_VALUE)).isGreaterThan(Long.MIN_VALUE);
        assertThat(ApprovalRow.instantKey(null, ApprovalRow.NO_DUE)).isEqualTo(ApprovalRow.NO_DUE);
    }

    @Test
    void equalTitlesInAnyCaseKeepTheListsOrderAndStaySearchable() {
        List<ApprovalRow> rows = new ArrayList<>();
        for (String t : new String[] {"New Laptop", "new laptop", "Chair", "NEW LAPTOP"}) {
            rows.add(new ApprovalRow(new Approval(
                    t,
                    t,
                    null,
                    "r@example.com",
                    null,
                    Priority.NORMAL,
                    null,
                    ApprovalStatus.PENDING,
                    T,
                    T,
                    null,
                    null,
                    null,
                    1)));
        }
        assertThat(sorted(rows, ApprovalRow.BY_TITLE))
                .containsExactly("Chair", "New Laptop", "new laptop", "NEW LAPTOP");
        assertThat(sorted(rows, SortOrders.TITLE_DESCENDING))
                .containsExactly("New Laptop", "new laptop", "NEW LAPTOP", "Chair");
        assertThat(rows)
                .allMatch(r -> r.matches(new String[] {"laptop"})
                        == r.id().toLowerCase(Locale.ROOT).contains("laptop"));
    }
}
