package io.approvals.console.ui.main;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.PendingSnapshot;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.notify.DesktopNotifier;
import io.approvals.console.service.FailureText;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.TimeText;
import io.approvals.console.ui.session.ConsoleSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The main window's state: the pending list with its filters, the overview, refresh and what went
 * wrong. Touches no controls, so it is tested without a screen; the view binds to its properties.
 * Every method is called on the UI thread; network work goes through {@link Background}.
 */
public final class ApprovalsViewModel {
    static final Duration FIRST_OFFLINE_RETRY = Duration.ofSeconds(5);
    static final Duration MAX_OFFLINE_RETRY = Duration.ofSeconds(60);

    /** Replaced (same connection, new key) when another program changed the key: see {@link #keyReplaced}. */
    private ConsoleSession session;
    private final KeyStatusViewModel keyStatus;
    private Runnable onUnauthorized = () -> { };
    private final Background background;
    private final Clock clock;
    private final ListCache cache;

    private final ObservableList<ApprovalRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ApprovalRow> filtered = new FilteredList<>(rows);
    private final SortedList<ApprovalRow> sorted = new SortedList<>(filtered);

    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty assignedToMe = new SimpleBooleanProperty(this, "assignedToMe");
    private final BooleanProperty overdueOnly = new SimpleBooleanProperty(this, "overdueOnly");
    private final BooleanProperty highAndUrgent = new SimpleBooleanProperty(this, "highAndUrgent");

    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper emptyTitle = new ReadOnlyStringWrapper(this, "emptyTitle", "");
    private final ReadOnlyStringWrapper emptyDetail = new ReadOnlyStringWrapper(this, "emptyDetail", "");
    private final ObservableList<Bucket> ageBuckets = FXCollections.observableArrayList();
    private final ObservableList<Bucket> priorityBuckets = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper staleText = new ReadOnlyStringWrapper(this, "staleText", "");
    private final ReadOnlyObjectWrapper<Instant> lastRefreshed = new ReadOnlyObjectWrapper<>(this, "lastRefreshed");
    private final ReadOnlyStringWrapper lastRefreshedText =
            new ReadOnlyStringWrapper(this, "lastRefreshedText", Messages.get("status.notRefreshed"));
    private final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>(this, "banner");
    private final ReadOnlyBooleanWrapper canWrite = new ReadOnlyBooleanWrapper(this, "canWrite");
    private final IntegerProperty refreshSeconds = new SimpleIntegerProperty(this, "refreshSeconds", 30);
    private final ObjectProperty<ApprovalRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(this, "windowFocused", true);
    private final BooleanProperty notificationsOn = new SimpleBooleanProperty(this, "notificationsOn", true);
    private final ReadOnlyIntegerWrapper newCount = new ReadOnlyIntegerWrapper(this, "newCount");
    private DesktopNotifier notifier = DesktopNotifier.NONE;

    /** Counted when the rows change, not on every keystroke: a filter change does not change it. */
    private long pendingCount;
    private String[] searchWords = new String[0];
    private int searchStamp;
    private int narrowedStamp = -1;
    private PendingSnapshot snapshot = PendingSnapshot.empty();
    private boolean loadedOnce;
    private Instant nextAutoRefresh;
    private Instant retryAt;
    private Banner.Kind retryKind;
    private int offlineFailures;
    private boolean paused;
    private Consumer<Runnable> listUpdateWrapper = Runnable::run;
    private Consumer<Runnable> overviewScheduler = Runnable::run;
    private Consumer<Runnable> afterNextFrame = Runnable::run;
    private Consumer<List<ApprovalRow>> decidedHandler = rowsDecided -> { };
    /** A decision changed the rows and the overview has not been recomputed since. */
    private boolean overviewStale;
    /** Decisions not yet shown in the rows (see {@link #replace}), by approval id. */
    private final Map<String, Approval> pendingReplacements = new LinkedHashMap<>();
    private static final int ROWS_BUILT_ON_THE_UI_THREAD = 2_000;

    public ApprovalsViewModel(ConsoleSession session, Background background, Clock clock, ListCache cache) {
        this.session = session;
        this.background = background;
        this.clock = clock;
        this.cache = cache;
        canWrite.set(session.key().canWrite());
        keyStatus = new KeyStatusViewModel(session);
        search.addListener((o, a, b) -> updatePredicate());
        assignedToMe.addListener((o, a, b) -> updatePredicate());
        overdueOnly.addListener((o, a, b) -> updatePredicate());
        highAndUrgent.addListener((o, a, b) -> updatePredicate());
        filtered.addListener((javafx.collections.ListChangeListener<ApprovalRow>) c -> updateCounts());
        refreshSeconds.addListener((o, a, b) -> scheduleNext());
        lastRefreshed.addListener((o, a, b) -> updateEmptyState());
        selected.addListener((o, a, row) -> {
            if (row != null) {
                row.setUnseen(false);
                updateNewCount();
            }
        });
        // The user had the window in front until now: what it showed has been seen. What arrives from here on
        // is new when they come back.
        windowFocused.addListener((o, was, focused) -> {
            if (!focused) {
                for (ApprovalRow r : rows) {
                    r.setUnseen(false);
                }
                updateNewCount();
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
                        staleText.set(Messages.format("status.staleCached", TimeText.full(c.fetchedAt())));
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

    private static List<ApprovalRow> rowsOf(List<Approval> items) {
        List<ApprovalRow> out = new ArrayList<>(items.size());
        for (Approval a : items) {
            out.add(new ApprovalRow(a));
        }
        return out;
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
        paused = false;
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
        lastRefreshedText.set(lastRefreshed.get() == null ? Messages.get("status.notRefreshed")
                : Messages.format("status.refreshed", TimeText.ago(lastRefreshed.get(), now)));
        if (refreshing.get()) {
            return;
        }
        if (retryAt != null) {
            long left = Math.max(0, Duration.between(now, retryAt).toSeconds());
            if (!now.isBefore(retryAt)) {
                retryAt = null;
                refresh();
            } else {
                showCountdown(left);
            }
            return;
        }
        int every = refreshSeconds.get();
        if (!paused && every > 0 && nextAutoRefresh != null && !now.isBefore(nextAutoRefresh)) {
            refresh();
        }
    }

    private void applySnapshot(Fetched fetched) {
        PendingSnapshot fresh = fetched.snapshot();
        refreshing.set(false);
        offlineFailures = 0;
        retryAt = null;
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
        String note = FailureText.readingNote(snapshot, Messages.locale()); // a real server's items half read
        String refreshedText = lastRefreshed.get() == null ? Messages.get("status.notRefreshed")
                : Messages.format("status.refreshed", TimeText.ago(lastRefreshed.get(), clock.instant()));
        lastRefreshedText.set(note.isEmpty() ? refreshedText : Messages.format("status.withNote", refreshedText, note));
    }

    private void scheduleNext() {
        int every = refreshSeconds.get();
        nextAutoRefresh = every > 0 ? clock.instant().plusSeconds(every) : null;
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
            offlineFailures++;
            long wait = Math.min(MAX_OFFLINE_RETRY.toSeconds(),
                    FIRST_OFFLINE_RETRY.toSeconds() << Math.min(offlineFailures - 1, 6));
            retryAt = now.plusSeconds(wait);
            retryKind = Banner.Kind.OFFLINE;
            if (!rows.isEmpty()) {
                stale.set(true);
                staleText.set(FailureText.offlineStale(TimeText.full(lastRefreshed.get()), Messages.locale()));
            }
            showCountdown(wait);
        } else if (e instanceof ApiException.RateLimited r) {
            long wait = Math.max(1, r.retryAfter().toSeconds());
            retryAt = now.plusSeconds(wait);
            retryKind = Banner.Kind.RATE_LIMITED;
            showCountdown(wait);
        } else if (e instanceof ApiException.Unauthorized) {
            retryAt = null;
            paused = true;
            banner.set(new Banner(Banner.Kind.UNAUTHORIZED, FailureText.of(e, Messages.locale()).message(),
                    "Replace key\u2026"));
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
        return FailureText.of(f, Messages.locale()).line();
    }

    /** What a failure means and what to do next, as the dialogs and the command line say it. */
    static String messageOf(Throwable e) {
        return FailureText.of(e, Messages.locale()).line();
    }

    private void showCountdown(long seconds) {
        boolean rateLimited = retryKind == Banner.Kind.RATE_LIMITED;
        banner.set(new Banner(rateLimited ? Banner.Kind.RATE_LIMITED : Banner.Kind.OFFLINE,
                FailureText.retryCountdown(rateLimited, seconds, Messages.locale()), "Retry now"));
    }

    /** The session's key was replaced: try again at once. */
    public void keyReplaced() {
        banner.set(null);
        paused = false;
        refresh();
    }

    // ---- the list ----

    /**
     * Merges a fresh list into the rows in place: unchanged rows keep their object (and so their
     * selection), changed ones are swapped, gone ones removed, new ones appended and marked unseen.
     */
    private void applyList(List<ApprovalRow> fresh) {
        applyReplacements(); // decisions came before this list: the list wins
        Map<String, ApprovalRow> incoming = new LinkedHashMap<>();
        for (ApprovalRow r : fresh) {
            incoming.put(r.id(), r);
        }
        boolean markNew = loadedOnce;
        loadedOnce = true;
        if (rows.isEmpty()) {
            // The first list: nothing to merge with, nothing selected to keep.
            for (ApprovalRow row : incoming.values()) {
                row.setUnseen(markNew);
            }
            rows.setAll(incoming.values());
            if (markNew) {
                notifyArrivals(rows);
            }
            updateBuckets();
            updateCounts();
            updateNewCount();
            return;
        }
        listUpdateWrapper.accept(() -> {
            Set<String> ids = incoming.keySet();
            rows.removeIf(r -> !ids.contains(r.id()));
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                index.put(rows.get(i).id(), i);
            }
            List<ApprovalRow> added = new ArrayList<>();
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
            if (markNew) {
                notifyArrivals(added);
            }
        });
        updateBuckets();
        updateCounts();
        updateNewCount();
    }

    /** New approvals for the key's owner that arrive while the window is not in front: a desktop notification. */
    private void notifyArrivals(List<ApprovalRow> added) {
        String me = session.key().owner();
        if (windowFocused.get() || !notificationsOn.get() || me == null || added.isEmpty()) {
            return;
        }
        List<String> titles = new ArrayList<>();
        for (ApprovalRow r : added) {
            if (r.isPending() && me.equalsIgnoreCase(r.approval().approver())) {
                titles.add(r.approval().title());
            }
        }
        if (titles.isEmpty()) {
            return;
        }
        String summary = Messages.format("main.notify.summary", titles.size());
        String body = String.join("\n", titles.subList(0, Math.min(3, titles.size())))
                + (titles.size() > 3 ? "\n" + Messages.format("main.notify.more", titles.size() - 3) : "");
        DesktopNotifier to = notifier;
        background.run(() -> to.notify(summary, body), shown -> { }, e -> { });
    }

    private void updateNewCount() {
        int n = 0;
        for (ApprovalRow r : rows) {
            if (r.isUnseen()) {
                n++;
            }
        }
        newCount.set(n);
    }

    /** The first new row in the table's order (for "Jump to new"), if any. */
    public Optional<ApprovalRow> firstNew() {
        return sorted.stream().filter(ApprovalRow::isUnseen).findFirst();
    }

    public void setNotifier(DesktopNotifier notifier) {
        this.notifier = notifier == null ? DesktopNotifier.NONE : notifier;
    }

    /** Lets the view keep selection and scroll position around a list update. */
    public void setListUpdateWrapper(Consumer<Runnable> wrapper) {
        this.listUpdateWrapper = wrapper == null ? Runnable::run : wrapper;
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
        pendingReplacements.put(current.id(), current);
        if (overviewStale) {
            return;
        }
        overviewStale = true;
        overviewScheduler.accept(() -> {
            applyReplacements();
            if (overviewStale) {
                updateBuckets();
                updateCounts();
            }
        });
    }

    private void applyReplacements() {
        if (pendingReplacements.isEmpty()) {
            return;
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
        overviewStale = true;
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
        if (ids.isEmpty() || rows.stream().noneMatch(r -> ids.contains(r.id()) && !r.isPending())) {
            return;
        }
        listUpdateWrapper.accept(() -> rows.removeIf(r -> ids.contains(r.id()) && !r.isPending()));
        updateBuckets();
        updateCounts();
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
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private void updatePredicate() {
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
        String me = session.key().owner();
        boolean mine = assignedToMe.get() && me != null;
        boolean overdue = overdueOnly.get();
        boolean pressing = highAndUrgent.get();
        Instant now = clock.instant();
        Predicate<ApprovalRow> p = r -> (words.length == 0 || r.matches(words, stamp, narrowed))
                && (!fields || query.matchesFields(r))
                && (!mine || me.equalsIgnoreCase(r.approval().approver()))
                && (!overdue || r.approval().isOverdue(now))
                && (!pressing || r.priority() == Priority.HIGH || r.priority() == Priority.URGENT);
        filtered.setPredicate(words.length == 0 && !fields && !mine && !overdue && !pressing ? null : p);
        updateCounts();
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
            emptyDetail.set(!loadedOnce ? "" : lastRefreshed.get() == null ? Messages.get("main.empty.nothingWaiting")
                    : Messages.format("main.empty.nothingWaitingSince", TimeText.full(lastRefreshed.get())));
            return;
        }
        Instant now = clock.instant();
        String me = session.key().owner();
        List<String> hiders = new ArrayList<>();
        SearchQuery query = SearchQuery.parse(search.get());
        if (!query.isEmpty()) {
            hiders.add(Messages.format("main.empty.searchHides", search.get().strip(),
                    hidden(r -> r.matches(query.words()) && query.matchesFields(r))));
        }
        if (assignedToMe.get() && me != null) {
            hiders.add(Messages.format("main.empty.filterHides", MainAction.FILTER_MINE.text(),
                    hidden(r -> me.equalsIgnoreCase(r.approval().approver()))));
        }
        if (overdueOnly.get()) {
            hiders.add(Messages.format("main.empty.filterHides", MainAction.FILTER_OVERDUE.text(),
                    hidden(r -> r.approval().isOverdue(now))));
        }
        if (highAndUrgent.get()) {
            hiders.add(Messages.format("main.empty.filterHides", MainAction.FILTER_PRESSING.text(),
                    hidden(r -> r.priority() == Priority.HIGH || r.priority() == Priority.URGENT)));
        }
        emptyTitle.set(Messages.get("main.empty.noMatch"));
        emptyDetail.set(Messages.format("main.empty.hidden", rows.size(), String.join(", ", hiders)));
    }

    private long hidden(Predicate<ApprovalRow> shown) {
        return rows.stream().filter(shown.negate()).count();
    }

    /** Turns every filter off and empties the search. */
    public void clearFilters() {
        search.set("");
        assignedToMe.set(false);
        overdueOnly.set(false);
        highAndUrgent.set(false);
    }

    /** The overview's buckets and the pending count; call whenever rows change. */
    private void updateBuckets() {
        overviewStale = false;
        Instant now = clock.instant();
        int[] age = new int[4];
        int[] prio = new int[Priority.values().length];
        long pending = 0;
        for (ApprovalRow r : rows) {
            if (!r.isPending()) {
                continue;
            }
            pending++;
            Instant created = r.approval().createdAt();
            long days = created == null ? 0 : Duration.between(created, now).toDays();
            age[days < 1 ? 0 : days < 3 ? 1 : days < 7 ? 2 : 3]++;
            prio[r.priority().ordinal()]++;
        }
        pendingCount = pending;
        ageBuckets.setAll(List.of(
                new Bucket(Messages.get("overview.age0"), age[0], "age-0"),
                new Bucket(Messages.get("overview.age1"), age[1], "age-1"),
                new Bucket(Messages.get("overview.age2"), age[2], "age-2"),
                new Bucket(Messages.get("overview.age3"), age[3], "age-3")));
        List<Bucket> p = new ArrayList<>();
        for (Priority pr : Priority.values()) {
            if (pr == Priority.OTHER && prio[pr.ordinal()] == 0) {
                continue; // only a server with priorities of its own has these
            }
            p.add(new Bucket(pr == Priority.OTHER ? pr.wire() : Messages.get("priority." + pr.name()), prio[pr.ordinal()], "priority-" + pr.wire().toLowerCase(Locale.ROOT)));
        }
        priorityBuckets.setAll(p);
    }

    /** Rows the user selected that are still pending, for bulk decisions. */
    public List<Approval> pendingOf(List<ApprovalRow> selection) {
        Set<String> seen = new HashSet<>();
        List<Approval> out = new ArrayList<>();
        for (ApprovalRow r : selection) {
            if (r != null && r.isPending() && seen.add(r.id())) {
                out.add(r.approval());
            }
        }
        return out;
    }

    /**
     * The same connection with another key (another program replaced or rotated it, or the key window did): the
     * list, its filters, sort and selection stay; a rejected-key pause ends and the list is fetched with the new key.
     */
    public void keyReplaced(ConsoleSession withNewKey, String notice) {
        session = withNewKey;
        canWrite.set(withNewKey.key().canWrite());
        keyStatus.show(withNewKey);
        keyStatus.setNotice(notice);
        Banner b = banner.get();
        if (b != null && b.kind() == Banner.Kind.UNAUTHORIZED) {
            banner.set(null);
        }
        paused = false;
        refresh();
    }

    /** The key window verified the key: a rejected-key pause ends and the list is fetched again. */
    public void keyConfirmed() {
        Banner b = banner.get();
        if (b != null && b.kind() == Banner.Kind.UNAUTHORIZED) {
            banner.set(null);
            paused = false;
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
        return ageBuckets;
    }

    public ObservableList<Bucket> priorityBuckets() {
        return priorityBuckets;
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
        return windowFocused;
    }

    /** Desktop notifications for new approvals (Settings). */
    public BooleanProperty notificationsOnProperty() {
        return notificationsOn;
    }

    /** Rows that arrived since the user last looked at the window and were not selected since. */
    public ReadOnlyIntegerProperty newCountProperty() {
        return newCount.getReadOnlyProperty();
    }

    public ObjectProperty<ApprovalRow> selectedProperty() {
        return selected;
    }

    public Clock clock() {
        return clock;
    }
}
