package io.approvals.console.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.config.AppPaths;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.ui.DialogOwner;
import io.approvals.console.ui.UiSandbox;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.common.FxmlView;
import io.approvals.console.ui.keys.IssueKeyController;
import io.approvals.console.ui.keys.KeyUi;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The keyboard rules of the key window, the admin window and Issue key (DialogKeysUiTest's rules, against a real
 * sandbox): focus where it is needed, one window per connection, no default that reveals, regenerates or revokes,
 * Ctrl+Enter runs only a dialog's own purpose, Esc closes.
 */
@ExtendWith(ApplicationExtension.class)
class KeyWindowsKeysUiTest {
    @TempDir
    Path dir;

    UiSandbox server;
    DialogService dialogs;
    Stage owner;
    ConnectionService service;
    FxBackground background;

    @Start
    void start(Stage stage) throws Exception {
        owner = stage;
        DialogOwner.show(stage);
        server = new UiSandbox(dir.resolve("sandbox"), 0);
        dialogs = new DialogService(stage, () -> ThemeChoice.LIGHT);
        service = new ConnectionService(
                new ConnectionStore(AppPaths.under(dir.resolve("app"))),
                new SessionOnlyStore(),
                new HttpClientFactory());
        service.addProfile("prod", server.sandbox().baseUri().toString(), AuthMode.API_KEY, null, null);
        service.setKey("prod", server.adminKey());
        background = new FxBackground();
    }

    @AfterEach
    void stop() {
        background.close();
        server.close();
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String focusId(Window w) {
        Node f = w.getScene().getFocusOwner();
        while (f != null && f.getId() == null) {
            f = f.getParent();
        }
        return f == null ? null : f.getId();
    }

    private Stage show(FxRobot robot, Callable<Stage> opening) {
        AtomicReference<Stage> s = new AtomicReference<>();
        robot.interact(() -> {
            try {
                s.set(opening.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.targetWindow(s.get());
        return s.get();
    }

    private static long windows() {
        return Window.getWindows().stream().filter(Window::isShowing).count();
    }

    @Test
    void keyWindowIsOnePerConnectionNeverRevealsOnEnterAndClosesWithEsc(FxRobot robot) throws Exception {
        KeyUi ui = new KeyUi(background, Clock.systemUTC()).dialogs(dialogs);
        Stage key = show(robot, () -> ui.showKeyPanel(owner, service, "prod", p -> {}));
        TextInputControl text = robot.lookup("#keyText").query();
        until(() -> robot.lookup("#keyStatus").queryLabeled().getText().contains("Verified"));
        until(() -> "copyButton".equals(focusId(key)));
        String masked = text.getText();

        Stage again = show(robot, () -> ui.showKeyPanel(owner, service, "prod", p -> {}));
        assertThat(again)
                .as("a second Key\u2026 brings the first window to the front")
                .isSameAs(key);
        long open = windows();

        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(windows())
                .as("Ctrl+Enter opens nothing: the key window has no default")
                .isEqualTo(open);
        assertThat(text.getText()).isEqualTo(masked);

        robot.interact(() -> robot.lookup("#revealButton").queryButton().requestFocus());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getText()).as("Enter alone never shows the key").isEqualTo(masked);
        robot.targetWindow(key);
        // whatever Enter opened (at most the confirmation, never the key) is closed by Esc
        if (windows() > open) {
            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(text.getText()).isEqualTo(masked);
        }
        robot.targetWindow(key);
        robot.interact(key::requestFocus);
        robot.type(KeyCode.ESCAPE);
        until(() -> !key.isShowing());
    }

    @Test
    void keyWindowHasACloseButton(FxRobot robot) throws Exception {
        KeyUi ui = new KeyUi(background, Clock.systemUTC()).dialogs(dialogs);
        Stage key = show(robot, () -> ui.showKeyPanel(owner, service, "prod", p -> {}));
        Button close = robot.lookup("#windowClose").queryButton();
        assertThat(close.getText()).isEqualTo("Close");
        robot.clickOn(close);
        until(() -> !key.isShowing());
    }

    @Test
    void adminWindowStartsInTheFilterIsOnePerConnectionAndClosesWithEsc(FxRobot robot) throws Exception {
        KeyUi ui = new KeyUi(background, Clock.systemUTC()).dialogs(dialogs);
        Stage admin = show(robot, () -> ui.showAdmin(owner, service, "prod"));
        until(() -> robot.lookup("#keysSummary").queryLabeled().getText().contains("never used"));
        until(() -> "keyFilter".equals(focusId(admin)));
        assertThat(show(robot, () -> ui.showAdmin(owner, service, "prod"))).isSameAs(admin);
        long open = windows();
        robot.write("admin@");
        assertThat(robot.lookup("#keyFilter").<TextInputControl>query().getText())
                .isEqualTo("admin@");
        robot.type(KeyCode.ENTER).push(KeyCode.CONTROL, KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(windows())
                .as("neither Enter nor Ctrl+Enter issues, regenerates or revokes")
                .isEqualTo(open);
        robot.type(KeyCode.ESCAPE);
        until(() -> !admin.isShowing());
    }

    /** Issue key, shown; each issue is noted in issued as "name|owner|[scopes]|expiry". */
    private IssueKeyController issueKey(FxRobot robot, List<String> issued) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneId.of("Europe/Berlin"));
        IssueKeyController c = new IssueKeyController(
                clock, (name, who, scopes, expires) -> issued.add(name + "|" + who + "|" + scopes + "|" + expires));
        show(robot, () -> dialogs.show(FxmlView.ISSUE_KEY, c).stage());
        return c;
    }

    @Test
    void issueKeyStartsInTheNameAndEnterIssues(FxRobot robot) throws Exception {
        List<String> issued = new CopyOnWriteArrayList<>();
        IssueKeyController c = issueKey(robot, issued);
        assertThat(focusId(c.stage())).isEqualTo("issueName");
        robot.write("erin-laptop").type(KeyCode.TAB).write("erin@example.com");
        robot.type(KeyCode.ENTER);
        until(() -> !issued.isEmpty());
        assertThat(issued).containsExactly("erin-laptop|erin@example.com|[read]|null");
        assertThat(c.stage().isShowing()).isFalse();
    }

    @Test
    void enterOnATickedScopeIssuesTheKeyWithIt(FxRobot robot) throws Exception {
        List<String> issued = new CopyOnWriteArrayList<>();
        IssueKeyController c = issueKey(robot, issued);
        robot.write("ci-bot").type(KeyCode.TAB).write("ops@example.com");
        robot.type(KeyCode.TAB, KeyCode.TAB); // read, then write
        assertThat(focusId(c.stage())).isEqualTo("scopeWrite");
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.ENTER);
        until(() -> !issued.isEmpty());
        assertThat(issued).containsExactly("ci-bot|ops@example.com|[read, write]|null");
        assertThat(c.stage().isShowing()).isFalse();
    }

    @Test
    void issueKeyRefusesAPastExpiryRunsWithCtrlEnterAndEscCancels(FxRobot robot) throws Exception {
        List<String> issued = new CopyOnWriteArrayList<>();
        Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneId.of("Europe/Berlin"));
        IssueKeyController c =
                new IssueKeyController(clock, (name, who, scopes, expires) -> issued.add(name + "|" + expires));
        show(robot, () -> dialogs.show(FxmlView.ISSUE_KEY, c).stage());
        robot.write("gus").type(KeyCode.TAB).write("gus@example.com");
        DatePicker expiry = robot.lookup("#issueExpiry").query();
        robot.interact(() -> expiry.setValue(LocalDate.of(2026, 12, 1)));
        assertThat(robot.lookup("#issueError").queryLabeled().isVisible()).isTrue();
        assertThat(robot.lookup("#issueSubmit").queryButton().isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#scopeWrite").query().requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(issued).isEmpty();
        robot.interact(() -> expiry.setValue(LocalDate.of(2027, 1, 31)));
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        until(() -> !issued.isEmpty());
        assertThat(issued.get(0)).startsWith("gus|2027-01-30T23:00:00Z");

        IssueKeyController second = new IssueKeyController(clock, (name, who, scopes, expires) -> issued.add(name));
        show(robot, () -> dialogs.show(FxmlView.ISSUE_KEY, second).stage());
        robot.write("nobody").type(KeyCode.ESCAPE);
        until(() -> !second.stage().isShowing());
        assertThat(issued).hasSize(1);
    }
}
