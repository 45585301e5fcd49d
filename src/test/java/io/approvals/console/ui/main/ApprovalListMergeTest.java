package io.approvals.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.Approval;
import io.approvals.console.testing.TestApprovals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Merging a fresh list into the rows shown: rows the list still has keep their place, and their very object when
 * their approval did not change (selection, unseen mark); changed ones are swapped in place; gone ones leave; new
 * ones come last, in the list's order; an id the list repeats counts once, at its first place with its last version.
 * Checked against that rule written plainly, over random lists, merged one after another.
 */
class ApprovalListMergeTest {
    private static final Instant T = Instant.parse("2026-12-07T09:00:00Z");

    /** Item n: id "id-(n % 12)", title by n / 12, so two items of one id differ when their n differ. */
    private static Approval item(int n) {
        return TestApprovals.pending("id-" + (n % 12), "T " + (n / 12), "sam@example.com", T);
    }

    private static List<ApprovalRow> rows(List<Integer> items) {
        return items.stream().map(n -> new ApprovalRow(item(n))).collect(Collectors.toList());
    }

    @Property(tries = 300)
    void aMergedListIsTheRuleWrittenPlainly(
            @ForAll @Size(max = 3) List<@Size(max = 16) List<@IntRange(min = 0, max = 35) Integer>> lists,
            @ForAll @Size(max = 16) List<@IntRange(min = 0, max = 35) Integer> unseenAt,
            @ForAll boolean planned) {
        ApprovalList list = new ApprovalList(() -> {});
        for (List<Integer> items : lists) {
            List<ApprovalRow> before = new ArrayList<>(list.rows());
            boolean first = before.isEmpty();
            Map<ApprovalRow, Boolean> unseenBefore = new IdentityHashMap<>();
            for (int i = 0; i < before.size(); i++) {
                before.get(i).setUnseen(unseenAt.contains(i));
                unseenBefore.put(before.get(i), unseenAt.contains(i));
            }
            List<ApprovalRow> fresh = rows(items);

            // planned: as a refresh does it, the plan made (off the UI thread) from a copy of the rows shown
            List<ApprovalRow> added = planned
                    ? list.merge(FreshRows.of(fresh).planned(list.changes(), new ArrayList<>(list.rows())), !first)
                    : list.merge(fresh, !first);

            Map<String, ApprovalRow> incoming = new LinkedHashMap<>();
            fresh.forEach(r -> incoming.put(r.id(), r));
            List<ApprovalRow> expected = new ArrayList<>();
            Set<String> shownIds = before.stream().map(ApprovalRow::id).collect(Collectors.toSet());
            for (ApprovalRow shown : before) {
                ApprovalRow next = incoming.get(shown.id());
                if (next != null) {
                    expected.add(shown.approval().equals(next.approval()) ? shown : next);
                }
            }
            List<ApprovalRow> expectedAdded = incoming.values().stream()
                    .filter(r -> !shownIds.contains(r.id()))
                    .toList();
            expected.addAll(expectedAdded);

            assertThat(list.rows()).as("rows after merging %s", items).containsExactlyElementsOf(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(list.rows().get(i)).as("row %d the very object", i).isSameAs(expected.get(i));
            }
            if (!first) {
                assertThat(added).containsExactlyElementsOf(expectedAdded);
                for (ApprovalRow r : list.rows()) {
                    boolean arrived = expectedAdded.stream().anyMatch(a -> a == r);
                    boolean wasUnseen = before.stream()
                            .filter(b -> b.id().equals(r.id()))
                            .findFirst()
                            .map(unseenBefore::get)
                            .orElse(false);
                    assertThat(r.isUnseen()).as("unseen of %s", r.id()).isEqualTo(arrived || wasUnseen);
                }
            }
        }
    }

    @Example
    void aPlanThatTakesOutManyRowsGivesWhatTheMergeGives() {
        List<Integer> shown = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            shown.add(n);
        }
        // 30 of the 40 leave (more than are taken out one by one), two change, three arrive
        List<Integer> fresh = List.of(40 + 3, 5, 6, 7, 8, 9, 10, 11, 40 + 12, 13, 50, 51, 52);
        ApprovalList plain = new ApprovalList(() -> {});
        plain.merge(wideRows(shown), false);
        ApprovalList planned = new ApprovalList(() -> {});
        planned.merge(wideRows(shown), false);
        List<ApprovalRow> keptBefore = new ArrayList<>(planned.rows());

        List<ApprovalRow> addedPlain = plain.merge(wideRows(fresh), true);
        List<ApprovalRow> addedPlanned = planned.merge(
                FreshRows.of(wideRows(fresh)).planned(planned.changes(), new ArrayList<>(planned.rows())), true);

        assertThat(planned.rows())
                .extracting(r -> r.id() + " " + r.approval().title() + " " + r.isUnseen())
                .containsExactlyElementsOf(plain.rows().stream()
                        .map(r -> r.id() + " " + r.approval().title() + " " + r.isUnseen())
                        .toList());
        assertThat(addedPlanned)
                .extracting(ApprovalRow::id)
                .containsExactlyElementsOf(
                        addedPlain.stream().map(ApprovalRow::id).toList());
        assertThat(planned.rows().get(1))
                .as("an unchanged row keeps its object")
                .isSameAs(keptBefore.get(5));
    }

    @Example
    void aPlanMadeBeforeTheRowsChangedIsNotFollowed() {
        ApprovalList list = new ApprovalList(() -> {});
        list.merge(rows(List.of(0, 1, 2)), false);
        // planned on id-0, id-1, id-2: id-2 (the third row) leaves
        FreshRows fresh = FreshRows.of(rows(List.of(0, 1))).planned(list.changes(), new ArrayList<>(list.rows()));
        // meanwhile id-1 is decided here and taken out: id-2 is now the second row, and no third is left
        list.replace(TestApprovals.approved("id-1", "T decided", "sam@example.com", T));
        list.removeDecided(Set.of("id-1"));

        list.merge(fresh, true);

        // id-2 left as the list says; id-1, decided after the list was fetched, does not come back with it
        assertThat(list.rows()).extracting(ApprovalRow::id).containsExactly("id-0");
    }

    @Example
    void whatTheWindowLearnedAfterAListWasFetchedStaysAndWhatItLearnedBeforeIsTheLists() {
        ApprovalList list = new ApprovalList(() -> {});
        list.merge(rows(List.of(0, 1, 2)), false);
        long fetchBegan = list.changes();
        list.replace(TestApprovals.pending("id-1", "T decided", "sam@example.com", T));
        list.added(TestApprovals.pending("id-7", "T created", "sam@example.com", T));

        list.merge(FreshRows.of(rows(List.of(0, 1, 2))).fetchedAt(fetchBegan), true);

        assertThat(list.rows())
                .extracting(r -> r.id() + " " + r.approval().title())
                .containsExactly("id-0 T 0", "id-1 T decided", "id-2 T 0", "id-7 T created");

        // a list fetched after both has them as the server does: it wins
        list.merge(FreshRows.of(rows(List.of(0, 13, 2))).fetchedAt(list.changes()), true);

        assertThat(list.rows())
                .extracting(r -> r.id() + " " + r.approval().title())
                .containsExactly("id-0 T 0", "id-1 T 1", "id-2 T 0");
    }

    /** Item n: id "w-(n % 40)", title by n / 40 (up to 40 distinct ids). */
    private static List<ApprovalRow> wideRows(List<Integer> items) {
        return items.stream()
                .map(n ->
                        new ApprovalRow(TestApprovals.pending("w-" + (n % 40), "T " + (n / 40), "sam@example.com", T)))
                .collect(Collectors.toList());
    }

    @Example
    void aRowWhoseApprovalDidNotChangeKeepsItsObjectAndOneThatChangedIsSwappedInPlace() {
        ApprovalList list = new ApprovalList(() -> {});
        list.merge(rows(List.of(0, 1, 2)), false);
        ApprovalRow kept = list.rows().get(0);

        list.merge(rows(List.of(0, 13, 3)), true); // id-1 changed (title "T 1"), id-2 gone, id-3 new

        assertThat(list.rows()).extracting(ApprovalRow::id).containsExactly("id-0", "id-1", "id-3");
        assertThat(list.rows().get(0)).isSameAs(kept);
        assertThat(list.rows().get(1).approval().title()).isEqualTo("T 1");
        assertThat(list.rows().get(2).isUnseen()).isTrue();
    }
}
