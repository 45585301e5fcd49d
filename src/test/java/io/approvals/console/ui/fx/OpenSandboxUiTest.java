package io.approvals.console.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.app.DesktopEnvironment;
import io.approvals.console.config.AppPaths;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.UiSandbox;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.main.ApprovalRow;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** `approvals-console --sandbox` on a machine with no connection: straight to the sandbox, no click. */
@ExtendWith(ApplicationExtension.class)
class OpenSandboxUiTest {
    @TempDir
    static Path home;

    DesktopEnvironment env;
    FxBackground background;
    ConsoleUi ui;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        System.setProperty(ConsoleUi.OPEN_SANDBOX_PROPERTY, "true");
        env = new DesktopEnvironment(
                AppPaths.under(home),
                new SessionOnlyStore(),
                (c, k) -> UiSandbox.guarded(new HttpClientFactory().create(c, k)));
        background = new FxBackground();
        ui = new ConsoleUi(stage, env, background, Clock.systemUTC(), "test");
        ui.start();
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty(ConsoleUi.OPEN_SANDBOX_PROPERTY);
        org.testfx.api.FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(ui::stop).get();
        env.close();
        background.close();
    }

    @Test
    void opensOnTheSandboxWithoutAClick(FxRobot robot) throws Exception {
        Waits.until(() -> robot.lookup("#approvalsTable").tryQuery().isPresent()
                && robot.lookup("#approvalsTable")
                                .<TableView<ApprovalRow>>query()
                                .getItems()
                                .size()
                        == 40);
        assertThat(stage.getTitle()).isEqualTo("Approvals Console \u2014 sandbox");
        assertThat(robot.lookup("#sandboxBanner").query().isVisible()).isTrue();
        assertThat(env.connectionNames()).containsExactly("sandbox");
    }
}
