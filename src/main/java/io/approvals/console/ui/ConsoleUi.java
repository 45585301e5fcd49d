package io.approvals.console.ui;

import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.CaretBlinkTimeout;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.DialogWarmUp;
import io.approvals.console.ui.common.FxmlView;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.common.UiTicker;
import io.approvals.console.ui.dialogs.MessageController;
import io.approvals.console.ui.main.ApprovalRow;
import io.approvals.console.ui.main.ApprovalsViewModel;
import io.approvals.console.ui.main.KeyWatch;
import io.approvals.console.ui.main.ListCache;
import io.approvals.console.ui.main.MainActions;
import io.approvals.console.ui.main.MainView;
import io.approvals.console.ui.session.ConsoleEnvironment;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.EarlyStart;
import io.approvals.console.ui.session.UiSettings;
import io.approvals.console.ui.session.WindowState;
import io.approvals.console.ui.welcome.WelcomeView;
import io.approvals.console.ui.welcome.WelcomeViewModel;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop app's screens on one stage: the welcome screen when no connection is configured, otherwise the main
 * window. The start-up race is {@link StartupFlow}'s; the dialogs the main window asks for are {@link MainDialogs}'.
 */
public final class ConsoleUi implements MainActions {
    public static final String TITLE = "Approvals Console";

    private final Stage stage;
    private final ConsoleEnvironment env;
    private final Background background;
    private final Clock clock;
    private final String version;
    private final KeychainNotice keychainNotice = new KeychainNotice();
    private UiSettings settings;
    private MainView main;
    private ConsoleSession session;
    private KeyWatch watch;
    /** The periodic look at the keychain (see {@link KeyWatch}). */
    private final UiTicker keyLooks = new UiTicker(KeyWatch.PERIOD, () -> {
        if (watch != null) {
            watch.periodic();
        }
    });

    private final MainDialogs hub;
    private final StartupFlow startup;

    public ConsoleUi(Stage stage, ConsoleEnvironment env, Background background, Clock clock, String version) {
        this.stage = stage;
        this.env = env;
        this.background = background;
        this.clock = clock;
        this.version = version;
        this.settings = UiSettings.defaults();
        this.startup = new StartupFlow(this, stage, env, background);
        this.hub = new MainDialogs(this, stage, env, background, clock, version);
        // back from a terminal where the key was rotated: look whether the keychain holds another key
        stage.focusedProperty().addListener((o, was, is) -> {
            if (is && watch != null) {
                watch.windowFocused();
            }
        });
    }

    /** Set by `approvals-console --sandbox`: with no connection configured, go straight to the sandbox. */
    public static final String OPEN_SANDBOX_PROPERTY = "approvals.openSandbox";

    /** Reads settings and the current connection off the UI thread, then shows the right screen. */
    public void start() {
        startup.start();
    }

    /** Shows the right screen for what the app found before the window opened (see {@link StartupFlow}). */
    public void start(CompletableFuture<EarlyStart> early) {
        startup.start(early);
    }

    void useSettings(UiSettings s) {
        settings = s;
        Messages.useLanguage(s.language());
        keychainNotice.localize();
        Themes.apply(settings.theme());
        style();
    }

    void addIcons() {
        StageMoments.addIcons(stage);
    }

    static Throwable causeOf(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    static String couldNotOpen(String connection, Throwable e) {
        return Messages.format(
                "main.couldNotOpen", connection, io.approvals.console.ui.common.FailureLine.of(causeOf(e)));
    }

    UiSettings uiSettings() {
        return settings;
    }

    /** The open connection's session; null before the first one opened. */
    ConsoleSession session() {
        return session;
    }

    public MainView mainView() {
        return main;
    }

    /** What keeps the main window on its key in the keychain (tests ask it to look at once); empty without one. */
    public java.util.Optional<KeyWatch> keyWatch() {
        return java.util.Optional.ofNullable(watch);
    }

    public Stage stage() {
        return stage;
    }

    void open(String connection) {
        setRoot(busy(Messages.format("main.openingConnection", connection)));
        background.run(() -> env.open(connection), this::showMain, e -> showWelcome(couldNotOpen(connection, e)));
    }

    WelcomeViewModel showWelcome(String error) {
        stopMain();
        WelcomeViewModel vm = new WelcomeViewModel(env, background);
        WelcomeView view = new WelcomeView(vm, this::showMain, session == null ? null : () -> showMain(session));
        if (error != null) {
            Platform.runLater(() -> dialogs().show(FxmlView.MESSAGE, new MessageController(null, null, error)));
        }
        stage.setTitle(Messages.format("main.title.welcome", TITLE));
        setRoot(view);
        view.focusDefault();
        return vm;
    }

    /** Opens the main window for a session (also after a switch or a replaced key). */
    public void showMain(ConsoleSession newSession) {
        stopMain();
        session = newSession;
        ApprovalsViewModel vm = new ApprovalsViewModel(newSession, background, clock, new ListCache(env.cacheDir()));
        vm.refreshSecondsProperty().set(settings.refreshSeconds());
        vm.notificationsOnProperty().set(settings.notifications());
        vm.setNotifier(env.notifier());
        main = new MainView(vm, this);
        stage.setTitle(Messages.format("main.title", TITLE, newSession.connectionName()));
        setRoot(main);
        main.start();
        watch = new KeyWatch(env, background, clock, vm, this, switched -> session = switched);
        keyLooks.restart();
        KeyWatch watching = watch;
        afterNextFrame(() -> watching.look(KeyWatch.Cause.ELSEWHERE)); // shows what needs attention from the start
        MainView shown = main;
        if (newSession.notice() != null) {
            MessageController notice = new MessageController(
                    null, Messages.format("main.keyNotice.heading", newSession.connectionName()), newSession.notice());
            whenShowing(() -> dialogs().show(FxmlView.MESSAGE, notice));
        }
        shown.focusTableUntilInput();
        DialogWarmUp.afterFirstRows(shown.table(), stage, settings.theme(), hub::prepareDecisionAndCreate);
        if (!newSession.keyChecked()) {
            afterNextFrame(() -> recheckKey(newSession));
        }
    }

    /** A session opened with the key facts last verified: the server is asked now, and a change reopens the window. */
    private void recheckKey(ConsoleSession opened) {
        background.run(
                () -> env.recheckKey(opened),
                checked -> checked.ifPresent(s -> {
                    if (session == opened) {
                        showMain(s);
                    }
                }),
                e -> {});
    }

    private void whenShowing(Runnable action) {
        StageMoments.whenShowing(stage, action);
    }

    void afterNextFrame(Runnable action) {
        StageMoments.afterNextFrame(stage, action);
    }

    private void stopMain() {
        if (watch != null) {
            watch.stop();
            watch = null;
            keyLooks.stop();
        }
        if (main != null) {
            main.stop();
            main = null;
        }
    }

    void setRoot(Parent root) {
        keychainNotice.localize(); // in the language of the screen it is over
        StackPane layered = new StackPane(root, keychainNotice);
        stage.getScene().setRoot(layered);
        CaretBlinkTimeout.install(stage.getScene());
        style();
    }

    /**
     * Shown while a keychain call waits (typically for the user to unlock the keyring in the OS
     * prompt), so a slow keychain never looks like a frozen app. Call on the UI thread.
     */
    public void setKeychainWaiting(boolean waiting) {
        keychainNotice.setVisible(waiting);
    }

    void style() {
        Themes.style(stage.getScene(), settings.theme());
    }

    static Parent busy(String text) {
        ProgressIndicator p = new ProgressIndicator();
        p.setPrefSize(36, 36);
        VBox box = new VBox(14, p, new Label(text));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    // ---- MainActions ----

    @Override
    public void newApproval() {
        hub.newApproval();
    }

    @Override
    public void decide(List<ApprovalRow> rows, ApprovalStatus decision) {
        hub.decide(rows, decision);
    }

    @Override
    public void replaceKey() {
        hub.replaceKey();
    }

    @Override
    public void keyPanel() {
        hub.keyPanel();
    }

    @Override
    public void keyAdmin() {
        hub.keyAdmin();
    }

    /** The one way this window shows dialogs (owner, modality, size, keys). */
    public DialogService dialogs() {
        return hub.dialogs();
    }

    @Override
    public void settings() {
        hub.settings();
    }

    @Override
    public void failureDetails(String details) {
        hub.failureDetails(details);
    }

    @Override
    public void about() {
        hub.about();
    }

    @Override
    public List<String> connections() {
        return env.connectionNames();
    }

    @Override
    public void switchTo(String connection) {
        if (session != null && connection.equals(session.connectionName())) {
            return;
        }
        open(connection);
    }

    @Override
    public void addConnection() {
        showWelcome(null);
    }

    @Override
    public void quit() {
        clearCopiedKey();
        stage.close();
        Platform.exit();
    }

    private void clearCopiedKey() {
        hub.clearCopiedKey();
    }

    /** Stops the once-a-second clock (the window is closing). */
    public void stop() {
        clearCopiedKey();
        stopMain();
    }

    /** Where the main window is now (kept at exit for the next start); null before it was shown. */
    public WindowState windowState() {
        return startup.windowState();
    }
}
