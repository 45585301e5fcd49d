package io.approvals.console.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.app.DesktopEnvironment;
import io.approvals.console.client.PendingFetch;
import io.approvals.console.client.PendingSnapshot;
import io.approvals.console.config.AppPaths;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.service.ServiceException;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.CountingApi;
import io.approvals.console.ui.UiSandbox;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.main.ApprovalRow;
import io.approvals.console.ui.session.ConsoleEnvironment;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.EarlyStart;
import io.approvals.console.ui.session.KeyInfo;
import io.approvals.console.ui.session.PrefetchedSession;
import io.approvals.console.ui.session.UiSettings;
import io.approvals.console.ui.session.WindowState;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's start from what the app prepared while the toolkit started (the desktop app's start-up path): the
 * main window with its rows when the connection opened in time, "Opening…" while it is slow, the welcome screen
 * with the reason when it failed, and a window reopened when the key's second check finds new facts. Real sandbox.
 */
@ExtendWith(ApplicationExtension.class)
class EarlyStartUiTest {
    @TempDir
    static Path home;

    UiSandbox server;
    DesktopEnvironment desktop;
    FxBackground background;
    Stage stage;
    ConsoleUi ui;
    CountingApi api;
    ConsoleSession session;
    volatile Optional<ConsoleSession> recheckAnswer = Optional.empty();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void world() throws Exception {
        server = new UiSandbox(home.resolve("sandbox-" + System.nanoTime()), 3);
        api = new CountingApi(UiSandbox.guarded(server.admin()));
        ConsoleSession admin = server.adminSession();
        session = new UiSandbox.TestSession("prod", admin.baseUrl(), api, admin.key(), "test store", false);
        desktop = new DesktopEnvironment(
                AppPaths.under(home),
                new SessionOnlyStore(),
                (c, k) -> UiSandbox.guarded(new HttpClientFactory().create(c, k)));
        background = new FxBackground();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (ui != null) {
            WaitForAsyncUtils.asyncFx(ui::stop).get();
        }
        desktop.close();
        background.close();
        server.close();
    }

    /** The app's environment, but with a key check that answers what the test says. */
    private ConsoleEnvironment env() {
        return (ConsoleEnvironment) Proxy.newProxyInstance(
                ConsoleEnvironment.class.getClassLoader(),
                new Class<?>[] {ConsoleEnvironment.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("recheckKey")) {
                        return recheckAnswer;
                    }
                    try {
                        return method.invoke(desktop, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void startWith(CompletableFuture<ConsoleSession> opening) throws Exception {
        startWith(new EarlyStart(UiSettings.defaults(), Optional.of("prod"), opening));
    }

    private void startWith(EarlyStart early) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    ui = new ConsoleUi(stage, env(), background, Clock.systemUTC(), "test");
                    ui.start(CompletableFuture.completedFuture(early));
                })
                .get();
    }

    private static int rows(FxRobot robot) {
        return robot.lookup("#approvalsTable").tryQuery().isPresent()
                ? robot.lookup("#approvalsTable")
                        .<TableView<ApprovalRow>>query()
                        .getItems()
                        .size()
                : -1;
    }

    @Test
    void aConnectionOpenedInTimeShowsTheMainWindowWithTheRowsThatCameAlong(FxRobot robot) throws Exception {
        PendingSnapshot first = server.admin().fetchAllNotComplete(null, null);

        startWith(CompletableFuture.completedFuture(new PrefetchedSession(session, PendingFetch.completed(first))));

        Waits.until(() -> rows(robot) == 3);
        assertThat(stage.getTitle()).isEqualTo("Approvals Console \u2014 prod");
        Waits.until(() -> stage.getScene().getFocusOwner()
                == robot.lookup("#approvalsTable").query());
        assertThat(api.listFetches)
                .as("the rows that came along, no request of the window's own")
                .hasValue(0);
        assertThat(UiSandbox.FX_THREAD_CALLS).isEmpty();
    }

    @Test
    void theWindowOpensWhereItWasLastTimeAndWhereItIsAtExitIsKeptForTheNext(FxRobot robot) throws Exception {
        PendingSnapshot first = server.admin().fetchAllNotComplete(null, null);
        startWith(new EarlyStart(
                UiSettings.defaults(),
                Optional.of("prod"),
                CompletableFuture.completedFuture(new PrefetchedSession(session, PendingFetch.completed(first))),
                CompletableFuture.completedFuture(null),
                new WindowState(100, 80, 1000, 700, false)));
        Waits.until(() -> rows(robot) == 3);
        assertThat(new double[] {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()})
                .containsExactly(100, 80, 1000, 700);

        WaitForAsyncUtils.asyncFx(() -> {
                    stage.setX(40);
                    stage.setWidth(1100);
                    stage.setHeight(720);
                })
                .get();
        WindowState now = WaitForAsyncUtils.asyncFx(ui::windowState).get();
        assertThat(now).isEqualTo(new WindowState(40, 80, 1100, 720, false));
        desktop.saveWindowState(now);
        assertThat(desktop.windowState()).as("read back at the next start").isEqualTo(now);

        WaitForAsyncUtils.asyncFx(() -> stage.setMaximized(true)).get();
        assertThat(WaitForAsyncUtils.asyncFx(ui::windowState).get())
                .as("maximized: the size to go back to is kept with it")
                .satisfies(s -> assertThat(s.maximized()).isTrue())
                .satisfies(s -> assertThat(s.width()).isEqualTo(1100));
        WaitForAsyncUtils.asyncFx(() -> stage.setMaximized(false)).get();
    }

    @Test
    void theMainWindowIsBuiltWhileTheFirstPageIsInFlightAndShowsItsRowsWhenItComes(FxRobot robot) throws Exception {
        PendingFetch page = new PendingFetch();
        CompletableFuture<Void> settled = new CompletableFuture<>();
        startWith(new EarlyStart(
                UiSettings.defaults(),
                Optional.of("prod"),
                CompletableFuture.completedFuture(new PrefetchedSession(session, page)),
                settled));

        // Queued behind the building, long before the window may show (settled, or the wait of 600 ms).
        boolean[] builtUnshown = WaitForAsyncUtils.asyncFx(
                        () -> new boolean[] {ui.mainView() != null, !stage.isShowing()})
                .get();
        assertThat(builtUnshown).containsExactly(true, true);

        page.complete(server.admin().fetchAllNotComplete(null, null));
        settled.complete(null);
        Waits.until(() -> rows(robot) == 3);
        assertThat(stage.isShowing()).isTrue();
        Waits.until(() -> stage.getScene().getFocusOwner()
                == robot.lookup("#approvalsTable").query());
        assertThat(api.listFetches)
                .as("the page in flight, no request of the window's own")
                .hasValue(0);
        assertThat(UiSandbox.FX_THREAD_CALLS).isEmpty();
    }

    @Test
    void aSlowConnectionShowsOpeningUntilItOpens(FxRobot robot) throws Exception {
        CompletableFuture<ConsoleSession> opening = new CompletableFuture<>();

        startWith(opening);

        Waits.until(() -> robot.lookup(
                        (Node n) -> n instanceof Label l && l.getText().equals("Opening \u2018prod\u2019\u2026"))
                .tryQuery()
                .isPresent());
        opening.complete(session);
        Waits.until(() -> rows(robot) == 3);
        assertThat(api.listFetches).hasValue(1);
    }

    @Test
    void aConnectionThatCannotOpenLeadsToTheWelcomeScreenWithTheReason(FxRobot robot) throws Exception {
        startWith(CompletableFuture.failedFuture(new ServiceException(
                ServiceException.Kind.NO_KEY,
                "No key is stored for \u2018prod\u2019. Use Connection \u203a Replace key\u2026 to set one.")));

        Waits.until(() -> stage.getTitle().endsWith("welcome"));
        Waits.until(() -> robot.lookup((Node n) -> n instanceof Label l
                        && l.getText() != null
                        && l.getText().contains("\u2018prod\u2019 could not be opened: No key is stored"))
                .tryQuery()
                .isPresent());
    }

    @Test
    void aKeyWhoseSecondCheckFindsNewScopesReopensTheWindowWithThem(FxRobot robot) throws Exception {
        KeyInfo known = session.key();
        ConsoleSession withKnownFacts = new PrefetchedSession(
                uncheckedView(), PendingFetch.completed(server.admin().fetchAllNotComplete(null, null)));
        KeyInfo readOnly = new KeyInfo(
                known.masked(), known.fingerprint(), List.of("read"), true, known.owner(), known.expiresAt());
        recheckAnswer =
                Optional.of(new UiSandbox.TestSession("prod", session.baseUrl(), api, readOnly, "test store", false));

        startWith(CompletableFuture.completedFuture(withKnownFacts));

        Waits.until(() -> robot.lookup("#newButton").tryQuery().isPresent()
                && robot.lookup("#newButton").<Button>query().isDisabled()
                && robot.lookup("#statusKey").<Label>query().getText().contains("read"));
        assertThat(robot.lookup("#statusKey").<Label>query().getText()).doesNotContain("write");
        assertThat(rows(robot)).isEqualTo(3);
    }

    /** The test session, marked as opened with the facts last verified (the start-up path). */
    private ConsoleSession uncheckedView() {
        return (ConsoleSession) Proxy.newProxyInstance(
                ConsoleSession.class.getClassLoader(), new Class<?>[] {ConsoleSession.class}, (proxy, method, args) -> {
                    if (method.getName().equals("keyChecked")) {
                        return false;
                    }
                    if (method.isDefault() && method.getName().equals("takeFirstPage")) {
                        return Optional.empty();
                    }
                    try {
                        return method.invoke(session, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
