package io.approvals.console.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Scope;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.testing.LogCapture;
import io.approvals.console.ui.common.FxBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The key panel in a real (headless) JavaFX window against the sandbox: reveal, copy, regenerate. */
@ExtendWith(ApplicationExtension.class)
class KeyPanelFxTest {
    private static Path dir;
    private static Sandbox sandbox;

    private final ManualTimers timers = new ManualTimers();
    private final SessionOnlyStore secrets = new SessionOnlyStore();
    private FxBackground tasks;
    private KeyUi ui;
    private ApiKey key;
    private LogCapture logs;

    @BeforeAll
    static void startSandbox() throws Exception {
        dir = Files.createTempDirectory("keypanel-fx");
        sandbox = Sandbox.start(new SandboxConfig(dir.resolve("sandbox"), 0, 1));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        logs = new LogCapture();
        Path root = Files.createTempDirectory(dir, "app");
        ConnectionService service =
                new ConnectionService(new ConnectionStore(AppPaths.under(root)), secrets, new HttpClientFactory());
        service.addProfile("prod", sandbox.baseUri().toString(), AuthMode.API_KEY, null, null);
        key = sandbox.issueKeyForTests("fx", "fx@example.com", Set.of(Scope.READ, Scope.WRITE), null);
        service.setKey("prod", key);
        tasks = new FxBackground();
        ui = new KeyUi(tasks, timers, new FxSecretClipboard(), Clock.systemUTC());
        ui.showKeyPanel(stage, service, "prod", p -> {});
    }

    @AfterEach
    void stop() {
        tasks.close();
        logs.close();
        assertThat(logs.text()).doesNotContain(key.reveal());
    }

    private static void waitUntil(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> condition.get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String id) {
        javafx.scene.Node n = robot.lookup(id).query();
        return n instanceof Label l ? l.getText() : ((javafx.scene.control.TextInputControl) n).getText();
    }

    private String clipboardText(FxRobot robot) {
        String[] out = new String[1];
        robot.interact(() -> out[0] = Clipboard.getSystemClipboard().hasString()
                ? Clipboard.getSystemClipboard().getString()
                : null);
        return out[0];
    }

    @Test
    void showsTheMaskedKeyAndRevealHidesItself(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#keyStatus").contains("Verified"));
        assertThat(text(robot, "#keyText")).isEqualTo(key.maskedForDisplay());
        assertThat(text(robot, "#keyFingerprint")).contains(key.fingerprint());
        assertThat(text(robot, "#keyOwner")).isEqualTo("fx@example.com");
        assertThat(text(robot, "#keyScopes")).isEqualTo("read, write");

        robot.clickOn("#revealButton");
        robot.clickOn("Show for 10 s");
        waitUntil(() -> text(robot, "#keyText").equals(key.reveal()));

        robot.interact(() -> timers.fire(KeyPanelViewModel.REVEAL_FOR));

        assertThat(text(robot, "#keyText")).isEqualTo(key.maskedForDisplay());
    }

    @Test
    void cancellingTheConfirmationRevealsNothing(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#keyStatus").contains("Verified"));
        robot.clickOn("#revealButton");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#keyText")).isEqualTo(key.maskedForDisplay());
    }

    @Test
    void copyPutsTheKeyOnTheClipboardAndItIsClearedAfterThirtySecondsAndOnQuit(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#keyStatus").contains("Verified"));
        robot.clickOn("#copyButton");
        waitUntil(() -> key.reveal().equals(clipboardText(robot)));
        assertThat(text(robot, "#clipboardStatus")).contains("cleared in 30 s");

        java.util.List<String> markers = new java.util.ArrayList<>();
        robot.interact(() -> markers.addAll(new FxSecretClipboard().markersPresent()));
        assertThat(markers)
                .containsExactlyInAnyOrder(
                        FxSecretClipboard.KDE_HINT,
                        FxSecretClipboard.WINDOWS_EXCLUDE,
                        FxSecretClipboard.WINDOWS_HISTORY,
                        FxSecretClipboard.MAC_CONCEALED);

        robot.interact(() -> timers.fire(ClipboardGuard.CLEAR_AFTER));
        assertThat(clipboardText(robot)).isNull();
        assertThat(text(robot, "#clipboardStatus")).contains("Cleared the clipboard");

        robot.clickOn("#copyButton");
        waitUntil(() -> key.reveal().equals(clipboardText(robot)));
        robot.interact(ui::onQuit);
        assertThat(clipboardText(robot)).isNull();
    }

    @Test
    void regenerateBecauseCompromisedKillsTheOldKey(FxRobot robot) throws Exception {
        waitUntil(() -> text(robot, "#keyStatus").contains("Verified"));
        robot.clickOn("#copyButton");
        waitUntil(() -> key.reveal().equals(clipboardText(robot)));

        robot.clickOn("#regenerateButton");
        robot.clickOn("#regenerateConfirm").write("prod");
        robot.clickOn("#compromisedButton");
        waitUntil(() -> text(robot, "#keyStatus").contains("no longer works"));

        ApiKey fresh = secrets.load("prod").orElseThrow();
        assertThat(text(robot, "#keyText")).isEqualTo(fresh.maskedForDisplay());
        assertThat(text(robot, "#keyFingerprint")).contains(fresh.fingerprint());
        assertThat(clipboardText(robot))
                .as("the compromised key left the clipboard")
                .isNull();
        try {
            ApprovalsClient.builder(sandbox.baseUri(), key).build().verifyKey();
            throw new AssertionError("the old key still works");
        } catch (ApiException.Unauthorized expected) {
            // dead at once
        }
    }
}
