package io.approvals.console.ui;

import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.StartupSteps;
import io.approvals.console.ui.session.ConsoleEnvironment;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.EarlyStart;
import io.approvals.console.ui.session.WindowState;
import io.approvals.console.ui.welcome.WelcomeViewModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The race at start-up: the first screen shown, from what the app found before the window opened. */
final class StartupFlow {
    private final ConsoleUi ui;
    private final Stage stage;
    private final ConsoleEnvironment env;
    private final Background background;
    private final WindowPlacement placement = new WindowPlacement();

    StartupFlow(ConsoleUi ui, Stage stage, ConsoleEnvironment env, Background background) {
        this.ui = ui;
        this.stage = stage;
        this.env = env;
        this.background = background;
    }

    /** Reads settings and the current connection off the UI thread, then shows the right screen. */
    void start() {
        CompletableFuture<EarlyStart> early = new CompletableFuture<>();
        background.run(
                () -> new EarlyStart(
                        env.settings(),
                        env.currentConnection(),
                        null,
                        CompletableFuture.completedFuture(null),
                        env.windowState()),
                early::complete,
                early::completeExceptionally);
        start(early);
    }

    /** How long the window may wait for the current connection to open before it shows "Opening…". */
    static final Duration WINDOW_WAIT = Duration.ofMillis(600);

    /**
     * Shows the right screen for what the app found before the window opened: the main window, with its data when
     * it came along, when the current connection's opening settles within {@link #WINDOW_WAIT} (else: the main
     * window as soon as the connection is open, "Opening…" until then), or the welcome screen. Waiting that moment before the first frame spares drawing a screen that would be
     * replaced at once, which on a busy machine delays the main window by more than the wait.
     */
    void start(CompletableFuture<EarlyStart> early) {
        stage.setTitle(ConsoleUi.TITLE);
        // until it is placed (WindowPlacement): the size it has the first time, never larger than the screen
        Rectangle2D size = WindowPlacement.fit(null, List.of(Screen.getPrimary().getVisualBounds()));
        stage.setScene(new Scene(new StackPane(), size.getWidth(), size.getHeight()));
        CompletableFuture<Object> settled = early.handle((s, e) -> s == null
                        ? CompletableFuture.<Object>completedFuture(null)
                        : s.settled().handle((x, failed) -> (Object) null))
                .thenCompose(f -> f);
        CompletableFuture<Object> moment = new CompletableFuture<>();
        moment.completeOnTimeout(null, WINDOW_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        early.thenAccept(ready -> {
            if (ready.opening() != null) {
                ready.opening().thenAccept(opened -> Platform.runLater(() -> prepareMain(ready, opened)));
            }
        });
        CompletableFuture.anyOf(settled, moment).whenComplete((x, e) -> Platform.runLater(() -> show(early)));
    }

    /**
     * Builds the main window, not yet shown, as soon as the connection is open: the UI thread would otherwise wait
     * for the first page doing nothing, then build the whole window after it. Rows are added when the page comes.
     */
    private void prepareMain(EarlyStart ready, ConsoleSession opened) {
        if (stage.isShowing() || ui.session() != null) {
            return;
        }
        StartupSteps.reached("main window: building");
        placement.place(stage, ready.window());
        ui.useSettings(ready.settings());
        ui.showMain(opened);
        StartupSteps.reached("main window: built");
    }

    private void show(CompletableFuture<EarlyStart> early) {
        EarlyStart ready = early.isDone() && !early.isCompletedExceptionally() ? early.join() : null;
        boolean opened = ready != null
                && ready.opening() != null
                && ready.opening().isDone()
                && !ready.opening().isCompletedExceptionally();
        if (opened) {
            ConsoleSession openedSession = ready.opening().join();
            if (ui.session() != openedSession) { // else built already while its first page came (prepareMain)
                ui.useSettings(ready.settings());
                ui.showMain(openedSession);
            }
        } else {
            ui.setRoot(ConsoleUi.busy(Messages.get("main.opening")));
        }
        ui.style();
        placement.place(stage, ready == null ? null : ready.window());
        StartupSteps.reached("window: showing");
        stage.show();
        StartupSteps.reached("window: shown (styled and laid out)");
        ui.afterNextFrame(ui::addIcons);
        if (!opened) {
            early.whenComplete((s, e) -> Platform.runLater(() -> begin(s, e)));
        }
    }

    /** Where the main window is now, to be kept for the next start; null before it was shown. */
    WindowState windowState() {
        return placement.state();
    }

    private void begin(EarlyStart early, Throwable error) {
        if (error != null) {
            ui.showWelcome(Messages.format(
                    "main.connectionsUnreadable",
                    io.approvals.console.ui.common.FailureLine.of(ConsoleUi.causeOf(error))));
            return;
        }
        ui.useSettings(early.settings());
        if (early.current().isEmpty()) {
            WelcomeViewModel welcome = ui.showWelcome(null);
            if (Boolean.getBoolean(ConsoleUi.OPEN_SANDBOX_PROPERTY)) {
                welcome.startSandbox(ui::showMain);
            }
        } else if (early.opening() == null) {
            ui.open(early.current().get());
        } else {
            String connection = early.current().get();
            ui.setRoot(ConsoleUi.busy(Messages.format("main.openingConnection", connection)));
            early.opening()
                    .whenComplete((opened, e) -> Platform.runLater(() -> {
                        if (e == null) {
                            ui.showMain(opened);
                        } else {
                            ui.showWelcome(ConsoleUi.couldNotOpen(connection, ConsoleUi.causeOf(e)));
                        }
                    }));
        }
    }
}
