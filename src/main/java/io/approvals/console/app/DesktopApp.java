package io.approvals.console.app;

import io.approvals.console.config.AppPaths;
import io.approvals.console.credentials.OsKeychainStore;
import io.approvals.console.credentials.TimeoutSecretStore;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.session.UiSettings;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: plain constructor wiring of the environment and the UI. */
public final class DesktopApp extends Application {
    private DesktopEnvironment env;
    private FxBackground background;
    private volatile ConsoleUi ui;

    @Override
    public void init() {
        AppPaths paths = AppPaths.fromEnvironment();
        DesktopLogging.configure(paths.cacheDir().resolve("logs"));
        // Off the FX thread: may start gsettings to learn the OS theme.
        Themes.detectOsTheme();
        TimeoutSecretStore keychain = new TimeoutSecretStore(new OsKeychainStore())
                .onWaiting(waiting -> Platform.runLater(() -> {
                    if (ui != null) {
                        ui.setKeychainWaiting(waiting);
                    }
                }));
        env = new DesktopEnvironment(paths, keychain, new HttpClientFactory());
    }

    @Override
    public void start(Stage stage) {
        Themes.apply(UiSettings.defaults().theme());
        background = new FxBackground();
        ui = new ConsoleUi(stage, env, background, Clock.systemUTC(), AppInfo.version());
        ui.start();
    }

    @Override
    public void stop() {
        if (ui != null) {
            ui.stop();
        }
        if (background != null) {
            background.close();
        }
        // The sandbox stops with the app.
        env.close();
    }
}
