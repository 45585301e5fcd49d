package io.approvals.console.ui;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.StartupSteps;
import io.approvals.console.ui.common.DialogWarmUp;
import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.FxmlView;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.dialogs.BulkDecisionController;
import io.approvals.console.ui.dialogs.BulkDecisionViewModel;
import io.approvals.console.ui.dialogs.CreateApprovalController;
import io.approvals.console.ui.dialogs.CreateApprovalViewModel;
import io.approvals.console.ui.dialogs.DecisionController;
import io.approvals.console.ui.dialogs.DecisionViewModel;
import io.approvals.console.ui.dialogs.ReplaceKeyController;
import io.approvals.console.ui.dialogs.SettingsController;
import io.approvals.console.ui.keys.KeyUi;
import io.approvals.console.ui.main.ApprovalRow;
import io.approvals.console.ui.main.ApprovalsViewModel;
import io.approvals.console.ui.main.KeyWatch;
import io.approvals.console.ui.main.ListCache;
import io.approvals.console.ui.main.MainActions;
import io.approvals.console.ui.main.MainView;
import io.approvals.console.ui.session.ConnectionDraft;
import io.approvals.console.ui.session.ConsoleEnvironment;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.EarlyStart;
import io.approvals.console.ui.session.UiSettings;
import io.approvals.console.ui.welcome.WelcomeView;
import io.approvals.console.ui.welcome.WelcomeViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop app's screens on one stage: the welcome screen when no connection is configured,
 * otherwise the main window; and the dialogs the main window asks for.
 */
public final class ConsoleUi implements MainActions {
    public static final String TITLE = "Approvals Console";

    private final Stage stage;
    private final ConsoleEnvironment env;
    private final Background background;
    private final Clock clock;
    private final String version;
    private final Label keychainNotice = new Label();
    private UiSettings settings;
    private MainView main;
    private ConsoleSession session;
    private KeyUi keys;
    private KeyWatch watch;
    /** The periodic look at the keychain (see {@link KeyWatch}). */
    private final Timeline keyLooks = new Timeline(new KeyFrame(javafx.util.Duration.seconds(
            KeyWatch.PERIOD.toSeconds()), e -> {
        if (watch != null) {
            watch.periodic();
        }
    }));
    private DialogService dialogs;

    public ConsoleUi(Stage stage, ConsoleEnvironment env, Background background, Clock clock, String version) {
        this.stage = stage;
        this.env = env;
        this.background = background;
        this.clock = clock;
        this.version = version;
        this.settings = UiSettings.defaults();
        keychainNotice.setText(Messages.get("main.keychainWaiting"));
        keychainNotice.setId("keychainWaiting");
        keychainNotice.getStyleClass().add("keychain-waiting");
        keychainNotice.setMouseTransparent(true);
        keychainNotice.setVisible(false);
        StackPane.setMargin(keychainNotice, new javafx.geometry.Insets(0, 0, 48, 0));
        keyLooks.setCycleCount(Animation.INDEFINITE);
        // back from a terminal where the key was rotated: look whether the keychain holds another key
        stage.focusedProperty().addListener((o, was, is) -> {
            if (is && watch != null) {
                watch.windowFocused();
            }
        });
    }

    /** Set by `approvals-console --sandbox`: with no connection configured, go straight to the sandbox. */
    public static final String OPEN_SANDBOX_PROPERTY = "approvals.openSandbox";

    /** How long the window may wait for the current connection to open before it shows "Opening…". */
    static final Duration WINDOW_WAIT = Duration.ofMillis(600);

    /** Reads settings and the current connection off the UI thread, then shows the right screen. */
    public void start() {
        CompletableFuture<EarlyStart> early = new CompletableFuture<>();
        background.run(() -> new EarlyStart(env.settings(), env.currentConnection(), null), early::complete,
                early::completeExceptionally);
        start(early);
    }

    /**
     * Shows the right screen for what the app found before the window opened: the main window, with its data when
     * it came along, when the current connection's opening settles within {@link #WINDOW_WAIT} (else: the main
     * window as soon as the connection is open, "Opening…" until then), or the welcome screen. Waiting that moment before the first frame spares drawing a screen that would be
     * replaced at once, which on a busy machine delays the main window by more than the wait.
     */
    public void start(CompletableFuture<EarlyStart> early) {
        stage.setTitle(TITLE);
        stage.setScene(new Scene(new StackPane(), 1280, 800));
        CompletableFuture<Object> settled = early.handle((s, e) -> s == null
                ? CompletableFuture.<Object>completedFuture(null)
                : s.settled().handle((x, failed) -> (Object) null)).thenCompose(f -> f);
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
        if (stage.isShowing() || session != null) {
            return;
        }
        StartupSteps.reached("main window: building");
        useSettings(ready.settings());
        showMain(opened);
        StartupSteps.reached("main window: built");
    }

    private void show(CompletableFuture<EarlyStart> early) {
        EarlyStart ready = early.isDone() && !early.isCompletedExceptionally() ? early.join() : null;
        boolean opened = ready != null && ready.opening() != null && ready.opening().isDone()
                && !ready.opening().isCompletedExceptionally();
        if (opened) {
            ConsoleSession openedSession = ready.opening().join();
            if (session != openedSession) { // else built already while its first page came (prepareMain)
                useSettings(ready.settings());
                showMain(openedSession);
            }
        } else {
            setRoot(busy(Messages.get("main.opening")));
        }
        style();
        StartupSteps.reached("window: showing");
        stage.show();
        StartupSteps.reached("window: shown (styled and laid out)");
        afterNextFrame(this::addIcons);
        if (!opened) {
            early.whenComplete((s, e) -> Platform.runLater(() -> begin(s, e)));
        }
    }

    private void begin(EarlyStart early, Throwable error) {
        if (error != null) {
            showWelcome(Messages.format("main.connectionsUnreadable", causeOf(error).getMessage()));
            return;
        }
        useSettings(early.settings());
        if (early.current().isEmpty()) {
            WelcomeViewModel welcome = showWelcome(null);
            if (Boolean.getBoolean(OPEN_SANDBOX_PROPERTY)) {
                welcome.startSandbox(this::showMain);
            }
        } else if (early.opening() == null) {
            open(early.current().get());
        } else {
            String connection = early.current().get();
            setRoot(busy(Messages.format("main.openingConnection", connection)));
            early.opening().whenComplete((opened, e) -> Platform.runLater(() -> {
                if (e == null) {
                    showMain(opened);
                } else {
                    showWelcome(couldNotOpen(connection, causeOf(e)));
                }
            }));
        }
    }

    private void useSettings(UiSettings s) {
        settings = s;
        Messages.useLanguage(s.language());
        keychainNotice.setText(Messages.get("main.keychainWaiting"));
        Themes.apply(settings.theme());
        style();
    }

    private void addIcons() {
        for (int size : new int[] {16, 32, 64, 256}) {
            var icon = ConsoleUi.class.getResource("/io/approvals/console/ui/icons/icon-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
    }

    private static Throwable causeOf(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static String couldNotOpen(String connection, Throwable e) {
        return Messages.format("main.couldNotOpen", connection, e.getMessage());
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

    private void open(String connection) {
        setRoot(busy(Messages.format("main.openingConnection", connection)));
        background.run(() -> env.open(connection), this::showMain, e -> showWelcome(couldNotOpen(connection, e)));
    }

    private WelcomeViewModel showWelcome(String error) {
        stopMain();
        WelcomeViewModel vm = new WelcomeViewModel(env, background);
        WelcomeView view = new WelcomeView(vm, this::showMain, session == null ? null : () -> showMain(session));
        if (error != null) {
            Alert a = new Alert(Alert.AlertType.WARNING, error, ButtonType.OK);
            a.initOwner(stage);
            a.setHeaderText(null);
            Platform.runLater(a::show);
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
        keyLooks.playFromStart();
        KeyWatch watching = watch;
        afterNextFrame(() -> watching.look(KeyWatch.Cause.ELSEWHERE)); // shows what needs attention from the start
        MainView shown = main;
        if (newSession.notice() != null) {
            Alert a = new Alert(Alert.AlertType.INFORMATION, newSession.notice(), ButtonType.OK);
            a.initOwner(stage);
            a.setHeaderText(Messages.format("main.keyNotice.heading", newSession.connectionName()));
            whenShowing(a::show);
        }
        // After layout (and, for a window built before it shows, after it shows), or the first focusable control
        // (the search field) takes it.
        whenShowing(() -> shown.table().requestFocus());
        DialogWarmUp.afterFirstRows(shown.table(), stage, settings.theme());
        if (!newSession.keyChecked()) {
            afterNextFrame(() -> recheckKey(newSession));
        }
    }

    /** A session opened with the key facts last verified: the server is asked now, and a change reopens the window. */
    private void recheckKey(ConsoleSession opened) {
        background.run(() -> env.recheckKey(opened), checked -> checked.ifPresent(s -> {
            if (session == opened) {
                showMain(s);
            }
        }), e -> { });
    }

    /** Runs an action soon after the window shows (at once when it shows already): a dialog needs its owner shown. */
    private void whenShowing(Runnable action) {
        if (stage.isShowing()) {
            Platform.runLater(action);
            return;
        }
        stage.showingProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (is) {
                    stage.showingProperty().removeListener(this);
                    Platform.runLater(action);
                }
            }
        });
    }

    private void afterNextFrame(Runnable action) {
        Scene scene = stage.getScene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
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

    private void setRoot(Parent root) {
        keychainNotice.setText(Messages.get("main.keychainWaiting")); // in the language of the screen it is over
        StackPane layered = new StackPane(root, keychainNotice);
        StackPane.setAlignment(keychainNotice, Pos.BOTTOM_CENTER);
        stage.getScene().setRoot(layered);
        style();
    }

    /**
     * Shown while a keychain call waits (typically for the user to unlock the keyring in the OS
     * prompt), so a slow keychain never looks like a frozen app. Call on the UI thread.
     */
    public void setKeychainWaiting(boolean waiting) {
        keychainNotice.setVisible(waiting);
    }

    private void style() {
        Themes.style(stage.getScene(), settings.theme());
    }

    private static Parent busy(String text) {
        ProgressIndicator p = new ProgressIndicator();
        p.setPrefSize(36, 36);
        VBox box = new VBox(14, p, new Label(text));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    // ---- MainActions ----

    @Override
    public void newApproval() {
        if (main == null) {
            return;
        }
        ApprovalsViewModel vm = main.viewModel();
        CreateApprovalViewModel dvm = new CreateApprovalViewModel(session.api(), background,
                clock.withZone(ZoneId.systemDefault()));
        if (session.key() != null && session.key().owner() != null) {
            dvm.requesterProperty().set(session.key().owner());
        }
        dvm.suggestFrom(vm.rows().stream().map(ApprovalRow::approval).toList());
        dialogs().show(FxmlView.CREATE_APPROVAL, new CreateApprovalController(dvm, created -> {
            vm.added(created);
            main.select(created.id());
        }, this::trouble));
    }

    @Override
    public void decide(List<ApprovalRow> rows, ApprovalStatus decision) {
        if (main == null || rows.isEmpty()) {
            return;
        }
        ApprovalsViewModel vm = main.viewModel();
        List<Approval> pending = vm.pendingOf(rows);
        if (pending.isEmpty()) {
            return;
        }
        if (pending.size() == 1) {
            DecisionViewModel dvm = new DecisionViewModel(session.api(), background, pending.get(0), decision);
            dialogs().show(FxmlView.DECISION, new DecisionController(dvm, clock, vm::replace, this::trouble));
        } else {
            BulkDecisionViewModel bvm = new BulkDecisionViewModel(session.api(), background, pending, decision);
            MainView shown = main;
            dialogs().show(FxmlView.BULK_DECISION, new BulkDecisionController(bvm, vm::replace, this::trouble,
                    shown::selectAll));
        }
    }

    /** A dialog hit 401/403/offline: the main window shows the same banner a refresh would. */
    private void trouble(Throwable e) {
        if (main != null && (e instanceof io.approvals.console.client.ApiException.Unauthorized
                || e instanceof io.approvals.console.client.ApiException.Network)) {
            main.viewModel().reportFailure(e);
        }
    }

    @Override
    public void replaceKey() {
        if (session == null) {
            return;
        }
        dialogs().show(FxmlView.REPLACE_KEY, new ReplaceKeyController(env, background, session.connectionName(),
                replaced -> {
                    if (watch != null) {
                        watch.look(KeyWatch.Cause.KEY_WINDOW); // the same window takes the new key: filters, drafts stay
                    } else {
                        showMain(replaced);
                    }
                }));
    }

    @Override
    public void keyPanel() {
        if (session != null) {
            String name = session.connectionName();
            keys().showKeyPanel(stage, env.keyService(name), name, this::keyChanged, this::keyVerified);
        }
    }

    @Override
    public void keyAdmin() {
        if (session != null) {
            String name = session.connectionName();
            keys().showAdmin(stage, env.keyService(name), name);
        }
    }

    /** A replaced or rotated key: the main window takes it, keeping its list, filters and selection. */
    private void keyChanged(String connection) {
        if (session != null && connection.equals(session.connectionName())) {
            if (watch != null) {
                watch.look(KeyWatch.Cause.KEY_WINDOW);
            } else {
                open(connection);
            }
        }
    }

    /** The key window's Verify now: the main window takes the key the keychain holds, and its banner follows. */
    private void keyVerified(String connection) {
        if (watch != null && session != null && connection.equals(session.connectionName())) {
            watch.verifiedElsewhere();
        }
    }

    private KeyUi keys() {
        if (keys == null) {
            keys = new KeyUi(background, clock).theme(() -> settings.theme()).dialogs(dialogs());
        }
        return keys;
    }

    /** The one way this window shows dialogs (owner, modality, size, keys). */
    public DialogService dialogs() {
        if (dialogs == null) {
            dialogs = new DialogService(stage, () -> settings.theme());
        }
        return dialogs;
    }

    @Override
    public void settings() {
        if (session == null) {
            openSettings(null, false);
            return;
        }
        ConsoleSession current = session;
        background.run(() -> env.connection(current.connectionName()),
                draft -> openSettings(draft, !current.isSandbox()), e -> openSettings(null, false));
    }

    private void openSettings(ConnectionDraft connection, boolean editable) {
        dialogs().show(FxmlView.SETTINGS, new SettingsController(settings, connection, editable, (s, changed) -> {
            settings = s;
            Messages.useLanguage(s.language());
            Themes.apply(s.theme());
            style();
            if (main != null) {
                main.viewModel().refreshSecondsProperty().set(s.refreshSeconds());
                main.viewModel().notificationsOnProperty().set(s.notifications());
            }
            background.run(() -> {
                env.saveSettings(s);
                return null;
            }, x -> { }, e -> { });
            if (changed != null) {
                setRoot(busy(Messages.format("main.openingWithNewSettings", changed.name())));
                background.run(() -> env.updateConnection(changed), this::showMain, e -> {
                    showError(Messages.format("main.connectionNotChanged", e.getMessage()));
                    if (session != null) {
                        showMain(session);
                    }
                });
            }
        }));
    }

    private void showError(String text) {
        Alert a = new Alert(Alert.AlertType.WARNING, text, ButtonType.OK);
        a.initOwner(stage);
        a.setHeaderText(null);
        a.show();
    }

    @Override
    public void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle(Messages.get("main.about.title"));
        a.setHeaderText(TITLE + " " + version);
        a.setContentText(Messages.get("main.about.text"));
        a.show();
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

    /** A key copied from a key window leaves the clipboard when the app quits (if it is still there). */
    private void clearCopiedKey() {
        if (keys != null) {
            keys.onQuit();
        }
    }

    /** Stops the once-a-second clock (the window is closing). */
    public void stop() {
        clearCopiedKey();
        stopMain();
    }
}
