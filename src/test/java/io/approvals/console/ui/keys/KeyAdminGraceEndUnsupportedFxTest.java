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
import io.approvals.console.testing.FaultProxy;
import io.approvals.console.ui.common.FxBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/**
 * The admin window against a server without the expire-previous extension (the sandbox behind a proxy that answers
 * 404 for that path): Expire now says the server cannot, names the next step with the grace period's end in the
 * user's locale, changes nothing, and is disabled from then on; no stack trace.
 */
@ExtendWith(ApplicationExtension.class)
class KeyAdminGraceEndUnsupportedFxTest {
    private static Path dir;
    private static Sandbox sandbox;
    private static FaultProxy proxy;
    private static ApiKey admin;
    private static ApiKey old;

    private FxBackground tasks;

    @BeforeAll
    static void startSandbox() throws Exception {
        dir = Files.createTempDirectory("keyadmin-nograce-fx");
        sandbox = Sandbox.start(new SandboxConfig(dir.resolve("sandbox"), 0, 1));
        admin = sandbox.newAdminKey().orElseThrow();
        old = sandbox.issueKeyForTests("ivo-laptop", "ivo@example.com", Set.of(Scope.READ), null);
        String id = ApprovalsClient.builder(sandbox.baseUri(), old)
                .build()
                .currentKey()
                .id();
        ApprovalsClient.builder(sandbox.baseUri(), admin).build().regenerateKey(id, 3600);
        proxy = new FaultProxy(sandbox.baseUri());
        proxy.fail(FaultProxy.Fault.NO_ROUTE_404, "/expire-previous");
    }

    @AfterAll
    static void stopSandbox() throws Exception {
        proxy.close();
        sandbox.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path root = Files.createTempDirectory(dir, "app");
        ConnectionService service = new ConnectionService(
                new ConnectionStore(AppPaths.under(root)), new SessionOnlyStore(), new HttpClientFactory());
        service.addProfile("admin", proxy.uri().toString(), AuthMode.API_KEY, null, null);
        service.setKey("admin", admin);
        tasks = new FxBackground();
        new KeyUi(tasks, new ManualTimers(), new FxSecretClipboard(), Clock.systemUTC())
                .showAdmin(stage, service, "admin");
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

    @Test
    @SuppressWarnings("unchecked")
    void theWindowSaysTheServerCannotAndWhatToDoInstead(FxRobot robot) throws Exception {
        TableView<KeyRow> table = robot.lookup("#keyTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.name().equals("ivo-laptop")));
        robot.interact(() -> table.getSelectionModel()
                .select(table.getItems().stream()
                        .filter(r -> r.name().equals("ivo-laptop"))
                        .findFirst()
                        .orElseThrow()));
        TableView<KeySecrets.Secret> secrets = robot.lookup("#secretTable").queryAs(TableView.class);
        waitUntil(() -> secrets.getItems().size() == 2);
        KeySecrets.Secret grace = secrets.getItems().get(1);
        Button expire = robot.lookup("#expireNowButton")
                .match(org.testfx.util.NodeQueryUtils.isVisible())
                .queryButton();
        waitUntil(() -> !expire.isDisabled());

        robot.clickOn(expire);
        robot.clickOn("#confirmTypedField").write("ivo-laptop");
        robot.clickOn("#confirmTypedButton");

        Label status = robot.lookup("#adminStatus").queryAs(Label.class);
        waitUntil(() -> status.getText().contains("cannot end a grace period early"));
        String until =
                DateTimeFormatter.ofPattern("HH:mm:ss").format(grace.until().atZone(ZoneOffset.UTC));
        assertThat(status.getText())
                .contains(grace.hint())
                .contains("keeps working until")
                .contains(until)
                .contains("revoke the key")
                .doesNotContain("Exception")
                .doesNotContain(old.reveal());
        assertThat(status.getStyleClass()).contains("error-text");
        assertThat(works(old)).as("nothing was ended").isTrue();
        assertThat(secrets.getItems()).hasSize(2);
        assertThat(robot.lookup("#expireNowButton")
                        .match(org.testfx.util.NodeQueryUtils.isVisible())
                        .queryButton()
                        .isDisabled())
                .as("Expire now is off for this server")
                .isTrue();
        assertThat(robot.lookup("#secretsNote").queryAs(Label.class).getText())
                .startsWith("This server cannot end a grace period early");
    }
}
