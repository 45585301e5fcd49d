package io.approvals.console.ui.main;

import io.approvals.console.contract.Priority;
import io.approvals.console.ui.common.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The search field and the quick filters as one predicate over rows. Typing on narrows the last search: rows that
 * failed it are skipped without being looked at again ({@link ApprovalRow#matches}).
 */
final class ApprovalFilter {
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty assignedToMe = new SimpleBooleanProperty(this, "assignedToMe");
    private final BooleanProperty overdueOnly = new SimpleBooleanProperty(this, "overdueOnly");
    private final BooleanProperty highAndUrgent = new SimpleBooleanProperty(this, "highAndUrgent");

    private String[] searchWords = new String[0];
    private int searchStamp;
    private int narrowedStamp = -1;

    /** Runs {@code changed} whenever the search or a quick filter changes. */
    void onChange(Runnable changed) {
        search.addListener((o, a, b) -> changed.run());
        assignedToMe.addListener((o, a, b) -> changed.run());
        overdueOnly.addListener((o, a, b) -> changed.run());
        highAndUrgent.addListener((o, a, b) -> changed.run());
    }

    /**
     * The rows to show as the filters are now, for a key owned by {@code me} (null: "assigned to me" shows all),
     * or null when no filter is on.
     */
    Predicate<ApprovalRow> predicate(String me, Instant now) {
        SearchQuery query = SearchQuery.parse(search.get());
        String[] words = query.words();
        boolean fields = !query.terms().isEmpty();
        if (!Arrays.equals(words, searchWords)) {
            // Typing on narrows the search: rows that failed the last one are skipped (ApprovalRow.matches).
            narrowedStamp = searchWords.length > 0 && narrows(searchWords, words) ? searchStamp : -1;
            searchStamp++;
            searchWords = words;
        }
        int stamp = searchStamp;
        int narrowed = narrowedStamp;
        boolean mine = assignedToMe.get() && me != null;
        boolean overdue = overdueOnly.get();
        boolean pressing = highAndUrgent.get();
        Predicate<ApprovalRow> p = r -> (words.length == 0 || r.matches(words, stamp, narrowed))
                && (!fields || query.matchesFields(r))
                && (!mine || assignedTo(me, r))
                && (!overdue || overdue(r, now))
                && (!pressing || pressing(r));
        return words.length == 0 && !fields && !mine && !overdue && !pressing ? null : p;
    }

    // the quick filters, each said once: for the rows shown (predicate) and for what hides them (whatHides)
    private static boolean assignedTo(String me, ApprovalRow r) {
        return me.equalsIgnoreCase(r.approval().approver());
    }

    private static boolean overdue(ApprovalRow r, Instant now) {
        return r.approval().isOverdue(now);
    }

    private static boolean pressing(ApprovalRow r) {
        return r.priority() == Priority.HIGH || r.priority() == Priority.URGENT;
    }

    /**
     * True when the search after can only match rows the search before matched: every word of before occurs
     * inside some word of after (a row holding every word of after then holds every word of before).
     */
    static boolean narrows(String[] before, String[] after) {
        for (String b : before) {
            boolean inside = false;
            for (String a : after) {
                if (a.contains(b)) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                return false;
            }
        }
        return true;
    }

    /**
     * For a table the filters left empty: each filter that is on, as "Search "x" hides 3" / "Overdue hides 2". One
     * filter alone hides every row, so 100,000 rows are not counted again on each keystroke of a search that finds
     * nothing (bench "100k"); two or more are counted each.
     */
    List<String> whatHides(List<ApprovalRow> rows, String me, Instant now) {
        List<Hider> on = new ArrayList<>();
        SearchQuery query = SearchQuery.parse(search.get());
        String searched = search.get().strip();
        if (!query.isEmpty()) {
            on.add(new Hider(
                    r -> r.matches(query.words()) && query.matchesFields(r),
                    n -> Messages.format("main.empty.searchHides", searched, n)));
        }
        if (assignedToMe.get() && me != null) {
            on.add(Hider.of(MainAction.FILTER_MINE, r -> assignedTo(me, r)));
        }
        if (overdueOnly.get()) {
            on.add(Hider.of(MainAction.FILTER_OVERDUE, r -> overdue(r, now)));
        }
        if (highAndUrgent.get()) {
            on.add(Hider.of(MainAction.FILTER_PRESSING, ApprovalFilter::pressing));
        }
        return on.stream()
                .map(h -> h.text.apply(
                        on.size() == 1
                                ? rows.size()
                                : rows.stream().filter(h.shown.negate()).count()))
                .toList();
    }

    /** A filter that is on: which rows it lets through, and how it says it hides n of them. */
    private record Hider(Predicate<ApprovalRow> shown, LongFunction<String> text) {
        static Hider of(MainAction filter, Predicate<ApprovalRow> shown) {
            return new Hider(shown, n -> Messages.format("main.empty.filterHides", filter.text(), n));
        }
    }

    /** Turns every filter off and empties the search. */
    void clearFilters() {
        search.set("");
        assignedToMe.set(false);
        overdueOnly.set(false);
        highAndUrgent.set(false);
    }

    StringProperty searchProperty() {
        return search;
    }

    BooleanProperty assignedToMeProperty() {
        return assignedToMe;
    }

    BooleanProperty overdueOnlyProperty() {
        return overdueOnly;
    }

    BooleanProperty highAndUrgentProperty() {
        return highAndUrgent;
    }
}
