package io.approvals.console.ui.main;

import io.approvals.console.contract.Priority;
import java.time.Instant;
import java.util.Arrays;
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
                && (!mine || me.equalsIgnoreCase(r.approval().approver()))
                && (!overdue || r.approval().isOverdue(now))
                && (!pressing || r.priority() == Priority.HIGH || r.priority() == Priority.URGENT);
        return words.length == 0 && !fields && !mine && !overdue && !pressing ? null : p;
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
