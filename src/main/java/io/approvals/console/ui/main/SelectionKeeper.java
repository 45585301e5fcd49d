package io.approvals.console.ui.main;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/** What the user had selected and was looking at in the table, kept across an update of its rows (by id). */
final class SelectionKeeper {
    private final TableView<ApprovalRow> table;

    SelectionKeeper(TableView<ApprovalRow> table) {
        this.table = table;
    }

    /** Keeps the selected rows and the top visible row across a list update. */
    void around(Runnable update) {
        Set<String> selectedIds = new HashSet<>();
        for (ApprovalRow r : table.getSelectionModel().getSelectedItems()) {
            if (r != null) {
                selectedIds.add(r.id());
            }
        }
        ApprovalRow focused = table.getFocusModel().getFocusedItem();
        String focusedId = focused == null ? null : focused.id();
        int topIndex = topVisibleIndex();
        String topId = topIndex < 0 ? null : table.getItems().get(topIndex).id();
        List<ApprovalRow> selectedBefore =
                new ArrayList<>(table.getSelectionModel().getSelectedItems());
        update.run();
        if (!selectedIds.isEmpty() && !sameRowsSelected(selectedBefore)) {
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (selectedIds.contains(table.getItems().get(i).id())) {
                    indices.add(i);
                }
            }
            table.getSelectionModel().clearSelection();
            // One change for the whole selection: selecting rows one by one re-evaluated everything that
            // watches the selection once per row.
            if (!indices.isEmpty()) {
                int[] rest = new int[indices.size() - 1];
                for (int i = 1; i < indices.size(); i++) {
                    rest[i - 1] = indices.get(i);
                }
                table.getSelectionModel().selectIndices(indices.get(0), rest);
            }
        }
        ApprovalRow focusedNow = table.getFocusModel().getFocusedItem();
        int focusedIndex = table.getFocusModel().getFocusedIndex();
        boolean focusOutdated = focusedNow != null
                && focusedIndex >= 0
                && focusedIndex < table.getItems().size()
                && focusedNow != table.getItems().get(focusedIndex);
        if (!selectedIds.isEmpty()
                && focusedId != null
                && (focusedNow == null || !focusedId.equals(focusedNow.id()) || focusOutdated)) {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (focusedId.equals(table.getItems().get(i).id())) {
                    table.getFocusModel().focus(i);
                }
            }
        }
        // Scrolling lays out every visible row again: only when the top row really moved (a decision replaces
        // a row in place and moves nothing).
        boolean topStayed = topIndex >= 0
                && topIndex < table.getItems().size()
                && topId.equals(table.getItems().get(topIndex).id());
        if (topId != null && !topStayed) {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (topId.equals(table.getItems().get(i).id())) {
                    table.scrollTo(i);
                    break;
                }
            }
        }
    }

    /**
     * True when the selection after an update is the very rows it was before (the same objects, in the same order).
     * A row replaced by a new version of itself reaches the table as an update (see {@link ReplacementsAsUpdates}),
     * and its selection model keeps the old version as the selected item and tells no one: selected again, the new
     * version is.
     */
    private boolean sameRowsSelected(List<ApprovalRow> before) {
        List<ApprovalRow> after = table.getSelectionModel().getSelectedItems(); // looked up in the items as asked
        if (after.size() != before.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            if (after.get(i) == null || after.get(i) != before.get(i)) {
                return false;
            }
        }
        return true;
    }

    private int topVisibleIndex() {
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getFirstVisibleCell() != null) {
            int i = flow.getFirstVisibleCell().getIndex();
            if (i >= 0 && i < table.getItems().size()) {
                return i;
            }
        }
        return -1;
    }
}
