package io.approvals.console.app;

import io.approvals.console.config.AppInfo;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.common.StartupSteps;
import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.session.UiSettings;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: plain constructor wiring of the environment and the UI. */
public final class DesktopApp extends Application {
    /** Begun by {@link DesktopLauncher} before the toolkit starts; begun here when launched another way. */
    private static volatile DesktopStartup startup;

    private DesktopEnvironment env;
    private FxBackground background;
    private volatile ConsoleUi ui;

    static void prepare(DesktopStartup begun) {
        startup = begun;
    }

    @Override
    public void init() {
        StartupSteps.reached("init: waiting for the environment");
        if (startup == null) {
            startup = DesktopStartup.begin();
        }
        env = startup.environment();
        StartupSteps.reached("init: environment ready");
    }

    @Override
    public void start(Stage stage) {
        StartupSteps.reached("toolkit up");
        Themes.apply(UiSettings.defaults().theme());
        StartupSteps.reached("theme style sheet loaded");
        background = new FxBackground();
        ui = new ConsoleUi(stage, env, background, Clock.systemUTC(), AppInfo.version());
        startup.onKeychainWaiting(waiting -> Platform.runLater(() -> ui.setKeychainWaiting(waiting)));
        ui.start(startup.early());
        StartupSteps.reached("scene set");
    }

    @Override
    public void stop() {
        if (ui != null) {
            ui.stop();
            env.saveWindowState(ui.windowState()); // a few bytes, at exit
        }
        if (background != null) {
            background.close();
        }
        // The sandbox stops with the app.
        env.close();
    }
}
