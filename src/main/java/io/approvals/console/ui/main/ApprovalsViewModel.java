package io.approvals.console.ui.main;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.notify.DesktopNotifier;
import io.approvals.console.service.FailureText;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.TimeText;
import io.approvals.console.ui.session.ConsoleSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The main window's state: the pending list with its filters, the overview, refresh and what went
 * wrong. Touches no controls, so it is tested without a screen; the view binds to its properties.
 * Every method is called on the UI thread; network work goes through {@link Background}.
 */
public final class ApprovalsViewModel {
    /** Replaced (same connection, new key) when another program changed the key: see {@link #keyReplaced}. */
    private ConsoleSession session;

    private final KeyStatusViewModel keyStatus;
    private final Clock clock;

    private final ApprovalList list = new ApprovalList(this::recount);
    private final ApprovalFilter filter = new ApprovalFilter();
    private final ListRefresh listRefresh;
    private final Overview overview;
    private final Arrivals arrivals;
    private final Background background;

    private final ObservableList<ApprovalRow> rows = list.rows();
    private final FilteredList<ApprovalRow> filtered = new FilteredList<>(rows);
    private final SortedList<ApprovalRow> sorted = new SortedList<>(filtered);

    private final StringProperty search = filter.searchProperty();
    private final BooleanProperty assignedToMe = filter.assignedToMeProperty();
    private final BooleanProperty overdueOnly = filter.overdueOnlyProperty();
    private final BooleanProperty highAndUrgent = filter.highAndUrgentProperty();
    private final ReadOnlyObjectProperty<Instant> lastRefreshed;

    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper emptyTitle = new ReadOnlyStringWrapper(this, "emptyTitle", "");
    private final ReadOnlyStringWrapper emptyDetail = new ReadOnlyStringWrapper(this, "emptyDetail", "");
    private final ReadOnlyBooleanWrapper canWrite = new ReadOnlyBooleanWrapper(this, "canWrite");
    private final ObjectProperty<ApprovalRow> selected = new SimpleObjectProperty<>(this, "selected");

    /** The overview's count as of the last change to the rows: a filter change does not change it. */
    private long pendingCount;

    private boolean loadedOnce;

    public ApprovalsViewModel(ConsoleSession session, Background background, Clock clock, ListCache cache) {
        this.session = session;
        this.background = background;
        this.clock = clock;
        listRefresh = new ListRefresh(
                session, background, clock, cache, rows, list::changes, () -> loadedOnce, this::applyList);
        lastRefreshed = listRefresh.lastRefreshedProperty();
        overview = new Overview(rows, clock);
        arrivals = new Arrivals(rows, background, session);
        canWrite.set(session.key().canWrite());
        keyStatus = new KeyStatusViewModel(session);
        filter.onChange(this::updatePredicate);
        filtered.addListener((javafx.collections.ListChangeListener<ApprovalRow>) c -> updateCounts());
        lastRefreshed.addListener((o, a, b) -> updateEmptyState());
        // The selection follows every search keystroke: counting 100,000 rows again each time was a fifth of a
        // keystroke's time (JFR, bench 100k); one row seen is one fewer new.
        selected.addListener((o, a, row) -> {
            if (row != null && row.isUnseen()) {
                row.setUnseen(false);
                arrivals.oneSeen();
            }
        });
        updateCounts();
    }

    // ---- refresh (see ListRefresh) ----

    /** Shows the first list: the one fetched along with the session, or the cached one and then the live one. */
    public void start() {
        listRefresh.start();
    }

    /** Fetches the pending list now (F5). Does nothing while a fetch is running. */
    public void refresh() {
        listRefresh.refresh();
    }

    /** When the view's clock must call {@link #tick} next (a countdown, a refresh, "2 min ago"); null: never. */
    public Instant nextChange(Instant now) {
        return listRefresh.nextChange(now);
    }

    /** Called by the view's clock (see {@link #nextChange}): countdowns, "2 min ago", automatic refresh. */
    public void tick() {
        listRefresh.tick();
    }

    /** Shows what a failure (from a refresh or from a dialog) means and plans the list's next fetch. */
    public void reportFailure(Throwable e) {
        listRefresh.reportFailure(e);
    }

    /**
     * A dialog's request just got an answer: a window still saying "Offline … retrying in 23 s" refreshes now
     * instead of at its next retry (the list it dims is as old as the outage).
     */
    public void reportAnswered() {
        Banner b = bannerProperty().get();
        if (b != null && b.kind() == Banner.Kind.OFFLINE) {
            refresh();
        }
    }

    /** What a failure means and what to do next, as the dialogs and the command line say it. */
    static String messageOf(Throwable e) {
        return FailureText.of(e, Messages.locale()).line();
    }

    // ---- the list ----

    /** Merges a fresh list into the rows in place (see {@link ApprovalList#merge}); arrivals may notify. */
    private void applyList(FreshRows fresh) {
        boolean markNew = loadedOnce;
        loadedOnce = true;
        List<ApprovalRow> added = list.merge(fresh, markNew);
        if (markNew) {
            arrivals.notifyArrivals(added);
        }
        recount();
        arrivals.updateNewCount();
    }

    /** The first new row in the table's order (for "Jump to new"), if any. */
    public Optional<ApprovalRow> firstNew() {
        return sorted.stream().filter(ApprovalRow::isUnseen).findFirst();
    }

    public void setNotifier(DesktopNotifier notifier) {
        arrivals.setNotifier(notifier);
    }

    /** Lets the view keep selection and scroll position around a list update. */
    public void setListUpdateWrapper(Consumer<Runnable> wrapper) {
        list.setListUpdateWrapper(wrapper);
    }

    /** Lets the view recompute the overview once for many decisions (see {@link ApprovalList}). */
    public void setOverviewScheduler(Consumer<Runnable> scheduler) {
        list.setOverviewScheduler(scheduler);
    }

    /** Lets the view run work (the list cache write) after the next frame is drawn. Default: at once. */
    public void setAfterNextFrame(Consumer<Runnable> hook) {
        listRefresh.setAfterNextFrame(hook);
    }

    /** A decision or a 409 told us how an approval is now: shown so until the next refresh (in batches). */
    public void replace(Approval current) {
        list.replace(current);
    }

    /**
     * Lets the view move on from rows about to be shown decided (by id, before they change): select the next, fade
     * them, then {@link #removeDecided}.
     */
    public void setDecidedHandler(Consumer<Set<String>> handler) {
        list.setDecidedHandler(handler);
    }

    /** Takes decided rows out of the list at once (their fade-out is over); pending ones stay. */
    public void removeDecided(Set<String> ids) {
        list.removeDecided(ids);
    }

    /** Sends one decision without a dialog (see {@link QuickDecision}). */
    public void decideNow(
            Approval approval, ApprovalStatus decision, Consumer<Approval> onDone, Consumer<Throwable> onFailure) {
        new QuickDecision(session, background, this::replace, this::reportFailure)
                .decideNow(approval, decision, onDone, onFailure);
    }

    /** A new approval was created here: add it at once and return its row to select. */
    public ApprovalRow added(Approval created) {
        return list.added(created);
    }

    public Optional<ApprovalRow> rowById(String id) {
        return list.byId(id);
    }

    private void updatePredicate() {
        filtered.setPredicate(filter.predicate(session.key().owner(), clock.instant()));
        updateCounts();
    }

    /**
     * Cheap: called on every search keystroke (the bench measured 100,000 rows re-counted twice per keystroke as
     * most of the keystroke's time), so the pending count comes from {@link #updateBuckets()}.
     */
    private void updateCounts() {
        countText.set(Messages.format("overview.counts", pendingCount, filtered.size()));
        updateEmptyState();
    }

    /** What an empty table says: all done (and since when we know), or which filter hides how many. */
    private void updateEmptyState() {
        if (!filtered.isEmpty()) {
            return;
        }
        if (pendingCount == 0 && rows.stream().noneMatch(ApprovalRow::isPending)) {
            emptyTitle.set(Messages.get(loadedOnce ? "main.empty.allDone" : "main.empty.loading"));
            emptyDetail.set(
                    !loadedOnce
                            ? ""
                            : lastRefreshed.get() == null
                                    ? Messages.get("main.empty.nothingWaiting")
                                    : Messages.format(
                                            "main.empty.nothingWaitingSince", TimeText.full(lastRefreshed.get())));
            return;
        }
        List<String> hiders = filter.whatHides(rows, session.key().owner(), clock.instant());
        emptyTitle.set(Messages.get("main.empty.noMatch"));
        emptyDetail.set(Messages.format("main.empty.hidden", rows.size(), String.join(", ", hiders)));
    }

    /** Turns every filter off and empties the search. */
    public void clearFilters() {
        filter.clearFilters();
    }

    /** The overview's buckets and the pending count; call whenever rows change. */
    private void updateBuckets() {
        overview.updateBuckets();
        pendingCount = overview.pendingCount();
        list.overviewRecomputed();
    }

    private void recount() {
        updateBuckets();
        updateCounts();
    }

    /** Rows the user selected that are still pending, for bulk decisions. */
    public List<Approval> pendingOf(List<ApprovalRow> selection) {
        return ApprovalList.pendingOf(selection);
    }

    /** The same connection with another key (from another program or the key window): list and filters stay. */
    public void keyReplaced(ConsoleSession withNewKey, String notice) {
        session = withNewKey;
        arrivals.sessionChanged(withNewKey);
        canWrite.set(withNewKey.key().canWrite());
        keyStatus.show(withNewKey);
        keyStatus.setNotice(notice);
        listRefresh.keyReplaced(withNewKey);
    }

    /** The key window verified the key: a rejected-key pause ends and the list is fetched again. */
    public void keyConfirmed() {
        listRefresh.keyConfirmed();
    }

    /** Told on a 401: the window then looks whether the keychain holds another key. */
    public void setOnUnauthorized(Runnable hook) {
        listRefresh.setOnUnauthorized(hook);
    }

    public KeyStatusViewModel keyStatus() {
        return keyStatus;
    }

    // ---- properties ----

    public ConsoleSession session() {
        return session;
    }

    /** The rows, with every decision received so far applied (see {@link #replace}). */
    public ObservableList<ApprovalRow> rows() {
        list.applyReplacements();
        return rows;
    }

    /** What the table shows: filtered, then sorted by the table's comparator (bind it). */
    public SortedList<ApprovalRow> sorted() {
        return sorted;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty assignedToMeProperty() {
        return assignedToMe;
    }

    public BooleanProperty overdueOnlyProperty() {
        return overdueOnly;
    }

    public BooleanProperty highAndUrgentProperty() {
        return highAndUrgent;
    }

    /** The empty table's heading: "All done", or "No approval matches" when filters hide every row. */
    public ReadOnlyStringProperty emptyTitleProperty() {
        return emptyTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyDetailProperty() {
        return emptyDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ObservableList<Bucket> ageBuckets() {
        return overview.ageBuckets();
    }

    public ObservableList<Bucket> priorityBuckets() {
        return overview.priorityBuckets();
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return listRefresh.refreshingProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return listRefresh.staleProperty();
    }

    public ReadOnlyStringProperty staleTextProperty() {
        return listRefresh.staleTextProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastRefreshedProperty() {
        return lastRefreshed;
    }

    public ReadOnlyStringProperty lastRefreshedTextProperty() {
        return listRefresh.lastRefreshedTextProperty();
    }

    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return listRefresh.bannerProperty();
    }

    public ReadOnlyBooleanProperty canWriteProperty() {
        return canWrite.getReadOnlyProperty();
    }

    public IntegerProperty refreshSecondsProperty() {
        return listRefresh.refreshSecondsProperty();
    }

    /** Whether the window is in front; the view keeps it current (the user "looks" while it is). */
    public BooleanProperty windowFocusedProperty() {
        return arrivals.windowFocusedProperty();
    }

    /** Desktop notifications for new approvals (Settings). */
    public BooleanProperty notificationsOnProperty() {
        return arrivals.notificationsOnProperty();
    }

    /** Rows that arrived since the user last looked at the window and were not selected since. */
    public ReadOnlyIntegerProperty newCountProperty() {
        return arrivals.newCountProperty();
    }

    public ObjectProperty<ApprovalRow> selectedProperty() {
        return selected;
    }

    public Clock clock() {
        return clock;
    }
}
