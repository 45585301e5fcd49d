package io.approvals.console.ui.main;

import static io.approvals.console.ui.main.ApprovalList.rowsOf;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.PendingSnapshot;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.notify.DesktopNotifier;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.TimeText;
import io.approvals.console.ui.session.ConsoleSession;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
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
    private Runnable onUnauthorized = () -> { };
    private final Background background;
    private final Clock clock;
    private final ListCache cache;

    private final ApprovalList list = new ApprovalList();
    private final ApprovalFilter filter = new ApprovalFilter();
    private final RefreshSchedule schedule = new RefreshSchedule();
    private final Overview overview;
    private final Arrivals arrivals;

    private final ObservableList<ApprovalRow> rows = list.rows();
    private final FilteredList<ApprovalRow> filtered = new FilteredList<>(rows);
    private final SortedList<ApprovalRow> sorted = new SortedList<>(filtered);

    private final StringProperty search = filter.searchProperty();
    private final BooleanProperty assignedToMe = filter.assignedToMeProperty();
    private final BooleanProperty overdueOnly = filter.overdueOnlyProperty();
    private final BooleanProperty highAndUrgent = filter.highAndUrgentProperty();

    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper emptyTitle = new ReadOnlyStringWrapper(this, "emptyTitle", "");
    private final ReadOnlyStringWrapper emptyDetail = new ReadOnlyStringWrapper(this, "emptyDetail", "");
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper staleText = new ReadOnlyStringWrapper(this, "staleText", "");
    private final ReadOnlyObjectWrapper<Instant> lastRefreshed = new ReadOnlyObjectWrapper<>(this, "lastRefreshed");
    private final ReadOnlyStringWrapper lastRefreshedText =
            new ReadOnlyStringWrapper(this, "lastRefreshedText", "not refreshed yet");
    private final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>(this, "banner");
    private final ReadOnlyBooleanWrapper canWrite = new ReadOnlyBooleanWrapper(this, "canWrite");
    private final IntegerProperty refreshSeconds = new SimpleIntegerProperty(this, "refreshSeconds", 30);
    private final ObjectProperty<ApprovalRow> selected = new SimpleObjectProperty<>(this, "selected");

    /** The overview's count as of the last change to the rows: a filter change does not change it. */
    private long pendingCount;
    private PendingSnapshot snapshot = PendingSnapshot.empty();
    private boolean loadedOnce;
    private Consumer<Runnable> overviewScheduler = Runnable::run;
    private Consumer<Runnable> afterNextFrame = Runnable::run;
    private Consumer<List<ApprovalRow>> decidedHandler = rowsDecided -> { };
    private static final int ROWS_BUILT_ON_THE_UI_THREAD = 2_000;

    public ApprovalsViewModel(ConsoleSession session, Background background, Clock clock, ListCache cache) {
        this.session = session;
        this.background = background;
        this.clock = clock;
        this.cache = cache;
        overview = new Overview(rows, clock);
        arrivals = new Arrivals(rows, background, session);
        canWrite.set(session.key().canWrite());
        keyStatus = new KeyStatusViewModel(session);
        filter.onChange(this::updatePredicate);
        filtered.addListener((javafx.collections.ListChangeListener<ApprovalRow>) c -> updateCounts());
        refreshSeconds.addListener((o, a, b) -> scheduleNext());
        lastRefreshed.addListener((o, a, b) -> updateEmptyState());
        selected.addListener((o, a, row) -> {
            if (row != null) {
                row.setUnseen(false);
                arrivals.updateNewCount();
            }
        });
        updateCounts();
    }

    // ---- lifecycle ----

    /**
     * Shows the list fetched along with the session when it is there already; else the cached list (if any) at
     * once, then the live one: the one being fetched along with the session, or a fresh fetch.
     */
    public void start() {
        Optional<CompletableFuture<PendingSnapshot>> firstPage = session.takeFirstPage();
        if (firstPage.isEmpty()) {
            showCachedThen(this::refresh);
            return;
        }
        CompletableFuture<PendingSnapshot> page = firstPage.get();
        // A small list goes into this very frame; building the rows of a big one is not work for the UI thread.
        if (page.isDone() && !page.isCompletedExceptionally()
                && page.join().items().size() <= ROWS_BUILT_ON_THE_UI_THREAD) {
            applySnapshot(new Fetched(page.join(), rowsOf(page.join().items())));
        } else {
            showCachedThen(() -> refresh(previous -> awaited(page)));
        }
    }

    private void showCachedThen(Runnable next) {
        if (cache == null) {
            next.run();
            return;
        }
        background.run(() -> cache.load(session.connectionName()).map(c -> new CachedRows(c, rowsOf(c.items()))),
                cached -> {
                    if (cached.isPresent() && !loadedOnce) {
                        ListCache.Cached c = cached.get().cached();
                        applyList(cached.get().rows());
                        stale.set(true);
                        staleText.set("Showing the list as of " + TimeText.full(c.fetchedAt())
                                + " until the server answers");
                        lastRefreshed.set(c.fetchedAt());
                    }
                    next.run();
                }, e -> next.run());
    }

    private static PendingSnapshot awaited(CompletableFuture<PendingSnapshot> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private record CachedRows(ListCache.Cached cached, List<ApprovalRow> rows) {
    }

    /** A fetched list with its rows already built (search text, sort keys) off the UI thread. */
    private record Fetched(PendingSnapshot snapshot, List<ApprovalRow> rows) {
    }

    /** Fetches the pending list now (F5). Does nothing while a fetch is running. */
    public void refresh() {
        refresh(previous -> session.api().fetchAllNotComplete(null, previous));
    }

    /** Where a refresh gets its list from: the server, given the list it has (for ETags), or null. */
    private interface ListSource {
        PendingSnapshot fetch(PendingSnapshot previous);
    }

    private void refresh(ListSource source) {
        if (refreshing.get()) {
            return;
        }
        refreshing.set(true);
        schedule.resume();
        PendingSnapshot previous = snapshot;
        boolean needRows = !loadedOnce || stale.get();
        background.run(() -> {
            PendingSnapshot s = source.fetch(previous);
            return new Fetched(s, s.notModified() && !needRows ? List.of() : rowsOf(s.items()));
        }, this::applySnapshot, this::refreshFailed);
    }

    /** Called every second by the view: countdowns, "12 s ago", automatic refresh. */
    public void tick() {
        Instant now = clock.instant();
        lastRefreshedText.set(lastRefreshed.get() == null ? "not refreshed yet"
                : "refreshed " + TimeText.ago(lastRefreshed.get(), now));
        if (refreshing.get()) {
            return;
        }
        switch (schedule.step(now, refreshSeconds.get())) {
            case REFRESH -> refresh();
            case COUNTDOWN -> showCountdown(schedule.secondsLeft(now));
            default -> { }
        }
    }

    private void applySnapshot(Fetched fetched) {
        PendingSnapshot fresh = fetched.snapshot();
        refreshing.set(false);
        schedule.succeeded();
        // Our clock, not the snapshot's: "12 s ago" is measured against it.
        Instant fetchedAt = clock.instant();
        boolean changed = !fresh.notModified() || !loadedOnce || stale.get();
        snapshot = fresh;
        if (changed) {
            applyList(fetched.rows().isEmpty() && !fresh.items().isEmpty() ? rowsOf(fresh.items()) : fetched.rows());
        }
        stale.set(false);
        staleText.set("");
        banner.set(null);
        lastRefreshed.set(fetchedAt);
        scheduleNext();
        tickText();
        if (cache != null && changed) {
            List<Approval> items = fresh.items();
            String name = session.connectionName();
            // Not while the window draws the new list: writing 100,000 approvals competes with the first frame.
            afterNextFrame.accept(() -> background.run(() -> {
                cache.save(name, fetchedAt, items);
                return null;
            }, x -> { }, e -> { }));
        }
    }

    private void tickText() {
        String note = snapshot == null ? "" : snapshot.readingNote(); // a real server's items the console half read
        lastRefreshedText.set((lastRefreshed.get() == null ? "not refreshed yet"
                : "refreshed " + TimeText.ago(lastRefreshed.get(), clock.instant()))
                + (note.isEmpty() ? "" : "  \u00b7  " + note));
    }

    private void scheduleNext() {
        schedule.scheduleNext(clock.instant(), refreshSeconds.get());
    }

    private void refreshFailed(Throwable e) {
        refreshing.set(false);
        reportFailure(e);
    }

    /**
     * Shows what a failure means (from a refresh or from a dialog) and plans the retry. Decisions are
     * never retried or queued: only the list is fetched again.
     */
    public void reportFailure(Throwable e) {
        Instant now = clock.instant();
        if (e instanceof ApiException.Network) {
            long wait = schedule.offline(now);
            if (!rows.isEmpty()) {
                stale.set(true);
                staleText.set("Offline: showing the list as of " + TimeText.full(lastRefreshed.get()));
            }
            showCountdown(wait);
        } else if (e instanceof ApiException.RateLimited r) {
            long wait = schedule.rateLimited(now, r.retryAfter());
            showCountdown(wait);
        } else if (e instanceof ApiException.Unauthorized) {
            schedule.pause();
            banner.set(new Banner(Banner.Kind.UNAUTHORIZED,
                    "The key was rejected \u2014 it may be revoked or expired.", "Replace key\u2026"));
            onUnauthorized.run(); // another program may have stored a new key meanwhile
        } else if (e instanceof ApiException.Forbidden f) {
            banner.set(new Banner(Banner.Kind.FORBIDDEN, forbiddenText(f), null));
            scheduleNext();
        } else {
            banner.set(new Banner(Banner.Kind.ERROR, messageOf(e), "Retry"));
            scheduleNext();
        }
    }

    static String forbiddenText(ApiException.Forbidden f) {
        return f.requiredScope() == null ? f.getMessage()
                : "This key lacks the \u2018" + f.requiredScope() + "\u2019 scope, so that was refused. "
                        + "Ask an administrator for a key with \u2018" + f.requiredScope() + "\u2019.";
    }

    static String messageOf(Throwable e) {
        if (e instanceof ApiException) {
            return e.getMessage();
        }
        return "Something went wrong (" + e.getClass().getSimpleName() + "). Try again.";
    }

    private void showCountdown(long seconds) {
        if (schedule.retryKind() == Banner.Kind.RATE_LIMITED) {
            banner.set(new Banner(Banner.Kind.RATE_LIMITED,
                    "The server asked us to wait. Trying again in " + seconds + " s.", "Retry now"));
        } else {
            banner.set(new Banner(Banner.Kind.OFFLINE,
                    "Offline: the server cannot be reached. Retrying in " + seconds
                            + " s. Decisions are not queued while offline.", "Retry now"));
        }
    }

    /** The session's key was replaced: try again at once. */
    public void keyReplaced() {
        banner.set(null);
        schedule.resume();
        refresh();
    }

    // ---- the list ----

    /** Merges a fresh list into the rows in place (see {@link ApprovalList#merge}); arrivals may notify. */
    private void applyList(List<ApprovalRow> fresh) {
        applyReplacements(); // decisions came before this list: the list wins
        boolean markNew = loadedOnce;
        loadedOnce = true;
        List<ApprovalRow> added = list.merge(fresh, markNew);
        if (markNew) {
            arrivals.notifyArrivals(added);
        }
        updateBuckets();
        updateCounts();
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

    /**
     * Lets the view recompute the overview after a decision a little later, once for many decisions: a bulk
     * decision of 500 recomputed it (and redrew the strip) 500 times. Default: at once.
     */
    public void setOverviewScheduler(Consumer<Runnable> scheduler) {
        this.overviewScheduler = scheduler == null ? Runnable::run : scheduler;
    }

    /** Lets the view run work (the list cache write) after the next frame is drawn. Default: at once. */
    public void setAfterNextFrame(Consumer<Runnable> hook) {
        this.afterNextFrame = hook == null ? Runnable::run : hook;
    }

    /**
     * A decision or a 409 told us how an approval is now: show it so until the next refresh. Decisions that
     * arrive in quick succession (a bulk decision) are applied together, through the overview scheduler: every
     * replaced row makes the table lay out all its visible rows again, so once per batch, not once per decision.
     */
    public void replace(Approval current) {
        list.queue(current);
        if (overview.isStale()) {
            return;
        }
        overview.markStale();
        overviewScheduler.accept(() -> {
            applyReplacements();
            if (overview.isStale()) {
                updateBuckets();
                updateCounts();
            }
        });
    }

    private void applyReplacements() {
        List<ApprovalRow> nowDecided = list.applyReplacements();
        if (nowDecided == null) {
            return;
        }
        overview.markStale();
        if (!nowDecided.isEmpty()) {
            decidedHandler.accept(nowDecided);
        }
    }

    /**
     * Lets the view move on from rows that were just decided (here or, seen through a 409, elsewhere): select the
     * next pending row, fade them out, then {@link #removeDecided} them. Default: they stay until the next refresh.
     */
    public void setDecidedHandler(Consumer<List<ApprovalRow>> handler) {
        this.decidedHandler = handler == null ? rowsDecided -> { } : handler;
    }

    /** Takes decided rows out of the list at once (their fade-out is over); pending ones stay. */
    public void removeDecided(Set<String> ids) {
        applyReplacements();
        if (list.removeDecided(ids)) {
            updateBuckets();
            updateCounts();
        }
    }

    /**
     * Sends one decision without a dialog (quick approve, once its undo time is over). The version the user saw is
     * sent, so a decision made meanwhile elsewhere comes back as a 409 and is shown, never overwritten.
     */
    public void decideNow(Approval approval, ApprovalStatus decision, Consumer<Approval> onDone,
                          Consumer<Throwable> onFailure) {
        UpdateStatusRequest request = new UpdateStatusRequest(approval.id(), decision, null, approval.version());
        background.run(() -> session.api().updateStatus(request), decided -> {
            replace(decided);
            onDone.accept(decided);
        }, e -> {
            if (e instanceof ApiException.Conflict c && c.current() != null) {
                replace(c.current());
            } else if (e instanceof ApiException.Unauthorized || e instanceof ApiException.Network) {
                reportFailure(e);
            }
            onFailure.accept(e);
        });
    }

    /** A new approval was created here: add it at once and return its row to select. */
    public ApprovalRow added(Approval created) {
        Optional<ApprovalRow> existing = rowById(created.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        ApprovalRow row = new ApprovalRow(created);
        rows.add(row);
        updateBuckets();
        updateCounts();
        return row;
    }

    public Optional<ApprovalRow> rowById(String id) {
        applyReplacements();
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
        countText.set(pendingCount + " pending \u00b7 " + filtered.size() + " shown");
        updateEmptyState();
    }

    /** What an empty table says: all done (and since when we know), or which filter hides how many. */
    private void updateEmptyState() {
        if (!filtered.isEmpty()) {
            return;
        }
        if (pendingCount == 0 && rows.stream().noneMatch(ApprovalRow::isPending)) {
            emptyTitle.set(loadedOnce ? "All done" : "Loading\u2026");
            emptyDetail.set(!loadedOnce ? "" : "Nothing is waiting for a decision. "
                    + (lastRefreshed.get() == null ? "" : "Last refreshed " + TimeText.full(lastRefreshed.get()) + "."));
            return;
        }
        Instant now = clock.instant();
        String me = session.key().owner();
        List<String> hiders = new ArrayList<>();
        SearchQuery query = SearchQuery.parse(search.get());
        if (!query.isEmpty()) {
            hiders.add("the search \u201c" + search.get().strip() + "\u201d hides "
                    + hidden(r -> r.matches(query.words()) && query.matchesFields(r)));
        }
        if (assignedToMe.get() && me != null) {
            hiders.add("Assigned to me hides " + hidden(r -> me.equalsIgnoreCase(r.approval().approver())));
        }
        if (overdueOnly.get()) {
            hiders.add("Overdue hides " + hidden(r -> r.approval().isOverdue(now)));
        }
        if (highAndUrgent.get()) {
            hiders.add("High and Urgent hides "
                    + hidden(r -> r.priority() == Priority.HIGH || r.priority() == Priority.URGENT));
        }
        emptyTitle.set("No approval matches");
        emptyDetail.set(rows.size() + (rows.size() == 1 ? " approval is" : " approvals are") + " hidden: "
                + String.join(", ", hiders) + ". Esc in the search field or Clear filters shows them again.");
    }

    private long hidden(Predicate<ApprovalRow> shown) {
        return rows.stream().filter(shown.negate()).count();
    }

    /** Turns every filter off and empties the search. */
    public void clearFilters() {
        filter.clearFilters();
    }

    /** The overview's buckets and the pending count; call whenever rows change. */
    private void updateBuckets() {
        overview.updateBuckets();
        pendingCount = overview.pendingCount();
    }

    /** Rows the user selected that are still pending, for bulk decisions. */
    public List<Approval> pendingOf(List<ApprovalRow> selection) {
        return ApprovalList.pendingOf(selection);
    }

    /**
     * The same connection with another key (another program replaced or rotated it, or the key window did): the
     * list, its filters, sort and selection stay; a rejected-key pause ends and the list is fetched with the new key.
     */
    public void keyReplaced(ConsoleSession withNewKey, String notice) {
        session = withNewKey;
        arrivals.sessionChanged(withNewKey);
        canWrite.set(withNewKey.key().canWrite());
        keyStatus.show(withNewKey);
        keyStatus.setNotice(notice);
        Banner b = banner.get();
        if (b != null && b.kind() == Banner.Kind.UNAUTHORIZED) {
            banner.set(null);
        }
        schedule.resume();
        refresh();
    }

    /** The key window verified the key: a rejected-key pause ends and the list is fetched again. */
    public void keyConfirmed() {
        Banner b = banner.get();
        if (b != null && b.kind() == Banner.Kind.UNAUTHORIZED) {
            banner.set(null);
            schedule.resume();
            refresh();
        }
    }

    /** Told on a 401: the window then looks whether the keychain holds another key. */
    public void setOnUnauthorized(Runnable hook) {
        onUnauthorized = hook == null ? () -> { } : hook;
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
        applyReplacements();
        return rows;
    }

    /** What the table shows: filtered, then sorted by the table's comparator (bind it). */
    public SortedList<ApprovalRow> sorted() {
        return sorted;
    }

    public FilteredList<ApprovalRow> filtered() {
        return filtered;
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
        return refreshing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty staleTextProperty() {
        return staleText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lastRefreshedProperty() {
        return lastRefreshed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastRefreshedTextProperty() {
        return lastRefreshedText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Banner> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canWriteProperty() {
        return canWrite.getReadOnlyProperty();
    }

    public IntegerProperty refreshSecondsProperty() {
        return refreshSeconds;
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