package io.approvals.console.ui.fx;

import io.approvals.console.app.DesktopEnvironment;
import io.approvals.console.config.AppPaths;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.UiSandbox;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.common.Messages;
import java.nio.file.Path;
import java.time.Clock;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What most UI tests start from: a sandbox with some approvals, a throwaway home with a session-only key store, and
 * the app's UI on the TestFX stage. Closed in reverse order, the language back to English for the next class.
 */
final class ConsoleUiFixture implements AutoCloseable {
    /** Settings made before the UI reads them (a language, a theme). */
    interface Before {
        void accept(DesktopEnvironment env) throws Exception;
    }

    final UiSandbox server;
    final DesktopEnvironment env;
    final FxBackground background;
    final ConsoleUi ui;

    ConsoleUiFixture(Stage stage, Path dir, int approvals) throws Exception {
        this(stage, dir, approvals, env -> {});
    }

    ConsoleUiFixture(Stage stage, Path dir, int approvals, Before before) throws Exception {
        server = new UiSandbox(dir.resolve("sandbox"), approvals);
        env = new DesktopEnvironment(
                AppPaths.under(dir.resolve("home")), new SessionOnlyStore(), new HttpClientFactory());
        before.accept(env);
        background = new FxBackground();
        ui = new ConsoleUi(stage, env, background, Clock.systemUTC(), "test");
    }

    /** The fixture on a stage shown at 1200 × 800 with an empty scene, as the main-window tests start from. */
    static ConsoleUiFixture shownOn(Stage stage, Path dir, int approvals) throws Exception {
        ConsoleUiFixture fx = new ConsoleUiFixture(stage, dir, approvals);
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 1200, 800));
        stage.show();
        return fx;
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(() -> {
                    ui.stop();
                    Messages.useLanguage("en");
                })
                .get();
        server.close();
        env.close();
        background.close();
    }
}
