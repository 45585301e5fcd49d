package io.approvals.console.ui.main;

import io.approvals.console.contract.Approval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of the pending list: a fresh list is merged in place, decisions are applied in batches, rows are found
 * by id. Knows nothing of filters, texts or the server; every method is called on the UI thread.
 */
final class ApprovalList {
    private final ObservableList<ApprovalRow> rows = FXCollections.observableArrayList();
    /** Decisions not yet shown in the rows (see {@link #queue}), by approval id. */
    private final Map<String, Approval> pendingReplacements = new LinkedHashMap<>();
    private Consumer<Runnable> listUpdateWrapper = Runnable::run;

    /** The rows as they are, without the queued decisions. */
    ObservableList<ApprovalRow> rows() {
        return rows;
    }

    static List<ApprovalRow> rowsOf(List<Approval> items) {
        List<ApprovalRow> out = new ArrayList<>(items.size());
        for (Approval a : items) {
            out.add(new ApprovalRow(a));
        }
        return out;
    }

    /**
     * Merges a fresh list into the rows in place: unchanged rows keep their object (and so their selection),
     * changed ones are swapped, gone ones removed, new ones appended and, when {@code markNew}, marked unseen.
     * Returns the rows that arrived (every row of the first list). Queued decisions are to be applied first.
     */
    List<ApprovalRow> merge(List<ApprovalRow> fresh, boolean markNew) {
        Map<String, ApprovalRow> incoming = new LinkedHashMap<>();
        for (ApprovalRow r : fresh) {
            incoming.put(r.id(), r);
        }
        if (rows.isEmpty()) {
            // The first list: nothing to merge with, nothing selected to keep.
            for (ApprovalRow row : incoming.values()) {
                row.setUnseen(markNew);
            }
            rows.setAll(incoming.values());
            return rows;
        }
        List<ApprovalRow> added = new ArrayList<>();
        listUpdateWrapper.accept(() -> {
            Set<String> ids = incoming.keySet();
            rows.removeIf(r -> !ids.contains(r.id()));
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                index.put(rows.get(i).id(), i);
            }
            for (ApprovalRow row : incoming.values()) {
                Integer at = index.get(row.id());
                if (at == null) {
                    row.setUnseen(markNew);
                    added.add(row);
                } else if (!rows.get(at).approval().equals(row.approval())) {
                    row.setUnseen(rows.get(at).isUnseen());
                    rows.set(at, row);
                }
            }
            rows.addAll(added);
        });
        return added;
    }

    /** Keeps a decision until {@link #applyReplacements}: rows are replaced in batches, not one by one. */
    void queue(Approval current) {
        pendingReplacements.put(current.id(), current);
    }

    /**
     * Shows the queued decisions in the rows. Returns the rows that were pending and are decided now, or null when
     * nothing was queued.
     */
    List<ApprovalRow> applyReplacements() {
        if (pendingReplacements.isEmpty()) {
            return null;
        }
        Map<String, Approval> batch = new LinkedHashMap<>(pendingReplacements);
        pendingReplacements.clear();
        List<ApprovalRow> nowDecided = new ArrayList<>();
        listUpdateWrapper.accept(() -> {
            for (int i = 0; i < rows.size(); i++) {
                Approval current = batch.get(rows.get(i).id());
                if (current != null) {
                    boolean wasPending = rows.get(i).isPending();
                    ApprovalRow replaced = new ApprovalRow(current);
                    rows.set(i, replaced);
                    if (wasPending && !replaced.isPending()) {
                        nowDecided.add(replaced);
                    }
                }
            }
        });
        return nowDecided;
    }

    /** Takes the decided rows among {@code ids} out; pending ones stay. Returns whether any was removed. */
    boolean removeDecided(Set<String> ids) {
        if (ids.isEmpty() || rows.stream().noneMatch(r -> ids.contains(r.id()) && !r.isPending())) {
            return false;
        }
        listUpdateWrapper.accept(() -> rows.removeIf(r -> ids.contains(r.id()) && !r.isPending()));
        return true;
    }

    Optional<ApprovalRow> byId(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Rows among a selection that are still pending, each once. */
    static List<Approval> pendingOf(List<ApprovalRow> selection) {
        Set<String> seen = new HashSet<>();
        List<Approval> out = new ArrayList<>();
        for (ApprovalRow r : selection) {
            if (r != null && r.isPending() && seen.add(r.id())) {
                out.add(r.approval());
            }
        }
        return out;
    }

    /** Lets the view keep selection and scroll position around a list update. */
    void setListUpdateWrapper(Consumer<Runnable> wrapper) {
        this.listUpdateWrapper = wrapper == null ? Runnable::run : wrapper;
    }
}
