package io.approvals.console.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.AuditEntry;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.ui.common.FxBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

/** The admin view in a headless window against the sandbox: issue, copy, regenerate, revoke, expire now, audit. */
@ExtendWith(ApplicationExtension.class)
class KeyAdminFxTest {
    private static Path dir;
    private static Sandbox sandbox;
    private static ApiKey admin;

    private final ManualTimers timers = new ManualTimers();
    private FxBackground tasks;

    @BeforeAll
    static void startSandbox() throws Exception {
        dir = Files.createTempDirectory("keyadmin-fx");
        sandbox = Sandbox.start(new SandboxConfig(dir.resolve("sandbox"), 0, 1));
        admin = sandbox.newAdminKey().orElseThrow();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path root = Files.createTempDirectory(dir, "app");
        ConnectionService service = new ConnectionService(
                new ConnectionStore(AppPaths.under(root)), new SessionOnlyStore(), new HttpClientFactory());
        service.addProfile("admin", sandbox.baseUri().toString(), AuthMode.API_KEY, null, null);
        service.setKey("admin", admin);
        tasks = new FxBackground();
        KeyUi ui = new KeyUi(tasks, timers, new FxSecretClipboard(), Clock.systemUTC());
        ui.showAdmin(stage, service, "admin");
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private static void waitUntil(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::get);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean works(ApiKey k) {
        try {
            ApprovalsClient.builder(sandbox.baseUri(), k).build().verifyKey();
            return true;
        } catch (ApiException.Unauthorized e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<KeyRow> table(FxRobot robot) {
        return robot.lookup("#keyTable").queryAs(TableView.class);
    }

    private String summary(FxRobot robot) {
        return robot.lookup("#keysSummary").queryAs(Label.class).getText();
    }

    private String status(FxRobot robot) {
        return robot.lookup("#adminStatus").queryAs(Label.class).getText();
    }

    @Test
    void issueShowsTheKeyOnceThenRegenerateAndRevokeWithConfirmation(FxRobot robot) throws Exception {
        waitUntil(() -> summary(robot).contains("never used"));

        robot.clickOn("#issueKeyButton");
        robot.clickOn("#issueName").write("erin-laptop");
        robot.clickOn("#issueOwner").write("erin@example.com");
        robot.clickOn("#issueSubmit");
        waitUntil(() -> robot.lookup("#issuedKeyText").tryQuery().isPresent());

        ApiKey erin = ApiKey.of(
                robot.lookup("#issuedKeyText").queryAs(TextField.class).getText());
        assertThat(works(erin)).isTrue();
        assertThat(robot.lookup("#issuedKeyWarning").queryAs(Label.class).getText())
                .contains("only time");
        robot.clickOn("#issuedKeyCopy");
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertThat(clip[0]).isEqualTo(erin.reveal());
        robot.interact(() -> timers.fire(ClipboardGuard.CLEAR_AFTER));
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().hasString()
                ? Clipboard.getSystemClipboard().getString()
                : null);
        assertThat(clip[0]).isNull();
        robot.clickOn("#issuedKeyDone");

        waitUntil(() -> table(robot).getItems().stream().anyMatch(r -> r.name().equals("erin-laptop")));
        KeyRow row = table(robot).getItems().stream()
                .filter(r -> r.name().equals("erin-laptop"))
                .findFirst()
                .orElseThrow();
        assertThat(row.scopes()).isEqualTo("read");

        robot.clickOn("#keyFilter").write("erin@");
        waitUntil(() -> table(robot).getItems().size() == 1);
        robot.interact(() -> table(robot).getSelectionModel().select(0));

        robot.clickOn("#adminRegenerateButton");
        // another person's key: shown once to hand over, kept nowhere, the console's clipboard rule not promised
        assertThat(robot.lookup("#intro").queryAs(Label.class).getText())
                .contains("hand to erin@example.com")
                .doesNotContain("stored");
        assertThat(robot.lookup("#compromisedText").queryAs(Label.class).getText())
                .contains("stops working at once")
                .doesNotContain("clipboard");
        robot.clickOn("#regenerateConfirm").write("erin-laptop");
        robot.clickOn("#compromisedButton");
        waitUntil(() -> robot.lookup("#issuedKeyText").tryQuery().isPresent());
        ApiKey erin2 = ApiKey.of(
                robot.lookup("#issuedKeyText").queryAs(TextField.class).getText());
        robot.clickOn("#issuedKeyDone");
        assertThat(works(erin)).isFalse();
        assertThat(works(erin2)).isTrue();

        waitUntil(() -> table(robot).getItems().size() == 1
                && !table(robot).getItems().get(0).key().maskedHint().equals(row.hint()));
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#revokeButton");
        robot.clickOn("#confirmTypedField").write("erin-laptop");
        robot.clickOn("#confirmTypedButton");
        waitUntil(() -> !works(erin2));
        waitUntil(
                () -> table(robot).getItems().stream().anyMatch(r -> r.status().equals("Revoked")));

        robot.clickOn("Audit");
        waitUntil(() ->
                !robot.lookup("#auditTable").queryAs(TableView.class).getItems().isEmpty());
        robot.interact(
                () -> robot.lookup("#auditAction").<ChoiceBox<String>>query().setValue(AuditEntry.KEY_REVOKED));
        TableView<?> audit = robot.lookup("#auditTable").queryAs(TableView.class);
        assertThat(audit.getItems()).isNotEmpty().allSatisfy(e -> assertThat(((AuditEntry) e).action())
                .isEqualTo(AuditEntry.KEY_REVOKED));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRoutineRotationListsTheSecretInGraceAndARevokedKeyLooksRevoked(FxRobot robot) throws Exception {
        waitUntil(() -> summary(robot).contains("never used"));
        assertThat(robot.lookup("#keysSummary")
                        .query()
                        .getScene()
                        .lookup("#keysSummary")
                        .isVisible())
                .isTrue();
        ApiKey old = sandbox.issueKeyForTests(
                "gus-laptop", "gus@example.com", java.util.Set.of(io.approvals.console.contract.Scope.READ), null);
        robot.clickOn("#keyRefresh");
        waitUntil(() -> table(robot).getItems().stream().anyMatch(r -> r.name().equals("gus-laptop")));
        robot.interact(() -> table(robot)
                .getSelectionModel()
                .select(table(robot).getItems().stream()
                        .filter(r -> r.name().equals("gus-laptop"))
                        .findFirst()
                        .orElseThrow()));

        // a custom grace period: 90 minutes, typed
        robot.clickOn("#adminRegenerateButton");
        waitUntil(() -> robot.lookup("#graceChoice").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#graceChoice")
                .queryAs(javafx.scene.control.ComboBox.class)
                .getEditor()
                .setText("90m"));
        robot.clickOn("#routineButton");
        waitUntil(() -> robot.lookup("#issuedKeyText").tryQuery().isPresent());
        ApiKey fresh = ApiKey.of(
                robot.lookup("#issuedKeyText").queryAs(TextField.class).getText());
        robot.clickOn("#issuedKeyDone");
        assertThat(works(old)).as("the old secret is in its grace period").isTrue();

        TableView<KeySecrets.Secret> secrets = robot.lookup("#secretTable").queryAs(TableView.class);
        waitUntil(() -> secrets.getItems().size() == 2);
        assertThat(secrets.getItems())
                .extracting(KeySecrets.Secret::hint)
                .containsExactly(fresh.prefix() + "\u2026" + fresh.last4(), old.prefix() + "\u2026" + old.last4());
        assertThat(secrets.getItems().get(1).until())
                .isBetween(
                        java.time.Instant.now().plusSeconds(80 * 60),
                        java.time.Instant.now().plusSeconds(91 * 60));
        assertThat(robot.lookup("#secretsNote").queryAs(Label.class).getText()).contains("Expire now stops");

        robot.clickOn("#revokeButton");
        robot.clickOn("#confirmTypedField").write("gus-laptop");
        assertThat(robot.lookup("#confirmTypedButton")
                        .queryAs(javafx.scene.control.Button.class)
                        .getText())
                .isEqualTo("Revoke key");
        robot.clickOn("#confirmTypedButton");
        waitUntil(() -> status(robot).startsWith("Revoked"));
        waitUntil(() -> table(robot).getItems().stream().anyMatch(r -> r.name().equals("gus-laptop") && r.revoked()));
        assertThat(works(old)).isFalse();
        assertThat(works(fresh)).isFalse();
        waitUntil(() -> robot.lookup(".revoked-row").tryQuery().isPresent());
        javafx.scene.control.TableRow<KeyRow> shown =
                robot.lookup(".revoked-row").query();
        assertThat(shown.getItem().name()).isEqualTo("gus-laptop");
        assertThat(shown.getItem().statusText()).isEqualTo("Revoked");
        assertThat(robot.lookup("#revokeButton").query().isDisabled())
                .as("a revoked key cannot be revoked again")
                .isTrue();
        waitUntil(() ->
                secrets.getItems().size() == 1 && secrets.getItems().get(0).revoked());
    }

    @Test
    @SuppressWarnings("unchecked")
    void expireNowEndsTheGracePeriodOfTheOlderSecretAfterTheNameIsTyped(FxRobot robot) throws Exception {
        waitUntil(() -> summary(robot).contains("never used"));
        ApiKey old = sandbox.issueKeyForTests(
                "hana-laptop", "hana@example.com", java.util.Set.of(io.approvals.console.contract.Scope.READ), null);
        robot.clickOn("#keyRefresh");
        waitUntil(() -> table(robot).getItems().stream().anyMatch(r -> r.name().equals("hana-laptop")));
        robot.interact(() -> table(robot)
                .getSelectionModel()
                .select(table(robot).getItems().stream()
                        .filter(r -> r.name().equals("hana-laptop"))
                        .findFirst()
                        .orElseThrow()));

        // a routine rotation with its default grace period keeps the old secret working
        robot.clickOn("#adminRegenerateButton");
        waitUntil(() -> robot.lookup("#routineButton").tryQuery().isPresent());
        robot.clickOn("#routineButton");
        waitUntil(() -> robot.lookup("#issuedKeyText").tryQuery().isPresent());
        ApiKey fresh = ApiKey.of(
                robot.lookup("#issuedKeyText").queryAs(TextField.class).getText());
        robot.clickOn("#issuedKeyDone");
        assertThat(works(old)).as("the old secret is in its grace period").isTrue();

        TableView<KeySecrets.Secret> secrets = robot.lookup("#secretTable").queryAs(TableView.class);
        waitUntil(() -> secrets.getItems().size() == 2);
        assertThat(secrets.getItems().get(1).hint()).isEqualTo(old.prefix() + "\u2026" + old.last4());
        waitUntil(() -> robot.lookup("#expireNowButton")
                .match(org.testfx.util.NodeQueryUtils.isVisible())
                .tryQuery()
                .isPresent());
        assertThat(robot.lookup("#expireNowButton")
                        .match(org.testfx.util.NodeQueryUtils.isVisible())
                        .queryAll())
                .as("only the older secret's row has the button")
                .hasSize(1);
        javafx.scene.control.Button expire = robot.lookup("#expireNowButton")
                .match(org.testfx.util.NodeQueryUtils.isVisible())
                .queryButton();
        assertThat(expire.getStyleClass()).contains("danger");
        waitUntil(() -> !expire.isDisabled());

        robot.clickOn(expire);
        waitUntil(() -> robot.lookup("#confirmTypedField").tryQuery().isPresent());
        javafx.scene.control.Button act = robot.lookup("#confirmTypedButton").queryButton();
        assertThat(act.getText()).isEqualTo("Expire now");
        assertThat(act.isDisabled()).as("until the name is typed").isTrue();
        assertThat(act.isDefaultButton()).isFalse();
        robot.clickOn("#confirmTypedField").write("hana-laptop");
        robot.clickOn(act);

        waitUntil(() -> status(robot).startsWith("Grace period ended"));
        assertThat(status(robot))
                .contains(old.prefix() + "\u2026" + old.last4())
                .contains(fresh.prefix() + "\u2026" + fresh.last4())
                .doesNotContain(old.reveal())
                .doesNotContain(fresh.reveal());
        waitUntil(() ->
                secrets.getItems().size() == 1 && secrets.getItems().get(0).current());
        assertThat(robot.lookup("#expireNowButton")
                        .match(org.testfx.util.NodeQueryUtils.isVisible())
                        .tryQuery())
                .isEmpty();
        assertThat(works(old)).as("the sandbox refuses the old secret").isFalse();
        assertThat(works(fresh)).as("the current secret works on").isTrue();

        // after a refresh (keys and audit read again) the older secret stays gone
        robot.clickOn("#keyRefresh");
        waitUntil(() -> robot.lookup(".progress-indicator").queryAll().stream().noneMatch(javafx.scene.Node::isVisible)
                && secrets.getItems().size() == 1);
        assertThat(secrets.getItems().get(0).hint()).isEqualTo(fresh.prefix() + "\u2026" + fresh.last4());
    }
}
