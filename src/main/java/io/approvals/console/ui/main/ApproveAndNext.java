package io.approvals.console.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableView;
import javafx.util.Duration;

/**
 * Keeps the approver moving through the queue: the first row is selected when rows come, a decided row hands the
 * selection to the next pending row in the current sort and leaves the table once it has faded out.
 */
final class ApproveAndNext {
    /** How long a decided row stays (fading, see ApprovalTable) before it leaves: the issue asks for under 1 s. */
    static final Duration LEAVES_AFTER = Duration.millis(700);

    private final ApprovalsViewModel vm;
    private final TableView<ApprovalRow> table;
    private final Predicate<String> busy;
    private boolean selectFirstQueued;
    /** Decided rows waiting out their fade before they leave the list. */
    private final List<PauseTransition> removals = new ArrayList<>();

    /** busy: rows already on their way (a quick approve waiting out its undo time) are skipped. */
    ApproveAndNext(ApprovalsViewModel vm, TableView<ApprovalRow> table, Predicate<String> busy) {
        this.vm = vm;
        this.table = table;
        this.busy = busy;
        vm.setDecidedHandler(this::decided);
        table.getItems().addListener((ListChangeListener<ApprovalRow>) c -> selectFirstSoon());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ApprovalRow>)
                c -> selectFirstSoon());
    }

    /**
     * After the list settles (not inside its change: the selection model reacts to the same change), select the
     * first row when nothing is selected, with the focus on it, so the first Down goes to row 2.
     */
    private void selectFirstSoon() {
        if (selectFirstQueued
                || !table.getSelectionModel().isEmpty()
                || table.getItems().isEmpty()) {
            return;
        }
        selectFirstQueued = true;
        Platform.runLater(() -> {
            selectFirstQueued = false;
            if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                int first = Math.max(0, nextPending(-1, busy));
                table.getSelectionModel().clearAndSelect(first);
                table.getFocusModel().focus(first);
            }
        });
    }

    /** Called before the rows show their decisions: the selection moves on while they are still as they were. */
    private void decided(Set<String> ids) {
        ApprovalRow selected = table.getSelectionModel().getSelectedItem();
        if (selected != null
                && table.getSelectionModel().getSelectedItems().size() == 1
                && ids.contains(selected.id())) {
            moveOnFrom(table.getSelectionModel().getSelectedIndex(), ids::contains);
        }
        PauseTransition leave = new PauseTransition(LEAVES_AFTER);
        leave.setOnFinished(e -> {
            removals.remove(leave);
            vm.removeDecided(ids);
        });
        removals.add(leave);
        leave.play();
    }

    /**
     * The view is going (its window closes, or another view replaces it): decided rows stay where they are. A removal
     * due later would lay out the table of a window no longer shown, with its styles gone (the bench's full runs
     * logged a hundred "Could not resolve '-color-…'" warnings from one, after a bulk decision just before the close).
     */
    void stop() {
        removals.forEach(PauseTransition::stop);
        removals.clear();
    }

    /** Selects the next pending row after the one at index (or the last one before it), scrolling it into view. */
    void moveOnFrom(int index) {
        moveOnFrom(index, id -> false);
    }

    /** As {@link #moveOnFrom(int)}, passing over the rows whose ids are {@code leaving}. */
    private void moveOnFrom(int index, Predicate<String> leaving) {
        Predicate<String> skip = busy.or(leaving);
        int next = nextPending(index, skip);
        if (next < 0) {
            next = previousPending(index, skip);
        }
        if (next < 0) {
            return;
        }
        table.getSelectionModel().clearAndSelect(next);
        table.getFocusModel().focus(next);
        scrollIntoView(next);
    }

    private void scrollIntoView(int index) {
        if (table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow
                && flow.getFirstVisibleCell() != null
                && flow.getLastVisibleCell() != null) {
            int first = flow.getFirstVisibleCell().getIndex();
            int last = flow.getLastVisibleCell().getIndex();
            if (index > first && index < last) {
                return;
            }
            flow.scrollTo(index);
        }
    }

    private int nextPending(int after, Predicate<String> skip) {
        List<ApprovalRow> items = table.getItems();
        for (int i = after + 1; i < items.size(); i++) {
            if (items.get(i).isPending() && !skip.test(items.get(i).id())) {
                return i;
            }
        }
        return -1;
    }

    private int previousPending(int before, Predicate<String> skip) {
        List<ApprovalRow> items = table.getItems();
        for (int i = Math.min(before, items.size()) - 1; i >= 0; i--) {
            if (items.get(i).isPending() && !skip.test(items.get(i).id())) {
                return i;
            }
        }
        return -1;
    }
}
