package io.approvals.console.ui.fx;

import static io.approvals.console.ui.fx.Lookups.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.app.DesktopEnvironment;
import io.approvals.console.config.AppPaths;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Priority;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.testing.Canary;
import io.approvals.console.testing.LogCapture;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.UiSandbox;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.main.ApprovalRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** First run, second path: connect to an Approvals API with URL and key, verify, save, open. */
@ExtendWith(ApplicationExtension.class)
class ConnectUiTest {
    @TempDir
    Path dir;

    UiSandbox server;
    DesktopEnvironment env;
    FxBackground background;
    ConsoleUi ui;
    Stage stage;
    LogCapture logs;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        logs = new LogCapture();
        server = new UiSandbox(dir.resolve("sandbox"), 0);
        server.create("Budget for Q1", null, Priority.HIGH, null);
        env = new DesktopEnvironment(
                AppPaths.under(dir.resolve("home")),
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
        logs.close();
        server.close();
        env.close();
        background.close();
    }

    private static void setText(FxRobot robot, String query, String value) {
        robot.interact(() -> robot.lookup(query).<TextField>query().setText(value));
    }

    @Test
    void verifiesShowsOwnerAndScopesThenSavesAndOpens(FxRobot robot) throws Exception {
        Waits.until(() -> robot.lookup("#urlField").tryQuery().isPresent());
        ApiKey key = server.key("dana@example.com", "read", "write");
        setText(robot, "#urlField", "http://127.0.0.1:" + server.sandbox().port());

        String mistyped = key.reveal().substring(0, 41) + (key.reveal().endsWith("A") ? "B" : "A");
        setText(robot, "#keyField", mistyped);
        assertThat(text(robot, "#keyFormat")).startsWith("The checksum does not match");
        assertThat(robot.lookup("#verifyButton").<Button>query().isDisabled()).isTrue();

        setText(robot, "#keyField", key.reveal());
        assertThat(text(robot, "#keyFormat")).startsWith("\u2713 An Approvals key");
        robot.clickOn("#verifyButton");
        Waits.until(() -> !text(robot, "#verifyResult").isEmpty());
        assertThat(text(robot, "#verifyResult"))
                .isEqualTo("\u2713 Accepted. Owner dana@example.com \u00b7 scopes read, write");

        robot.clickOn("#saveButton");
        Waits.until(() -> robot.lookup("#approvalsTable").tryQuery().isPresent()
                && robot.lookup("#approvalsTable")
                                .<TableView<ApprovalRow>>query()
                                .getItems()
                                .size()
                        == 1);
        assertThat(stage.getTitle()).isEqualTo("Approvals Console \u2014 work");
        assertThat(robot.lookup("#sandboxBanner").query().isVisible()).isFalse();
        assertThat(text(robot, "#statusKey"))
                .contains(key.masked())
                .contains("read, write")
                .contains("this session only");
        assertThat(env.connectionNames()).containsExactly("work");
        String file = Files.readString(AppPaths.under(dir.resolve("home")).connectionsFile());
        assertThat(file).doesNotContain(key.reveal());
        assertThat(logs.text()).doesNotContain(key.reveal());
    }

    @Test
    void aRejectedKeyIsExplainedAndNothingIsSavedOrLogged(FxRobot robot) throws Exception {
        Waits.until(() -> robot.lookup("#urlField").tryQuery().isPresent());
        setText(robot, "#urlField", "http://127.0.0.1:" + server.sandbox().port());
        setText(robot, "#keyField", Canary.key().reveal());
        robot.clickOn("#saveButton");
        Waits.until(() -> !text(robot, "#welcomeError").isEmpty());
        assertThat(text(robot, "#welcomeError")).startsWith("The server rejected this key");
        assertThat(env.connectionNames()).isEmpty();
        assertThat(logs.text()).doesNotContain(Canary.MARK);
        assertThat(robot.lookup("#keyField")
                        .<atlantafx.base.controls.PasswordTextField>query()
                        .getPassword())
                .isEqualTo(Canary.key().reveal());
        assertThat(robot.lookup("#keyField").<TextField>query().getText()).doesNotContain(Canary.MARK);
    }

    @Test
    void aRevokedKeyIsReplacedFromTheBanner(FxRobot robot) throws Exception {
        Waits.until(() -> robot.lookup("#urlField").tryQuery().isPresent());
        ApiKey first = server.key("dana@example.com", "read", "write");
        setText(robot, "#urlField", "http://127.0.0.1:" + server.sandbox().port());
        setText(robot, "#keyField", first.reveal());
        robot.clickOn("#saveButton");
        Waits.until(() -> robot.lookup("#approvalsTable").tryQuery().isPresent()
                && robot.lookup("#approvalsTable")
                                .<TableView<ApprovalRow>>query()
                                .getItems()
                                .size()
                        == 1);
        String id = server.admin().listAllKeys().stream()
                .filter(k -> k.owner().equals("dana@example.com"))
                .findFirst()
                .orElseThrow()
                .id();
        server.admin().revokeKey(id);
        robot.clickOn("#refreshButton");
        Waits.until(() -> robot.lookup("#troubleBanner").query().isVisible());
        robot.clickOn("#bannerAction");
        Waits.until(() -> robot.lookup("#replaceKeyField").tryQuery().isPresent());
        ApiKey second = server.key("dana@example.com", "read", "write");
        setText(robot, "#replaceKeyField", second.reveal());
        robot.clickOn("#replaceKeySave");
        // the window is rebuilt for the new key: look nodes up afresh each time
        Waits.until(() -> robot.lookup("#statusKey")
                .tryQuery()
                .map(n -> ((Labeled) n).getText().contains(second.masked()))
                .orElse(false));
        Waits.until(() -> robot.lookup("#troubleBanner")
                        .tryQuery()
                        .map(n -> !n.isVisible())
                        .orElse(false)
                && robot.lookup("#approvalsTable")
                        .tryQuery()
                        .map(n -> ((TableView<?>) n).getItems().size() == 1)
                        .orElse(false));
        assertThat(logs.text()).doesNotContain(first.reveal()).doesNotContain(second.reveal());
    }

    @Test
    void settingsChangeTheThemeAndTheConnectionsAddress(FxRobot robot) throws Exception {
        Waits.until(() -> robot.lookup("#urlField").tryQuery().isPresent());
        ApiKey key = server.key("dana@example.com", "read", "write");
        String url = "http://127.0.0.1:" + server.sandbox().port();
        setText(robot, "#urlField", url);
        setText(robot, "#keyField", key.reveal());
        robot.clickOn("#saveButton");
        Waits.until(() -> robot.lookup("#approvalsTable")
                .tryQuery()
                .map(n -> ((TableView<?>) n).getItems().size() == 1)
                .orElse(false));

        robot.clickOn("#approvalsTable").push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.COMMA);
        Waits.until(() -> robot.lookup("#settingsTheme").tryQuery().isPresent());
        assertThat(robot.lookup("#settingsUrl").<TextField>query().getText()).isEqualTo(url);
        robot.interact(() -> robot.lookup("#settingsTheme")
                .<javafx.scene.control.ComboBox<io.approvals.console.ui.session.UiSettings.ThemeChoice>>query()
                .setValue(io.approvals.console.ui.session.UiSettings.ThemeChoice.DARK));
        // a port where nothing listens: the window reopens and says it is offline
        setText(robot, "#settingsUrl", "http://127.0.0.1:9");
        robot.clickOn("#settingsSave");
        Waits.until(() -> robot.lookup("#troubleBanner")
                .tryQuery()
                .map(javafx.scene.Node::isVisible)
                .orElse(false));
        assertThat(javafx.application.Application.getUserAgentStylesheet()).containsIgnoringCase("dark");
        assertThat(text(robot, "#statusConnection")).contains("http://127.0.0.1:9");
        Waits.until(() -> env.settings().theme() == io.approvals.console.ui.session.UiSettings.ThemeChoice.DARK);
        robot.interact(() -> io.approvals.console.ui.common.Themes.apply(
                io.approvals.console.ui.session.UiSettings.ThemeChoice.LIGHT));
    }
}
