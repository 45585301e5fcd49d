package io.approvals.console.ui.main;

import static io.approvals.console.ui.main.ApprovalList.rowsOf;
import static io.approvals.console.ui.main.ApprovalsViewModel.messageOf;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.PendingFetch;
import io.approvals.console.client.PendingSnapshot;
import io.approvals.console.contract.Approval;
import io.approvals.console.service.FailureText;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.FailureDetails;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.TimeText;
import io.approvals.console.ui.session.ConsoleSession;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ObservableList;

/**
 * Where the pending list comes from and when: the first page fetched along with the session, the cached list,
 * refreshes on the {@link RefreshSchedule}, and what the user sees while the list comes or fails (stale marks,
 * "refreshed 12 s ago", the banner). Hands every fetched list to the view model to merge. UI thread only.
 */
final class ListRefresh {
    /** Replaced (same connection, new key) when another program changed the key. */
    private ConsoleSession session;

    private final Background background;
    private final Clock clock;
    private final ListCache cache;
    private final ObservableList<ApprovalRow> rows;
    /** The rows' count of changes (ApprovalList#changes): a merge is planned for the rows as they are at a count. */
    private final LongSupplier rowChanges;

    private final BooleanSupplier loadedOnce;
    private final Consumer<FreshRows> listApplier;
    private final RefreshSchedule schedule = new RefreshSchedule();
    private Runnable onUnauthorized = () -> {};

    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper staleText = new ReadOnlyStringWrapper(this, "staleText", "");
    private final ReadOnlyObjectWrapper<Instant> lastRefreshed = new ReadOnlyObjectWrapper<>(this, "lastRefreshed");
    private final ReadOnlyStringWrapper lastRefreshedText =
            new ReadOnlyStringWrapper(this, "lastRefreshedText", Messages.get("status.notRefreshed"));
    private final ReadOnlyObjectWrapper<Banner> banner = new ReadOnlyObjectWrapper<>(this, "banner");
    private final IntegerProperty refreshSeconds = new SimpleIntegerProperty(this, "refreshSeconds", 30);
    private PendingSnapshot snapshot = PendingSnapshot.empty();
    private Consumer<Runnable> afterNextFrame = Runnable::run;
    private static final int ROWS_BUILT_ON_THE_UI_THREAD = 2_000;

    /**
     * {@code rows} are the view model's (read here to know whether there is a list to mark stale, and copied for a
     * refresh to plan its merge on);
     * {@code listApplier} merges a fetched list into them and {@code loadedOnce} says whether one was merged yet.
     */
    ListRefresh(
            ConsoleSession session,
            Background background,
            Clock clock,
            ListCache cache,
            ObservableList<ApprovalRow> rows,
            LongSupplier rowChanges,
            BooleanSupplier loadedOnce,
            Consumer<FreshRows> listApplier) {
        this.session = session;
        this.background = background;
        this.clock = clock;
        this.cache = cache;
        this.rows = rows;
        this.rowChanges = rowChanges;
        this.loadedOnce = loadedOnce;
        this.listApplier = listApplier;
        refreshSeconds.addListener((o, a, b) -> scheduleNext());
    }

    private void applyList(FreshRows fresh) {
        listApplier.accept(fresh);
    }

    /**
     * Shows the list fetched along with the session when it is there already; else the cached list (if any) at
     * once, then the live one: the one being fetched along with the session, or a fresh fetch.
     */
    void start() {
        Optional<PendingFetch> firstPage = session.takeFirstPage();
        if (firstPage.isEmpty()) {
            showCachedThen(this::refresh);
            return;
        }
        PendingFetch page = firstPage.get();
        // A small list goes into this very frame; building the rows of a big one is not work for the UI thread.
        if (page.isDone()
                && !page.isCompletedExceptionally()
                && page.join().items().size() <= ROWS_BUILT_ON_THE_UI_THREAD) {
            applySnapshot(
                    new Fetched(page.join(), FreshRows.of(rowsOf(page.join().items()))));
        } else {
            showCachedThen(() -> refresh((previous, eachPage) -> {
                page.follow(eachPage);
                return awaited(page);
            }));
        }
    }

    private void showCachedThen(Runnable next) {
        if (cache == null) {
            next.run();
            return;
        }
        background.run(
                () -> cache.load(session.connectionName()).map(c -> new CachedRows(c, FreshRows.of(rowsOf(c.items())))),
                cached -> {
                    if (cached.isPresent() && !loadedOnce.getAsBoolean()) {
                        ListCache.Cached c = cached.get().cached();
                        applyList(cached.get().rows());
                        stale.set(true);
                        staleText.set(Messages.format("status.staleCached", TimeText.full(c.fetchedAt())));
                        lastRefreshed.set(c.fetchedAt());
                    }
                    next.run();
                },
                e -> next.run());
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

    private record CachedRows(ListCache.Cached cached, FreshRows rows) {}

    /** A fetched list with its rows already built (search text, sort keys) off the UI thread. */
    private record Fetched(PendingSnapshot snapshot, FreshRows rows) {}

    /** Fetches the pending list now (F5). Does nothing while a fetch is running. */
    void refresh() {
        refresh((previous, eachPage) -> session.api().fetchAllNotComplete(null, previous, eachPage));
    }

    /**
     * Where a refresh gets its list from: the server, given the list it has (for ETags), or null; each page's items
     * go to {@code eachPage} as they are read.
     */
    private interface ListSource {
        PendingSnapshot fetch(PendingSnapshot previous, Consumer<List<Approval>> eachPage);
    }

    private void refresh(ListSource source) {
        if (refreshing.get()) {
            return;
        }
        refreshing.set(true);
        schedule.resume();
        PendingSnapshot previous = snapshot;
        boolean needRows = !loadedOnce.getAsBoolean() || stale.get();
        // Rows that will be needed whatever the server says are built from the pages while the others come.
        RowsAhead ahead = needRows ? new RowsAhead() : null;
        long stamp = rowChanges.getAsLong();
        List<ApprovalRow> shown = new ArrayList<>(rows); // references only: a copy of 100,000 takes well under 1 ms
        background.run(
                () -> {
                    if (ahead != null) {
                        PendingSnapshot s = source.fetch(previous, ahead);
                        return new Fetched(
                                s, FreshRows.of(ahead.rowsOf(s.items())).planned(stamp, shown));
                    }
                    PendingSnapshot s = source.fetch(previous, page -> {});
                    // a 304: no rows, but the time its fetch began, for a list that was stale (rows made then)
                    return new Fetched(
                            s,
                            s.notModified()
                                    ? FreshRows.NONE.fetchedAt(stamp)
                                    : FreshRows.of(rowsOf(s.items())).planned(stamp, shown));
                },
                this::applySnapshot,
                this::refreshFailed);
    }

    /** Called by the view's clock when {@link #nextChange} said: countdowns, "2 min ago", automatic refresh. */
    void tick() {
        Instant now = clock.instant();
        tickText(); // with the note on a half-read list, which the second's tick used to drop
        if (refreshing.get()) {
            return;
        }
        switch (schedule.step(now, refreshSeconds.get())) {
            case REFRESH -> refresh();
            case COUNTDOWN -> showCountdown(schedule.secondsLeft(now));
            default -> {}
        }
    }

    /** When {@link #tick} next has something to do or a text of ours changes (see {@link TickPlan}); null: never. */
    Instant nextChange(Instant now) {
        return TickPlan.earliest(
                TickPlan.refreshedChanges(lastRefreshed.get(), now), schedule.nextStep(now, refreshSeconds.get()));
    }

    /**
     * "refreshed just now" for the first minute, then by the minute: a text that changed every second made the idle
     * window draw a frame every second all day (bench "idle").
     */
    static String refreshedText(Instant refreshed, Instant now) {
        if (refreshed == null) {
            return Messages.get("status.notRefreshed");
        }
        return java.time.Duration.between(refreshed, now).getSeconds() < 60
                ? Messages.get("status.refreshed.justNow")
                : Messages.format("status.refreshed", TimeText.ago(refreshed, now));
    }

    private void applySnapshot(Fetched fetched) {
        PendingSnapshot fresh = fetched.snapshot();
        refreshing.set(false);
        schedule.succeeded();
        // Our clock, not the snapshot's: "12 s ago" is measured against it.
        Instant fetchedAt = clock.instant();
        boolean changed = !fresh.notModified() || !loadedOnce.getAsBoolean() || stale.get();
        snapshot = fresh;
        if (changed) {
            applyList(
                    fetched.rows().isEmpty() && !fresh.items().isEmpty()
                            ? FreshRows.of(rowsOf(fresh.items()))
                                    .fetchedAt(fetched.rows().fetchedAt())
                            : fetched.rows());
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
            afterNextFrame.accept(() -> background.run(
                    () -> {
                        cache.save(name, fetchedAt, items);
                        return null;
                    },
                    x -> {},
                    e -> {}));
        }
    }

    private void tickText() {
        String note = FailureText.readingNote(snapshot, Messages.locale()); // a real server's items half read
        String refreshedText = refreshedText(lastRefreshed.get(), clock.instant());
        lastRefreshedText.set(note.isEmpty() ? refreshedText : Messages.format("status.withNote", refreshedText, note));
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
    void reportFailure(Throwable e) {
        Instant now = clock.instant();
        if (e instanceof ApiException.Network) {
            long wait = schedule.offline(now);
            if (!rows.isEmpty()) {
                stale.set(true);
                staleText.set(FailureText.offlineStale(TimeText.full(lastRefreshed.get()), Messages.locale()));
            }
            showCountdown(wait);
        } else if (e instanceof ApiException.RateLimited r) {
            long wait = schedule.rateLimited(now, r.retryAfter());
            showCountdown(wait);
        } else if (e instanceof ApiException.Unauthorized) {
            schedule.pause();
            banner.set(new Banner(
                    Banner.Kind.UNAUTHORIZED,
                    FailureText.of(e, Messages.locale()).message(),
                    Messages.get("action.replaceKey"),
                    FailureDetails.of(e)));
            onUnauthorized.run(); // another program may have stored a new key meanwhile
        } else if (e instanceof ApiException.Forbidden f) {
            banner.set(new Banner(Banner.Kind.FORBIDDEN, forbiddenText(f), null, FailureDetails.of(e)));
            scheduleNext();
        } else {
            banner.set(new Banner(
                    Banner.Kind.ERROR, messageOf(e), Messages.get("main.banner.retry"), FailureDetails.of(e)));
            scheduleNext();
        }
    }

    static String forbiddenText(ApiException.Forbidden f) {
        return FailureText.of(f, Messages.locale()).line();
    }

    private void showCountdown(long seconds) {
        boolean rateLimited = schedule.retryKind() == Banner.Kind.RATE_LIMITED;
        banner.set(new Banner(
                rateLimited ? Banner.Kind.RATE_LIMITED : Banner.Kind.OFFLINE,
                FailureText.retryCountdown(rateLimited, seconds, Messages.locale()),
                Messages.get("main.banner.retryNow")));
    }

    /** The same connection with another key: a rejected-key pause ends and the list is fetched with the new key. */
    void keyReplaced(ConsoleSession withNewKey) {
        session = withNewKey;
        Banner b = banner.get();
        if (b != null && b.kind() == Banner.Kind.UNAUTHORIZED) {
            banner.set(null);
        }
        schedule.resume();
        refresh();
    }

    /** The key window verified the key: a rejected-key pause ends and the list is fetched again. */
    void keyConfirmed() {
        Banner b = banner.get();
        if (b != null && b.kind() == Banner.Kind.UNAUTHORIZED) {
            banner.set(null);
            schedule.resume();
            refresh();
        }
    }

    /** Told on a 401: the window then looks whether the keychain holds another key. */
    void setOnUnauthorized(Runnable hook) {
        onUnauthorized = hook == null ? () -> {} : hook;
    }

    /** Lets the view run work (the list cache write) after the next frame is drawn. Default: at once. */
    void setAfterNextFrame(Consumer<Runnable> hook) {
        this.afterNextFrame = hook == null ? Runnable::run : hook;
    }

    ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    ReadOnlyStringProperty staleTextProperty() {
        return staleText.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Instant> lastRefreshedProperty() {
        return lastRefreshed.getReadOnlyProperty();
    }

    ReadOnlyStringProperty lastRefreshedTextProperty() {
        return lastRefreshedText.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Banner> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    IntegerProperty refreshSecondsProperty() {
        return refreshSeconds;
    }
}
