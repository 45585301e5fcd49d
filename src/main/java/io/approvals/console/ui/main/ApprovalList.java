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
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The rows of the pending list: a fresh list is merged in place, decisions are applied in batches, rows are found
 * by id. Knows nothing of filters, texts or the server; every method is called on the UI thread.
 */
final class ApprovalList {
    /**
     * Up to this many rows leave a planned merge one by one (each a change the table follows in a step of its own);
     * more at once, in one pass over all rows.
     */
    private static final int FEW = 16;

    private final ObservableList<ApprovalRow> rows = FXCollections.observableArrayList();
    /** Decisions not yet shown in the rows (see {@link #queue}), by approval id. */
    private final Map<String, Approval> pendingReplacements = new LinkedHashMap<>();

    private Consumer<Runnable> listUpdateWrapper = Runnable::run;
    private Consumer<Runnable> overviewScheduler = Runnable::run;
    private Consumer<Set<String>> decidedHandler = idsDecided -> {};
    /** A decision changed the rows and the overview has not been recomputed since. */
    private boolean overviewStale;
    /** Merges that took many rows out: each marks the rows leaving with a mark of its own ({@link ApprovalRow#mark}). */
    private int merges;
    /** Changes to the rows so far (see {@link #changes}). */
    private long changes;
    /**
     * Approvals this window learned about from the server after showing a list (a decision's answer, a 409's current
     * state, one created here), by id: the rows' count of changes then. A list whose fetch began before that count
     * does not undo them (see {@link #merge(FreshRows, boolean)}).
     */
    private final Map<String, Long> learnedAt = new HashMap<>();

    private final Runnable recount;

    /** {@code recount} recomputes the overview and counts after decisions changed the rows. */
    ApprovalList(Runnable recount) {
        this.recount = recount;
        rows.addListener((ListChangeListener<ApprovalRow>) c -> changes++);
    }

    /** Counts the changes to the rows: a merge planned off the UI thread holds for the count it was planned at. */
    long changes() {
        return changes;
    }

    /** The rows as they are, without the queued decisions. */
    ObservableList<ApprovalRow> rows() {
        return rows;
    }

    static List<ApprovalRow> rowsOf(List<Approval> items) {
        List<ApprovalRow> out = new ArrayList<>(items.size());
        SharedStrings shared = new SharedStrings();
        for (Approval a : items) {
            out.add(new ApprovalRow(a, shared));
        }
        return out;
    }

    /**
     * Merges a fresh list into the rows in place: unchanged rows keep their object (and so their selection),
     * changed ones are swapped, gone ones removed, new ones appended and, when {@code markNew}, marked unseen.
     * Returns the rows that arrived (every row of the first list).
     */
    List<ApprovalRow> merge(List<ApprovalRow> fresh, boolean markNew) {
        return merge(FreshRows.of(fresh), markNew);
    }

    /**
     * As {@link #merge(List, boolean)}, with the rows by id made already (off the UI thread). What the window learned
     * after the list's fetch began ({@link FreshRows#fetchedAt}) stays as shown: a list fetched just before a decision
     * and answered just after it would otherwise bring the decided approval back as pending, or drop one created here,
     * until the next refresh. What it learned before, the list has: the list wins.
     */
    List<ApprovalRow> merge(FreshRows fresh, boolean markNew) {
        applyReplacements();
        Set<String> newer = learnedSince(fresh.fetchedAt());
        learnedAt.values().removeIf(at -> at <= fresh.fetchedAt());
        Map<String, ApprovalRow> incoming = fresh.byId();
        if (rows.isEmpty()) {
            // The first list: nothing to merge with, nothing selected to keep.
            List<ApprovalRow> first = new ArrayList<>(incoming.size());
            for (ApprovalRow row : incoming.values()) {
                if (!newer.contains(row.id())) {
                    row.setUnseen(markNew);
                    first.add(row);
                }
            }
            rows.setAll(first);
            return rows;
        }
        // a plan holds for the rows it was made from: not after a decision, a removal or an addition since
        MergePlan plan = fresh.plan();
        if (plan == null || plan.stamp != changes || !newer.isEmpty()) {
            plan = MergePlan.of(changes, rows, fresh, newer);
        }
        return follow(plan, markNew);
    }

    /** Ids the window learned about after the rows' count of changes was {@code count}. */
    private Set<String> learnedSince(long count) {
        if (learnedAt.isEmpty()) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        learnedAt.forEach((id, at) -> {
            if (at > count) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Merges as planned (see {@link MergePlan}), off the UI thread or here. */
    private List<ApprovalRow> follow(MergePlan plan, boolean markNew) {
        listUpdateWrapper.accept(() -> {
            for (int k = 0; k < plan.changedAt.length; k++) {
                ApprovalRow next = plan.changedTo[k];
                next.setUnseen(rows.get(plan.changedAt[k]).isUnseen());
                rows.set(plan.changedAt[k], next);
            }
            if (plan.leavingAt.length <= FEW) {
                for (int k = plan.leavingAt.length - 1; k >= 0; k--) {
                    rows.remove(plan.leavingAt[k]);
                }
            } else {
                int leaving = ++merges;
                for (int i : plan.leavingAt) {
                    rows.get(i).mark(leaving);
                }
                rows.removeIf(r -> r.isMarked(leaving));
            }
            for (ApprovalRow row : plan.added) {
                row.setUnseen(markNew);
            }
            rows.addAll(plan.added);
        });
        return plan.added;
    }

    /**
     * A decision or a 409 told us how an approval is now: show it so until the next refresh. Decisions that
     * arrive in quick succession (a bulk decision) are applied together, through the overview scheduler: every
     * replaced row makes the table lay out all its visible rows again, so once per batch, not once per decision.
     */
    void replace(Approval current) {
        pendingReplacements.put(current.id(), current);
        if (overviewStale) {
            return;
        }
        overviewStale = true;
        overviewScheduler.accept(() -> {
            applyReplacements();
            if (overviewStale) {
                recount.run();
            }
        });
    }

    /**
     * Shows the decisions received so far in the rows. Rows that leave the pending state are named to the decided
     * handler first, so that the view moves its selection on before they change (the row then changes unselected:
     * nothing shows it selected in its new state for one step).
     */
    void applyReplacements() {
        if (pendingReplacements.isEmpty()) {
            return;
        }
        Map<String, Approval> batch = new LinkedHashMap<>(pendingReplacements);
        pendingReplacements.clear();
        List<Integer> replaced = new ArrayList<>(); // one pass over the rows: 100,000 of them at times
        Set<String> nowDecided = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            ApprovalRow row = rows.get(i);
            Approval current = batch.get(row.id());
            if (current != null) {
                replaced.add(i);
                if (row.isPending() && !current.isPending()) {
                    nowDecided.add(row.id());
                }
            }
        }
        if (!nowDecided.isEmpty()) {
            decidedHandler.accept(nowDecided); // moves the selection only: the rows and their places stay
        }
        listUpdateWrapper.accept(() -> {
            for (int i : replaced) {
                rows.set(i, new ApprovalRow(batch.get(rows.get(i).id())));
            }
        });
        batch.keySet().forEach(id -> learnedAt.put(id, changes));
        overviewStale = true;
    }

    /** The overview was recomputed from the rows as they are. */
    void overviewRecomputed() {
        overviewStale = false;
    }

    /** Takes decided rows out of the list at once (their fade-out is over); pending ones stay. */
    void removeDecided(Set<String> ids) {
        applyReplacements();
        if (ids.isEmpty() || rows.stream().noneMatch(r -> ids.contains(r.id()) && !r.isPending())) {
            return;
        }
        listUpdateWrapper.accept(() -> rows.removeIf(r -> ids.contains(r.id()) && !r.isPending()));
        recount.run();
    }

    /** A new approval was created here: add it at once and return its row to select. */
    ApprovalRow added(Approval created) {
        Optional<ApprovalRow> existing = byId(created.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        ApprovalRow row = new ApprovalRow(created);
        rows.add(row);
        learnedAt.put(created.id(), changes);
        recount.run();
        return row;
    }

    /** The row of an approval, with every decision received so far applied. */
    Optional<ApprovalRow> byId(String id) {
        applyReplacements();
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

    /**
     * Lets the view recompute the overview after a decision a little later, once for many decisions: a bulk
     * decision of 500 recomputed it (and redrew the strip) 500 times. Default: at once.
     */
    void setOverviewScheduler(Consumer<Runnable> scheduler) {
        this.overviewScheduler = scheduler == null ? Runnable::run : scheduler;
    }

    /**
     * Lets the view move on from rows about to be shown decided (decided here or, seen through a 409, elsewhere),
     * by id: select the next pending row, then fade them out and remove them. Called before the rows change.
     * Default: they stay until the next refresh.
     */
    void setDecidedHandler(Consumer<Set<String>> handler) {
        this.decidedHandler = handler == null ? idsDecided -> {} : handler;
    }
}
