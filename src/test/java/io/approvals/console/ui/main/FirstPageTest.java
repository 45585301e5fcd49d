package io.approvals.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.PendingFetch;
import io.approvals.console.client.PendingSnapshot;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.Priority;
import io.approvals.console.testing.MovableClock;
import io.approvals.console.ui.CountingApi;
import io.approvals.console.ui.DirectBackground;
import io.approvals.console.ui.UiSandbox;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.PrefetchedSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first list of a window opened at start-up comes with its session (fetched while the window was being made):
 * shown without a request of its own when it is there, waited for (behind the cached list) when it is still coming,
 * and reported like any failed refresh when it failed. Against a real sandbox.
 */
class FirstPageTest {
    @TempDir
    Path dir;

    UiSandbox server;
    MovableClock clock = new MovableClock(Instant.now());
    CountingApi api;
    ConsoleSession plain;
    Approval laptop;

    @BeforeEach
    void start() throws Exception {
        server = new UiSandbox(dir.resolve("sandbox"), 0);
        laptop = server.create("New laptop for Dana", UiSandbox.OWNER, Priority.NORMAL, null);
        api = new CountingApi(server.admin());
        ConsoleSession admin = server.adminSession();
        plain = new UiSandbox.TestSession("test", admin.baseUrl(), api, admin.key(), "test store", false);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApprovalsViewModel vm(ConsoleSession session, ListCache cache) {
        return new ApprovalsViewModel(session, new DirectBackground(), clock, cache);
    }

    @Test
    void aFirstPageThatCameAlongIsShownWithoutAnotherRequest() {
        PendingSnapshot first = server.admin().fetchAllNotComplete(null, null);
        ApprovalsViewModel vm =
                vm(new PrefetchedSession(plain, PendingFetch.completed(first)), new ListCache(dir.resolve("cache")));

        vm.start();

        assertThat(vm.sorted()).extracting(ApprovalRow::id).containsExactly(laptop.id());
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(vm.lastRefreshedProperty().get()).isNotNull();
        assertThat(api.listFetches).hasValue(0);
    }

    @Test
    void aFirstPageStillComingIsWaitedForBehindTheCachedListAndNotFetchedTwice() throws Exception {
        ListCache cache = new ListCache(dir.resolve("cache"));
        Approval old = new Approval(
                "old-1",
                "Yesterday's request",
                null,
                "sam@example.com",
                UiSandbox.OWNER,
                Priority.LOW,
                null,
                null,
                Instant.now(),
                Instant.now(),
                null,
                null,
                null,
                1);
        cache.save("test", Instant.now().minusSeconds(3600), List.of(old));
        PendingFetch coming = new PendingFetch();
        ApprovalsViewModel vm = vm(new PrefetchedSession(plain, coming), cache);
        List<List<String>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        vm.sorted().addListener((javafx.collections.ListChangeListener<ApprovalRow>)
                c -> seen.add(vm.sorted().stream().map(ApprovalRow::id).toList()));
        // the page completes only after the cached list was shown: the window is seen waiting for it
        vm.sorted().addListener((javafx.collections.ListChangeListener<ApprovalRow>) c -> {
            if (!coming.isDone()) {
                coming.complete(this.server.admin().fetchAllNotComplete(null, null));
            }
        });

        vm.start(); // DirectBackground: returns once the page came

        assertThat(seen.get(0)).as("the cached list first").containsExactly("old-1");
        assertThat(vm.sorted()).extracting(ApprovalRow::id).containsExactly(laptop.id());
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(api.listFetches)
                .as("the page in flight is used, not fetched again")
                .hasValue(0);
    }

    @Test
    void aBigListStillComingIsShownWholeInItsOrderFromThePagesItCameIn() throws Exception {
        server.close();
        server = new UiSandbox(dir.resolve("big"), 2500); // 2,500 pending: three pages, past the UI thread's share
        api = new CountingApi(server.admin());
        ConsoleSession admin = server.adminSession();
        plain = new UiSandbox.TestSession("test", admin.baseUrl(), api, admin.key(), "test store", false);
        PendingFetch coming = new PendingFetch();
        // fetched as the start-up fetches it, while the window starts: pages read before and after it follows
        Thread fetching = new Thread(() -> coming.complete(server.admin().fetchAllNotComplete(null, null, coming)));
        fetching.start();
        ApprovalsViewModel vm = vm(new PrefetchedSession(plain, coming), null);

        vm.start(); // DirectBackground: returns once the list came
        fetching.join();

        List<Approval> items = coming.join().items();
        assertThat(vm.rows().size()).isEqualTo(2500);
        for (int i = 0; i < items.size(); i++) {
            assertThat(vm.rows().get(i).approval()).as("row %d", i).isSameAs(items.get(i));
        }
        assertThat(api.listFetches).as("no request of the window's own").hasValue(0);
    }

    @Test
    void aFirstPageThatFailedIsReportedLikeARefreshAndTheNextRefreshAsksTheServer() {
        PendingFetch failed = new PendingFetch();
        failed.completeExceptionally(new ApiException.Network("The server did not answer (connection refused).", null));
        ApprovalsViewModel vm = vm(new PrefetchedSession(plain, failed), null);

        vm.start();

        assertThat(vm.bannerProperty().get()).isNotNull();
        assertThat(vm.bannerProperty().get().kind()).isEqualTo(Banner.Kind.OFFLINE);
        assertThat(api.listFetches).hasValue(0);

        vm.refresh();

        assertThat(api.listFetches).hasValue(1);
        assertThat(vm.sorted()).extracting(ApprovalRow::id).containsExactly(laptop.id());
        assertThat(vm.bannerProperty().get()).isNull();
    }

    @Test
    void theFirstPageIsHandedOutOnceSoALaterWindowFetchesItsOwn() {
        PendingSnapshot first = server.admin().fetchAllNotComplete(null, null);
        PrefetchedSession session = new PrefetchedSession(plain, PendingFetch.completed(first));
        vm(session, null).start();

        vm(session, null).start();

        assertThat(api.listFetches).hasValue(1);
    }
}
