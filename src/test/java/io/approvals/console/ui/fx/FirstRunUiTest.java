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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Node;
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

/**
 * First run, as a user meets it: no connection configured, the welcome screen, one click on the
 * sandbox, and the main window with the sample approvals. Keys go to a session-only store here
 * (the OS keychain is tested by the credentials tests).
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunUiTest {
    @TempDir
    static Path home;

    DesktopEnvironment env;
    FxBackground background;
    ConsoleUi ui;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
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
        assertThat(UiSandbox.FX_THREAD_CALLS)
                .as("API calls made on the JavaFX thread")
                .isEmpty();
        org.testfx.api.FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(ui::stop).get();
        env.close();
        background.close();
    }

    @Test
    void oneClickOnTheSandboxOpensTheMainWindowWithSampleApprovals(FxRobot robot) throws Exception {
        Waits.until(() -> robot.lookup("#sandboxButton").tryQuery().isPresent());
        assertThat(stage.getTitle()).isEqualTo("Approvals Console \u2014 welcome");
        // one key: the sandbox button is the default button
        robot.type(javafx.scene.input.KeyCode.ENTER);
        Waits.until(() -> robot.lookup("#approvalsTable").tryQuery().isPresent()
                && robot.lookup("#approvalsTable")
                                .<TableView<ApprovalRow>>query()
                                .getItems()
                                .size()
                        == 40);
        assertThat(stage.getTitle()).isEqualTo("Approvals Console \u2014 sandbox");
        Node banner = robot.lookup("#sandboxBanner").query();
        assertThat(banner.isVisible()).isTrue();
        assertThat(robot.lookup("#statusKey").queryLabeled().getText())
                .contains("read, write, admin")
                .contains("admin@localhost");
        assertThat(env.connectionNames()).containsExactly("sandbox");
        assertThat(Files.exists(home.resolve("data").resolve("sandbox").resolve("admin.key")))
                .isTrue();
        // the key never reaches the connections file
        String adminKey = Files.readString(
                        home.resolve("data").resolve("sandbox").resolve("admin.key"))
                .strip();
        assertThat(Files.readString(AppPaths.under(home).connectionsFile())).doesNotContain(adminKey);
    }
}
