package io.approvals.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.Approval;
import io.approvals.console.testing.TestApprovals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rows made from a list's pages while they come are the list's rows; anything else gets its rows made anew. */
class RowsAheadTest {
    private static List<Approval> page(int from, int to) {
        List<Approval> out = new ArrayList<>();
        Instant t = Instant.parse("2026-12-07T09:00:00Z");
        for (int i = from; i < to; i++) {
            out.add(TestApprovals.pending(
                    "ID-" + i,
                    (i % 2 == 0 ? "New Laptop " : "Expense report ") + i,
                    (i % 3 == 0 ? "Dana" : "sam") + "@example.com",
                    t.minusSeconds(i)));
        }
        return out;
    }

    private static List<Approval> joined(List<List<Approval>> pages) {
        return pages.stream().flatMap(List::stream).toList();
    }

    @Test
    void theRowsOfTheListsPagesAreItsRowsInItsOrder() {
        List<List<Approval>> pages = List.of(page(0, 1000), page(1000, 2000), page(2000, 2300));
        RowsAhead ahead = new RowsAhead();
        pages.forEach(ahead);

        List<ApprovalRow> rows = ahead.rowsOf(joined(pages));

        List<Approval> items = joined(pages);
        assertThat(rows).hasSameSizeAs(items);
        for (int i = 0; i < items.size(); i++) {
            assertThat(rows.get(i).approval()).as("row %d", i).isSameAs(items.get(i));
        }
        assertThat(rows.stream().filter(r -> r.matches(new String[] {"laptop", "dana"})))
                .hasSize((int) items.stream()
                        .filter(a ->
                                a.title().startsWith("New") && a.requester().startsWith("Dana"))
                        .count());
    }

    @Test
    void aListThatIsNotThePagesGetsRowsOfItsOwn() {
        RowsAhead ahead = new RowsAhead();
        List<Approval> fed = page(0, 500);
        ahead.accept(fed);
        // the fetch's list is other objects (same ids): its rows are made of them
        List<Approval> other = page(0, 500);

        List<ApprovalRow> rows = ahead.rowsOf(other);

        assertThat(rows).extracting(ApprovalRow::approval).containsExactlyElementsOf(other);
        RowsAhead fewer = new RowsAhead();
        fewer.accept(fed);
        assertThat(fewer.rowsOf(fed.subList(0, 499)))
                .extracting(ApprovalRow::approval)
                .containsExactlyElementsOf(fed.subList(0, 499));
    }

    @Test
    void aPageThatCannotBeMadeIntoRowsLeavesTheListsRowsToBeMadeThen() {
        RowsAhead ahead = new RowsAhead();
        List<Approval> broken = new ArrayList<>(page(0, 10));
        broken.set(3, null);
        ahead.accept(broken);
        ahead.accept(page(10, 20));
        List<Approval> items =
                Stream.concat(page(0, 10).stream(), page(10, 20).stream()).toList();

        assertThat(ahead.rowsOf(items)).extracting(ApprovalRow::approval).containsExactlyElementsOf(items);
    }
}
