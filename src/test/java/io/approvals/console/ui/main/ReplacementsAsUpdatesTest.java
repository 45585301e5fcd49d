package io.approvals.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ReplacementsAsUpdatesTest {
    /** An element with a key and a version: a new version of the same key is the same element, changed. */
    record Item(String key, int version) {}

    private final ObservableList<Item> source = FXCollections.observableArrayList();
    private final ReplacementsAsUpdates<Item> list = new ReplacementsAsUpdates<>(source, Item::key);
    private final List<String> changes = new ArrayList<>();

    ReplacementsAsUpdatesTest() {
        list.addListener((ListChangeListener<Item>) c -> {
            while (c.next()) {
                changes.add(describe(c));
            }
        });
    }

    private static String describe(ListChangeListener.Change<? extends Item> c) {
        if (c.wasPermutated()) {
            return "permutated " + c.getFrom() + ".." + c.getTo();
        }
        if (c.wasUpdated()) {
            return "updated " + c.getFrom() + ".." + c.getTo();
        }
        if (c.wasReplaced()) {
            return "replaced " + c.getFrom() + ".." + c.getTo();
        }
        return c.wasAdded() ? "added " + c.getFrom() + ".." + c.getTo() : "removed at " + c.getFrom();
    }

    @Test
    void aNewVersionOfAnElementInItsPlaceIsAnUpdate() {
        source.setAll(new Item("a", 1), new Item("b", 1), new Item("c", 1));
        changes.clear();
        source.set(1, new Item("b", 2));
        assertThat(changes).containsExactly("updated 1..2");
        assertThat(list).containsExactly(new Item("a", 1), new Item("b", 2), new Item("c", 1));
    }

    @Test
    void anotherElementInItsPlaceIsStillAReplacement() {
        source.setAll(new Item("a", 1), new Item("b", 1));
        changes.clear();
        source.set(1, new Item("x", 1));
        assertThat(changes).containsExactly("replaced 1..2");
    }

    @Test
    void addsRemovesAndSortsPassAsTheyCame() {
        source.setAll(new Item("b", 1), new Item("a", 1));
        changes.clear();
        source.add(new Item("c", 1));
        source.remove(0);
        FXCollections.sort(source, Comparator.comparing(Item::key).reversed());
        assertThat(changes).containsExactly("added 2..3", "removed at 0", "permutated 0..2");
        assertThat(list).containsExactly(new Item("c", 1), new Item("a", 1));
    }

    /**
     * Whatever the source does (behind a sorted list, as in the table), a listener that applies each change it is
     * told (an update: read the element again) ends with the list as it is.
     */
    @Property(tries = 300)
    void aListenerFollowingTheChangesHasTheSameElements(@ForAll("operations") List<int[]> operations) {
        ObservableList<Item> rows = FXCollections.observableArrayList();
        SortedList<Item> sorted = new SortedList<>(rows, Comparator.comparing(Item::key));
        ReplacementsAsUpdates<Item> shown = new ReplacementsAsUpdates<>(sorted, Item::key);
        List<Item> mirror = new ArrayList<>();
        shown.addListener((ListChangeListener<Item>) c -> {
            while (c.next()) {
                if (c.wasPermutated()) {
                    List<Item> before = new ArrayList<>(mirror);
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        mirror.set(c.getPermutation(i), before.get(i));
                    }
                } else if (c.wasUpdated()) {
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        mirror.set(i, c.getList().get(i));
                    }
                } else {
                    mirror.subList(c.getFrom(), c.getFrom() + c.getRemovedSize())
                            .clear();
                    mirror.addAll(c.getFrom(), c.getAddedSubList());
                }
            }
        });
        for (int[] op : operations) {
            int size = rows.size();
            switch (op[0]) {
                case 0 -> rows.add(new Item("k" + op[1], 0));
                case 1 -> {
                    if (size > 0) {
                        rows.remove(op[1] % size);
                    }
                }
                case 2 -> {
                    if (size > 0) {
                        Item at = rows.get(op[1] % size);
                        rows.set(op[1] % size, new Item(at.key(), at.version() + 1));
                    }
                }
                case 3 -> {
                    if (size > 0) {
                        rows.set(op[1] % size, new Item("k" + op[2], 0));
                    }
                }
                default -> {
                    List<Item> again = new ArrayList<>();
                    for (Item i : rows) {
                        again.add(new Item(i.key(), i.version() + (op[1] % 2)));
                    }
                    rows.setAll(again);
                }
            }
            assertThat(mirror).containsExactlyElementsOf(shown);
            assertThat(shown).containsExactlyElementsOf(sorted);
        }
    }

    @Provide
    Arbitrary<List<int[]>> operations() {
        Arbitrary<int[]> op = Arbitraries.integers()
                .between(0, 4)
                .flatMap(kind ->
                        Arbitraries.integers().between(0, 30).tuple2().map(t -> new int[] {kind, t.get1(), t.get2()}));
        return op.list().ofMinSize(1).ofMaxSize(40);
    }
}
