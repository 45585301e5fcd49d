package io.approvals.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.Priority;
import io.approvals.console.testing.MovableClock;
import io.approvals.console.ui.DirectBackground;
import io.approvals.console.ui.UiSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's view model against a real sandbox, without a screen. */
class ApprovalsViewModelTest {
    @TempDir
    Path dir;

    UiSandbox server;
    MovableClock clock = new MovableClock(Instant.now());
    Approval laptop;
    Approval overdue;
    Approval urgent;

    @BeforeEach
    void start() throws Exception {
        server = new UiSandbox(dir.resolve("sandbox"), 0);
        laptop = server.create("New laptop for Dana", UiSandbox.OWNER, Priority.NORMAL, null);
        overdue = server.create(
                "Conference travel",
                "lee@example.com",
                Priority.LOW,
                Instant.now().minus(Duration.ofDays(2)));
        urgent = server.create(
                "Server replacement",
                "lee@example.com",
                Priority.URGENT,
                Instant.now().plus(Duration.ofDays(3)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApprovalsViewModel vm(ListCache cache) {
        return new ApprovalsViewModel(server.adminSession(), new DirectBackground(), clock, cache);
    }

    @Test
    void refreshShowsEveryPendingApprovalWithCountsAndOverview() {
        ApprovalsViewModel vm = vm(null);
        vm.refresh();
        assertThat(vm.sorted())
                .extracting(ApprovalRow::id)
                .containsExactlyInAnyOrder(laptop.id(), overdue.id(), urgent.id());
        assertThat(vm.countTextProperty().get()).isEqualTo("3 pending \u00b7 3 shown");
        assertThat(vm.priorityBuckets()).extracting(Bucket::count).containsExactly(1, 1, 0, 1);
        assertThat(vm.ageBuckets()).extracting(Bucket::count).containsExactly(3, 0, 0, 0);
        assertThat(vm.bannerProperty().get()).isNull();
        assertThat(vm.lastRefreshedProperty().get()).isNotNull();
    }

    @Test
    void searchMatchesAnyTextCaseInsensitivelyAndEveryWord() {
        ApprovalsViewModel vm = vm(null);
        vm.refresh();
        vm.searchProperty().set("LAPTOP");
        assertThat(vm.sorted()).extracting(ApprovalRow::id).containsExactly(laptop.id());
        vm.searchProperty().set("lee@example travel");
        assertThat(vm.sorted()).extracting(ApprovalRow::id).containsExactly(overdue.id());
        vm.searchProperty().set("about server");
        assertThat(vm.sorted()).extracting(ApprovalRow::id).containsExactly(urgent.id());
        assertThat(vm.countTextProperty().get()).isEqualTo("3 pending \u00b7 1 shown");
        vm.searchProperty().set("");
        assertThat(vm.sorted()).hasSize(3);
    }

    @Test
    void typingOnNarrowsTheSearchAndEveryStepShowsWhatAFreshSearchWould() {
        ApprovalsViewModel vm = vm(null);
        vm.refresh();
        List<String> steps = List.of(
                "l",
                "la",
                "lap",
                "lapt",
                "la",
                "l",
                "le",
                "lee",
                "lee ",
                "lee t",
                "lee tr",
                "lee ser",
                "ee ser",
                "",
                "s",
                "se",
                "ser",
                "server",
                "serve",
                "about server",
                "about  server x");
        for (String step : steps) {
            vm.searchProperty().set(step);
            List<String> shown = vm.sorted().stream().map(ApprovalRow::id).toList();
            ApprovalsViewModel fresh = vm(null);
            fresh.refresh();
            fresh.searchProperty().set(step);
            assertThat(shown)
                    .as("after typing '%s'", step)
                    .containsExactlyInAnyOrderElementsOf(
                            fresh.sorted().stream().map(ApprovalRow::id).toList());
        }
    }

    @Test
    void quickFiltersCombine() {
        ApprovalsViewModel vm = vm(null);
        vm.refresh();
        vm.assignedToMeProperty().set(true);
        assertThat(vm.sorted()).extracting(ApprovalRow::id).containsExactly(laptop.id());
        vm.assignedToMeProperty().set(false);
        vm.overdueOnlyProperty().set(true);
        assertThat(vm.sorted()).extracting(ApprovalRow::id).containsExactly(overdue.id());
        vm.overdueOnlyProperty().set(false);
        vm.highAndUrgentProperty().set(true);
        assertThat(vm.sorted()).extracting(ApprovalRow::id).containsExactly(urgent.id());
        vm.overdueOnlyProperty().set(true);
        assertThat(vm.sorted()).isEmpty();
        assertThat(vm.countTextProperty().get()).isEqualTo("3 pending \u00b7 0 shown");
    }

    @Test
    void rowsThatArriveLaterAreMarkedUntilSelected() {
        ApprovalsViewModel vm = vm(null);
        vm.refresh();
        assertThat(vm.rows()).noneMatch(ApprovalRow::isUnseen);
        ApprovalRow before = vm.rowById(laptop.id()).orElseThrow();
        Approval fresh = server.create("Arrived later", null, Priority.HIGH, null);
        vm.refresh();
        ApprovalRow newRow = vm.rowById(fresh.id()).orElseThrow();
        assertThat(newRow.isUnseen()).isTrue();
        assertThat(vm.rows()).filteredOn(ApprovalRow::isUnseen).hasSize(1);
        // unchanged rows keep their objects, so the table keeps their selection
        assertThat(vm.rowById(laptop.id()).orElseThrow()).isSameAs(before);
        vm.selectedProperty().set(newRow);
        assertThat(newRow.isUnseen()).isFalse();
    }

    @Test
    void decidedElsewhereDisappearsOnRefresh() {
        ApprovalsViewModel vm = vm(null);
        vm.refresh();
        server.admin()
                .updateStatus(new io.approvals.console.contract.UpdateStatusRequest(
                        laptop.id(), io.approvals.console.contract.ApprovalStatus.APPROVED, null, null));
        vm.refresh();
        assertThat(vm.rowById(laptop.id())).isEmpty();
        assertThat(vm.countTextProperty().get()).isEqualTo("2 pending \u00b7 2 shown");
    }

    @Test
    void refreshesAutomaticallyAtTheChosenInterval() {
        ApprovalsViewModel vm = vm(null);
        vm.refreshSecondsProperty().set(30);
        vm.refresh();
        Approval fresh = server.create("Automatic", null, Priority.LOW, null);
        clock.advance(Duration.ofSeconds(29));
        vm.tick();
        assertThat(vm.rowById(fresh.id())).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        vm.tick();
        assertThat(vm.rowById(fresh.id())).isPresent();
        assertThat(vm.lastRefreshedTextProperty().get()).isEqualTo("refreshed just now");
        clock.advance(Duration.ofSeconds(12));
        vm.tick();
        // by the minute, not the second: a text that changes every second redraws the idle window every second
        assertThat(vm.lastRefreshedTextProperty().get()).isEqualTo("refreshed just now");
        vm.refreshSecondsProperty().set(0);
        clock.advance(Duration.ofSeconds(60));
        vm.tick();
        assertThat(vm.lastRefreshedTextProperty().get()).isEqualTo("refreshed 1 min ago");
    }

    @Test
    void aDialogsAnswerEndsTheOfflineStateAtOnceNotAtTheNextRetry() throws Exception {
        ApprovalsViewModel vm = vm(null);
        vm.refresh();
        server.stop();
        vm.refresh();
        assertThat(vm.bannerProperty().get().kind()).isEqualTo(Banner.Kind.OFFLINE);
        server.restart();
        vm.reportAnswered(); // a create or a decision just got through
        assertThat(vm.bannerProperty().get()).isNull();
        assertThat(vm.staleProperty().get()).isFalse();
        vm.reportAnswered(); // online: nothing to do, no fetch
        assertThat(vm.bannerProperty().get()).isNull();
    }

    @Test
    void offlineKeepsTheLastDataMarkedStaleAndRetriesOnACountdown() throws Exception {
        ApprovalsViewModel vm = vm(null);
        vm.refresh();
        server.stop();
        vm.refresh();
        assertThat(vm.bannerProperty().get().kind()).isEqualTo(Banner.Kind.OFFLINE);
        assertThat(vm.bannerProperty().get().text()).contains("Retrying in 5 s");
        assertThat(vm.staleProperty().get()).isTrue();
        assertThat(vm.staleTextProperty().get()).startsWith("Offline: showing the list as of");
        assertThat(vm.rows()).hasSize(3);
        clock.advance(Duration.ofSeconds(2));
        vm.tick();
        assertThat(vm.bannerProperty().get().text()).contains("Retrying in 3 s");

        server.restart();
        clock.advance(Duration.ofSeconds(3));
        vm.tick();
        assertThat(vm.bannerProperty().get()).isNull();
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(vm.rows()).hasSize(3);
    }

    /** The view's clock asks when to tick next: no sooner than something it shows changes. */
    @Test
    void theClockIsNeededOnlyAtTheRefreshAndTheMinuteWhileNothingCountsSeconds() {
        ApprovalsViewModel vm = vm(null);
        vm.refreshSecondsProperty().set(0);
        vm.refresh();
        Instant refreshed = vm.lastRefreshedProperty().get();
        assertThat(vm.nextChange(clock.instant())).isEqualTo(refreshed.plusSeconds(60)); // "just now" → "1 min ago"
        clock.advance(Duration.ofSeconds(75));
        vm.tick();
        assertThat(vm.nextChange(clock.instant())).isEqualTo(refreshed.plusSeconds(120));

        vm.refreshSecondsProperty().set(30);
        vm.refresh();
        assertThat(vm.nextChange(clock.instant())).isEqualTo(clock.instant().plusSeconds(30)); // the automatic refresh
    }

    @Test
    void aRetryCountdownNeedsTheClockEverySecond() throws Exception {
        ApprovalsViewModel vm = vm(null);
        vm.refreshSecondsProperty().set(0);
        vm.refresh();
        server.stop();
        vm.refresh();
        assertThat(vm.nextChange(clock.instant())).isEqualTo(clock.instant().plusSeconds(1));
        server.restart();
        clock.advance(Duration.ofSeconds(5));
        vm.tick();
        assertThat(vm.bannerProperty().get()).isNull();
        assertThat(vm.nextChange(clock.instant())).isEqualTo(clock.instant().plusSeconds(60));
    }

    @Test
    void offlineRetriesBackOff() {
        ApprovalsViewModel vm = vm(null);
        server.stop();
        vm.refresh();
        assertThat(vm.bannerProperty().get().text()).contains("Retrying in 5 s");
        clock.advance(Duration.ofSeconds(5));
        vm.tick();
        assertThat(vm.bannerProperty().get().text()).contains("Retrying in 10 s");
    }

    @Test
    void aRejectedKeyShowsTheReplaceKeyBanner() {
        ApiKey key = server.key("lee@example.com", "read");
        ApprovalsViewModel vm = new ApprovalsViewModel(
                server.session(key, "lee@example.com", List.of("read")), new DirectBackground(), clock, null);
        vm.refresh();
        assertThat(vm.canWriteProperty().get()).isFalse();
        var keyId = server.admin().listAllKeys().stream()
                .filter(k -> k.owner().equals("lee@example.com"))
                .findFirst()
                .orElseThrow()
                .id();
        server.admin().revokeKey(keyId);
        vm.refresh();
        Banner b = vm.bannerProperty().get();
        assertThat(b.kind()).isEqualTo(Banner.Kind.UNAUTHORIZED);
        assertThat(b.text()).isEqualTo("The key was rejected \u2014 it may be revoked or expired.");
        assertThat(b.actionLabel()).isEqualTo("Replace key\u2026");
        assertThat(vm.rows()).hasSize(3);
    }

    @Test
    void aKeyWithoutReadExplainsTheMissingScope() {
        ApiKey key = server.key("lee@example.com", "write");
        ApprovalsViewModel vm = new ApprovalsViewModel(
                server.session(key, "lee@example.com", List.of("write")), new DirectBackground(), clock, null);
        vm.refresh();
        Banner b = vm.bannerProperty().get();
        assertThat(b.kind()).isEqualTo(Banner.Kind.FORBIDDEN);
        assertThat(b.text()).contains("\u2018read\u2019 scope");
    }

    @Test
    void theCacheShowsTheLastListAcrossARestartMarkedStale() throws Exception {
        ListCache cache = new ListCache(dir.resolve("cache"));
        vm(cache).refresh();
        assertThat(cache.fileFor("test")).exists();
        assertThat(java.nio.file.Files.readString(cache.fileFor("test")))
                .contains("New laptop for Dana")
                .doesNotContain(server.adminKey().reveal());
        server.stop();
        ApprovalsViewModel later = vm(cache);
        later.start();
        assertThat(later.rows()).hasSize(3);
        assertThat(later.staleProperty().get()).isTrue();
        assertThat(later.bannerProperty().get().kind()).isEqualTo(Banner.Kind.OFFLINE);
        server.restart();
    }

    @Test
    void anApprovalCreatedHereWhileARefreshIsUnderWayIsShownOnce() {
        HeldBackground background = new HeldBackground();
        ApprovalsViewModel vm = new ApprovalsViewModel(server.adminSession(), background, clock, null);
        vm.refresh();
        background.finish();
        background.hold = true;
        vm.refresh(); // its merge is planned on the three rows shown now
        Approval created = server.create("Standing desk", UiSandbox.OWNER, Priority.LOW, null);
        vm.added(created); // shown at once, as the create dialog does, before the refresh's list comes

        background.finish(); // the list, fetched now, has it too

        assertThat(vm.rows())
                .extracting(ApprovalRow::id)
                .containsExactlyInAnyOrder(laptop.id(), overdue.id(), urgent.id(), created.id());
    }

    @Test
    void anApprovalDecidedHereWhileARefreshIsUnderWayDoesNotComeBackWithItsList() {
        HeldBackground background = new HeldBackground();
        ApprovalsViewModel vm = new ApprovalsViewModel(server.adminSession(), background, clock, null);
        // fetched now, with the laptop still pending; its answer comes after the decision below
        Approval toner = refreshInFlight(vm, background);
        Approval decided = server.admin()
                .updateStatus(new io.approvals.console.contract.UpdateStatusRequest(
                        laptop.id(), io.approvals.console.contract.ApprovalStatus.APPROVED, null, laptop.version()));
        vm.replace(decided);
        vm.removeDecided(Set.of(laptop.id())); // as the window does once the row has faded

        background.finish();

        assertThat(vm.rows())
                .extracting(ApprovalRow::id)
                .containsExactlyInAnyOrder(overdue.id(), urgent.id(), toner.id());
        background.deliverLater = false;
        vm.refresh();
        assertThat(vm.rows())
                .extracting(ApprovalRow::id)
                .containsExactlyInAnyOrder(overdue.id(), urgent.id(), toner.id());
    }

    @Test
    void aDecisionShownWhileARefreshIsUnderWayStaysShownDecided() {
        HeldBackground background = new HeldBackground();
        ApprovalsViewModel vm = new ApprovalsViewModel(server.adminSession(), background, clock, null);
        refreshInFlight(vm, background);
        Approval decided = server.admin()
                .updateStatus(new io.approvals.console.contract.UpdateStatusRequest(
                        laptop.id(), io.approvals.console.contract.ApprovalStatus.REJECTED, "no", laptop.version()));
        vm.replace(decided);

        background.finish();

        assertThat(vm.rowById(laptop.id()).orElseThrow().isPending()).isFalse();
    }

    @Test
    void anApprovalCreatedHereStaysShownWhenAListFetchedBeforeItComes() {
        HeldBackground background = new HeldBackground();
        ApprovalsViewModel vm = new ApprovalsViewModel(server.adminSession(), background, clock, null);
        refreshInFlight(vm, background); // fetched before the approval below exists
        Approval created = server.create("Standing desk", UiSandbox.OWNER, Priority.LOW, null);
        vm.added(created);

        background.finish();

        assertThat(vm.rowById(created.id())).isPresent();
        background.deliverLater = false;
        vm.refresh();
        assertThat(vm.rows()).extracting(ApprovalRow::id).containsOnlyOnce(created.id());
    }

    /**
     * Shows the list, then has another approval created elsewhere (so that the next list differs) and a refresh
     * fetched whose answer waits for background.finish(). Returns the one created elsewhere.
     */
    private Approval refreshInFlight(ApprovalsViewModel vm, HeldBackground background) {
        vm.refresh();
        Approval toner = server.create("Printer toner", "lee@example.com", Priority.LOW, null);
        background.deliverLater = true;
        vm.refresh();
        return toner;
    }

    /** Runs background work when told to, or its answer when told to, so that a test can act while it is under way. */
    private static final class HeldBackground implements io.approvals.console.ui.common.Background {
        /** The work waits for {@link #finish}. */
        boolean hold;
        /** The work runs at once; its answer waits for {@link #finish}. */
        boolean deliverLater;

        private final java.util.List<Runnable> held = new java.util.ArrayList<>();

        @Override
        public <T> void run(
                java.util.concurrent.Callable<T> work,
                java.util.function.Consumer<? super T> onSuccess,
                java.util.function.Consumer<Throwable> onError) {
            if (deliverLater) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    held.add(() -> onError.accept(e));
                    return;
                }
                held.add(() -> onSuccess.accept(result));
                return;
            }
            held.add(() -> new DirectBackground().run(work, onSuccess, onError));
            if (!hold) {
                finish();
            }
        }

        void finish() {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
        }

        @Override
        public void ui(Runnable action) {
            action.run();
        }
    }

    @Test
    void aDecisionShowsTheRowAsDecidedUntilTheNextRefresh() {
        ApprovalsViewModel vm = vm(null);
        vm.refresh();
        Approval decided = server.admin()
                .updateStatus(new io.approvals.console.contract.UpdateStatusRequest(
                        laptop.id(), io.approvals.console.contract.ApprovalStatus.APPROVED, null, laptop.version()));
        vm.replace(decided);
        assertThat(vm.rowById(laptop.id()).orElseThrow().isPending()).isFalse();
        assertThat(vm.countTextProperty().get()).isEqualTo("2 pending \u00b7 3 shown");
        vm.refresh();
        assertThat(vm.rowById(laptop.id())).isEmpty();
    }

    @Test
    void tooManyFailedAuthenticationsWaitWithACountdown() {
        ApiKey unknown = io.approvals.console.contract.TestKeys.random();
        ApprovalsViewModel vm = new ApprovalsViewModel(
                server.session(unknown, "x@example.com", List.of("read")), new DirectBackground(), clock, null);
        for (int i = 0;
                i < 25
                        && (vm.bannerProperty().get() == null
                                || vm.bannerProperty().get().kind() != Banner.Kind.RATE_LIMITED);
                i++) {
            vm.refresh();
        }
        Banner b = vm.bannerProperty().get();
        assertThat(b.kind()).isEqualTo(Banner.Kind.RATE_LIMITED);
        assertThat(b.text()).startsWith("The server asked us to wait. Trying again in ");
        clock.advance(Duration.ofSeconds(1));
        vm.tick();
        assertThat(vm.bannerProperty().get().kind()).isEqualTo(Banner.Kind.RATE_LIMITED);
    }

    @Test
    void aFilteredEmptyTableSaysWhichFilterHidesHowMany() {
        ApprovalsViewModel vm = vm(null);
        vm.refresh();
        vm.searchProperty().set("laptop");
        vm.overdueOnlyProperty().set(true);
        assertThat(vm.sorted()).isEmpty();
        assertThat(vm.emptyTitleProperty().get()).isEqualTo("No approval matches");
        assertThat(vm.emptyDetailProperty().get())
                .startsWith("3 approvals are hidden: ")
                .contains("the search \u201claptop\u201d hides 2")
                .contains("Overdue hides 2");
        vm.clearFilters();
        assertThat(vm.sorted()).hasSize(3);
        assertThat(vm.searchProperty().get()).isEmpty();
    }

    @Test
    void aSearchAloneThatFindsNothingHidesEveryRowAndSaysSo() {
        ApprovalsViewModel vm = vm(null);
        vm.refresh();
        vm.searchProperty().set("no such thing");
        assertThat(vm.sorted()).isEmpty();
        assertThat(vm.emptyDetailProperty().get())
                .startsWith("3 approvals are hidden: the search \u201cno such thing\u201d hides 3.");
        vm.searchProperty().set("");
        vm.overdueOnlyProperty().set(true);
        vm.searchProperty().set("laptop"); // the laptop is not overdue: two filters, each counted
        assertThat(vm.sorted()).isEmpty();
        assertThat(vm.emptyDetailProperty().get())
                .contains("the search \u201claptop\u201d hides 2")
                .contains("Overdue hides 2");
    }

    @Test
    void anEmptyQueueIsAllDoneWithTheTimeOfTheLastRefresh() {
        ApprovalsViewModel vm = vm(null);
        vm.refresh();
        for (Approval a : List.of(laptop, overdue, urgent)) {
            vm.replace(server.admin()
                    .updateStatus(new io.approvals.console.contract.UpdateStatusRequest(
                            a.id(), io.approvals.console.contract.ApprovalStatus.APPROVED, null, a.version())));
        }
        vm.removeDecided(java.util.Set.of(laptop.id(), overdue.id(), urgent.id()));
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.emptyTitleProperty().get()).isEqualTo("All done");
        assertThat(vm.emptyDetailProperty().get())
                .isEqualTo("Nothing is waiting for a decision. Last refreshed "
                        + io.approvals.console.ui.common.TimeText.full(
                                vm.lastRefreshedProperty().get()) + ".");
    }

    @Test
    void decidedRowsAreHandedToTheViewAndLeaveWhenItSays() {
        ApprovalsViewModel vm = vm(null);
        List<java.util.Set<String>> handed = new java.util.ArrayList<>();
        vm.setDecidedHandler(handed::add);
        vm.refresh();
        vm.replace(server.admin()
                .updateStatus(new io.approvals.console.contract.UpdateStatusRequest(
                        laptop.id(), io.approvals.console.contract.ApprovalStatus.APPROVED, null, laptop.version())));
        assertThat(handed).hasSize(1);
        assertThat(handed.get(0)).containsExactly(laptop.id());
        vm.removeDecided(java.util.Set.of(laptop.id(), urgent.id()));
        assertThat(vm.rows()).extracting(ApprovalRow::id).containsExactlyInAnyOrder(overdue.id(), urgent.id());
        assertThat(vm.countTextProperty().get()).isEqualTo("2 pending \u00b7 2 shown");
    }

    @Test
    void aFieldPrefixLimitsTheSearchToThatField() {
        ApprovalsViewModel vm = vm(null);
        vm.refresh();
        vm.searchProperty().set("approver:lee priority:urgent");
        assertThat(vm.sorted()).extracting(ApprovalRow::id).containsExactly(urgent.id());
        vm.searchProperty().set("approver:lee");
        assertThat(vm.sorted()).extracting(ApprovalRow::id).containsExactlyInAnyOrder(urgent.id(), overdue.id());
        vm.searchProperty().set("lee");
        assertThat(vm.sorted()).hasSize(2);
    }
}
