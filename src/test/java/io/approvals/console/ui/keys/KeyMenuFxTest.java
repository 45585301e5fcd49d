package io.approvals.console.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.app.DesktopEnvironment;
import io.approvals.console.config.AppPaths;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Scope;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.session.ConnectionDraft;
import io.approvals.console.ui.session.ConsoleSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The hook in the main window: Connection › Key… and Admin… open the key windows for the open connection. */
@ExtendWith(ApplicationExtension.class)
class KeyMenuFxTest {
    @TempDir
    Path dir;

    Sandbox sandbox;
    DesktopEnvironment env;
    FxBackground background;
    ConsoleUi ui;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        sandbox = Sandbox.start(new SandboxConfig(dir.resolve("sandbox"), 0, 2));
        env = new DesktopEnvironment(
                AppPaths.under(dir.resolve("home")), new SessionOnlyStore(), new HttpClientFactory());
        background = new FxBackground();
        ui = new ConsoleUi(stage, env, background, Clock.systemUTC(), "test");
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(ui::stop).get();
        env.close();
        background.close();
        sandbox.close();
    }

    private void openWith(FxRobot robot, ApiKey key) throws Exception {
        ConsoleSession session =
                env.save(new ConnectionDraft("prod", sandbox.baseUri().toString(), false, null, null), key, false);
        robot.interact(() -> {
            if (stage.getScene() == null) {
                stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 1280, 800));
            }
            ui.showMain(session);
        });
        waitUntil(() -> robot.lookup("#approvalsTable").tryQuery().isPresent());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void keyOpensThePanelAndACompromisedRegenerationReopensTheConnectionWithTheNewKey(FxRobot robot) throws Exception {
        ApiKey key = sandbox.issueKeyForTests("menu", "menu@example.com", Set.of(Scope.READ, Scope.WRITE), null);
        openWith(robot, key);

        robot.clickOn("#connectionMenu").clickOn("Key\u2026");
        waitUntil(() -> robot.lookup("#keyText").tryQuery().isPresent());
        assertThat(robot.lookup("#keyText").<TextInputControl>query().getText()).isEqualTo(key.maskedForDisplay());
        assertThat(robot.lookup("#adminButton").query().isVisible()).isFalse();

        robot.clickOn("#regenerateButton")
                .clickOn("#regenerateConfirm")
                .write("prod")
                .clickOn("#compromisedButton");
        waitUntil(() -> robot.lookup("#keyStatus")
                .<javafx.scene.control.Label>query()
                .getText()
                .contains("no longer works"));
        ApiKey fresh = env.keyService("prod").storedKeyIfAny("prod").orElseThrow();
        assertThat(fresh).isNotEqualTo(key);
        // the main window was reopened with the new key: it still lists approvals
        waitUntil(() -> robot.lookup("#approvalsTable").tryQuery().isPresent()
                && !robot.lookup("#approvalsTable")
                        .<TableView<?>>query()
                        .getItems()
                        .isEmpty());
    }

    @Test
    void adminOpensTheAdminWindowForAnAdminKey(FxRobot robot) throws Exception {
        openWith(robot, sandbox.newAdminKey().orElseThrow());

        robot.clickOn("#connectionMenu").clickOn("Admin\u2026");

        waitUntil(() -> robot.lookup("#keyTable").tryQuery().isPresent()
                && !robot.lookup("#keyTable").<TableView<?>>query().getItems().isEmpty());
    }
}
