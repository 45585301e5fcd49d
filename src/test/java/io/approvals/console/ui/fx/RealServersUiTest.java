package io.approvals.console.ui.fx;

import static io.approvals.console.ui.fx.Lookups.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.app.DesktopEnvironment;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.Connection;
import io.approvals.console.credentials.OsKeychainStore;
import io.approvals.console.credentials.SecretStore;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.credentials.TimeoutSecretStore;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.testing.AspNetLikeServer;
import io.approvals.console.testing.SpringLikeServer;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.main.ApprovalRow;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
 * Issue 16, the desktop app against servers written by others: an ASP.NET-Core-like one (Swashbuckle document,
 * X-Api-Token header, PascalCase, int ids, 204 to a decision) and a Spring-Boot-like one (springdoc document,
 * bearer token, camelCase, paged, UUID ids). The connection is added on the welcome screen, which reads the
 * server's OpenAPI document; the key is stored; every pending item is listed; approve and reject go through the
 * decision dialog, and the server receives its own field names.
 */
@ExtendWith(ApplicationExtension.class)
class RealServersUiTest {
    private static final String KEY = "aspnet-or-spring-token-7f3c9a";

    @TempDir
    Path dir;

    DesktopEnvironment env;
    FxBackground background;
    ConsoleUi ui;
    Stage stage;
    SecretStore secrets;
    AspNetLikeServer aspnet;
    SpringLikeServer spring;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // the real Secret Service inside scripts/test.sh's throwaway keyring; elsewhere this session's memory
        secrets = "1".equals(System.getenv("APPROVALS_IN_TEST_SESSION"))
                ? new TimeoutSecretStore(new OsKeychainStore())
                : new SessionOnlyStore();
        env = new DesktopEnvironment(AppPaths.under(dir.resolve("home")), secrets, new HttpClientFactory());
        background = new FxBackground();
        ui = new ConsoleUi(stage, env, background, Clock.systemUTC(), "test");
        ui.start();
    }

    @AfterEach
    void stop() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(ui::stop).get();
        for (String name : env.connectionNames()) {
            secrets.delete(name);
        }
        env.close();
        background.close();
        if (aspnet != null) {
            aspnet.close();
        }
        if (spring != null) {
            spring.close();
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        Waits.until(condition);
    }

    private static void setText(FxRobot robot, String query, String value) {
        robot.interact(() -> robot.lookup(query).<TextField>query().setText(value));
    }

    private static TableView<ApprovalRow> table(FxRobot robot) {
        return robot.lookup("#approvalsTable").query();
    }

    private static int rows(FxRobot robot) {
        return robot.lookup("#approvalsTable")
                .tryQuery()
                .map(n -> ((TableView<?>) n).getItems().size())
                .orElse(-1);
    }

    /** Welcome screen: name, URL and key; Verify reads the OpenAPI document first, then asks the server. */
    private void addConnection(FxRobot robot, String name, String url) throws Exception {
        waitUntil(() -> robot.lookup("#urlField").tryQuery().isPresent());
        setText(robot, "#connectionName", name);
        setText(robot, "#urlField", url);
        setText(robot, "#keyField", KEY);
        robot.clickOn("#verifyButton");
        waitUntil(() -> !text(robot, "#verifyResult").isEmpty()
                || !text(robot, "#welcomeError").isEmpty());
        assertThat(text(robot, "#welcomeError")).isEmpty();
        assertThat(text(robot, "#verifyResult")).startsWith("\u2713");
    }

    private void saveAndOpen(FxRobot robot, int pending) throws Exception {
        robot.clickOn("#saveButton");
        waitUntil(() -> rows(robot) == pending);
        robot.interact(() -> {
            table(robot).getSelectionModel().select(0);
            table(robot).requestFocus();
        });
        waitUntil(() -> table(robot).isFocused());
    }

    /** A (or R), a comment, Enter: the decision dialog sends it; the list re-reads the server. */
    private void decide(FxRobot robot, KeyCode choice, String comment, int pendingAfter) throws Exception {
        robot.type(choice);
        waitUntil(() -> robot.lookup("#decisionComment")
                .<TextArea>tryQuery()
                .map(TextArea::isFocused)
                .orElse(false));
        robot.targetWindow(robot.lookup("#decisionComment").query().getScene().getWindow());
        if (comment != null) {
            robot.write(comment);
        }
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#decisionSubmit").tryQuery().isEmpty());
        robot.targetWindow(stage);
        // no refresh pressed: the decided row leaves the list by itself, whatever the server answered (204 included)
        waitUntil(() -> rows(robot) == pendingAfter);
        robot.interact(() -> {
            table(robot).getSelectionModel().select(0);
            table(robot).requestFocus();
        });
        waitUntil(() -> table(robot).isFocused());
    }

    @Test
    void anAspNetLikeServerIsDiscoveredListedAndDecidedWithItsOwnFieldNames(FxRobot robot) throws Exception {
        aspnet = new AspNetLikeServer(KEY, 6);
        addConnection(robot, "aspnet", aspnet.uri().toString());
        assertThat(text(robot, "#discoveryResult"))
                .contains("/swagger/v1/swagger.json")
                .contains("X-Api-Token");
        assertThat(robot.lookup("#headerField").<TextField>query().getText()).isEqualTo(AspNetLikeServer.HEADER);
        FxShots.save(stage, "real-servers-welcome");

        saveAndOpen(robot, 6);
        Connection saved = env.keyService("aspnet").profile("aspnet");
        assertThat(saved.headerName()).isEqualTo(AspNetLikeServer.HEADER);
        assertThat(saved.dialectOrContract().headerGuessed()).isFalse();
        assertThat(saved.dialectOrContract().field("id")).isEqualTo("ApprovalId");
        assertThat(env.keyService("aspnet").storedKeyIfAny("aspnet")).isPresent();

        String firstTitle = table(robot).getItems().get(0).approval().title();
        decide(robot, KeyCode.A, null, 5); // answered 204: a success, and the list is read again
        JsonNode approved = aspnet.received.get(aspnet.received.size() - 1);
        assertThat(approved.has("ApprovalId"))
                .as("server's own name, in %s", approved)
                .isTrue();
        assertThat(approved.get("ApprovalId").isInt()).isTrue();
        assertThat(approved.get("Status").asText()).isEqualTo("Approved");
        assertThat(table(robot).getItems())
                .extracting(r -> r.approval().title())
                .doesNotContain(firstTitle);
        assertThat(robot.lookup("#troubleBanner")
                        .tryQuery()
                        .map(javafx.scene.Node::isVisible)
                        .orElse(false))
                .as("no failure shown after a 204")
                .isFalse();

        decide(robot, KeyCode.R, "Over budget", 4);
        JsonNode rejected = aspnet.received.get(aspnet.received.size() - 1);
        assertThat(rejected.get("Status").asText()).isEqualTo("Rejected");
        assertThat(rejected.get("Comment").asText()).isEqualTo("Over budget");
        assertThat(aspnet.received)
                .allSatisfy(b -> assertThat(b.has("id") || b.has("status")).isFalse());
    }

    @Test
    void theDialectIsShownInTheConnectionDetailsAndEditedThere(FxRobot robot) throws Exception {
        aspnet = new AspNetLikeServer(KEY, 2);
        addConnection(robot, "aspnet", aspnet.uri().toString());
        saveAndOpen(robot, 2);
        robot.push(KeyCode.CONTROL, KeyCode.COMMA);
        waitUntil(() -> robot.lookup("#settingsDialect").tryQuery().isPresent());
        assertThat(text(robot, "#settingsDialectSource"))
                .contains("/swagger/v1/swagger.json")
                .contains("id \u2192 ApprovalId");
        assertThat(text(robot, "#settingsDialectHeader")).contains("OpenAPI");
        robot.interact(() -> robot.lookup("#settingsDialect")
                .<javafx.scene.control.TitledPane>query()
                .setExpanded(true));
        assertThat(robot.lookup("#dialectField-id").<TextField>query().getText())
                .isEqualTo("ApprovalId");
        FxShots.save((Stage) robot.lookup("#settingsDialect").query().getScene().getWindow(), "real-servers-settings");

        // a zone that does not exist is said in the dialog, which keeps what was typed
        setText(robot, "#dialectField-comment", "Reason");
        setText(robot, "#dialectTimeZone", "Mars/Olympus");
        robot.clickOn("#settingsSave");
        waitUntil(() -> robot.lookup("#settingsDialectError")
                .tryQuery()
                .map(javafx.scene.Node::isVisible)
                .orElse(false));
        assertThat(text(robot, "#settingsDialectError")).contains("Mars/Olympus");
        assertThat(robot.lookup("#dialectField-comment").<TextField>query().getText())
                .isEqualTo("Reason");

        setText(robot, "#dialectTimeZone", "Europe/Berlin");
        robot.clickOn("#settingsSave");
        waitUntil(() -> "Reason"
                .equals(env.keyService("aspnet")
                        .profile("aspnet")
                        .dialectOrContract()
                        .field("comment")));
        var dialect = env.keyService("aspnet").profile("aspnet").dialectOrContract();
        assertThat(dialect.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(dialect.field("id")).isEqualTo("ApprovalId");
        assertThat(env.keyService("aspnet").profile("aspnet").headerName()).isEqualTo(AspNetLikeServer.HEADER);
        waitUntil(() -> rows(robot) == 2); // opened again with the new names
    }

    @Test
    void theServersFieldErrorsStandNextToTheFieldWithTheTraceIdInDetails(FxRobot robot) throws Exception {
        aspnet = new AspNetLikeServer(KEY, 2);
        aspnet.commentMaxLength = 10;
        aspnet.titleMaxLength = 8;
        addConnection(robot, "aspnet", aspnet.uri().toString());
        saveAndOpen(robot, 2);

        robot.type(KeyCode.A);
        waitUntil(() -> robot.lookup("#decisionComment")
                .<TextArea>tryQuery()
                .map(TextArea::isFocused)
                .orElse(false));
        robot.targetWindow(robot.lookup("#decisionComment").query().getScene().getWindow());
        robot.write("Fine by me, go ahead");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#commentError")
                .tryQuery()
                .map(javafx.scene.Node::isVisible)
                .orElse(false));
        assertThat(text(robot, "#commentError")).contains("maximum length of '10'");
        assertThat(robot.lookup("#decisionDetails").query().isVisible()).isTrue();
        assertThat(robot.lookup("#decisionDetailsText").<TextArea>query().getText())
                .contains("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")
                .contains("400");
        assertThat(robot.lookup("#decisionComment").<TextArea>query().getText()).isEqualTo("Fine by me, go ahead");
        robot.interact(() -> robot.lookup("#decisionDetails")
                .<javafx.scene.control.TitledPane>query()
                .setExpanded(true));
        FxShots.save((Stage) robot.lookup("#decisionDetails").query().getScene().getWindow(), "real-servers-decision");
        robot.interact(() -> robot.lookup("#decisionComment").<TextArea>query().setText("Fine"));
        assertThat(robot.lookup("#commentError").query().isVisible()).isFalse();
        robot.clickOn("#decisionSubmit");
        robot.targetWindow(stage);
        waitUntil(() -> rows(robot) == 1);

        robot.interact(() -> table(robot).requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> robot.lookup("#createTitle").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#createTitle").<TextField>query().setText("Laptop for Sam"));
        robot.clickOn("#createSubmit");
        waitUntil(() -> !text(robot, "#createTitleError").isEmpty());
        assertThat(text(robot, "#createTitleError")).contains("maximum length of '8'");
        assertThat(robot.lookup("#createDetailsText").<TextArea>query().getText())
                .contains("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
        robot.clickOn("#createTitle");
        robot.interact(() -> robot.lookup("#createTitle").<TextField>query().setText("Laptop"));
        assertThat(text(robot, "#createTitleError")).isEmpty();
        robot.clickOn("#createSubmit");
        waitUntil(() -> robot.lookup("#createTitle").tryQuery().isEmpty());
        assertThat(aspnet.received.get(aspnet.received.size() - 1).get("Title").asText())
                .isEqualTo("Laptop");
    }

    @Test
    void anEmptyRefusalOfAGuessedHeaderSaysToCheckTheHeaderName(FxRobot robot) throws Exception {
        aspnet = new AspNetLikeServer(KEY, 2);
        aspnet.publishSwagger = false;
        waitUntil(() -> robot.lookup("#urlField").tryQuery().isPresent());
        setText(robot, "#connectionName", "aspnet");
        setText(robot, "#urlField", aspnet.uri().toString());
        setText(robot, "#keyField", KEY);
        robot.clickOn("#verifyButton");
        waitUntil(() -> !text(robot, "#welcomeError").isEmpty());
        assertThat(text(robot, "#discoveryResult"))
                .startsWith("No OpenAPI document found")
                .contains("/swagger/v1/swagger.json")
                .contains("X-API-Key");
        assertThat(text(robot, "#welcomeError"))
                .contains("\u2018X-API-Key\u2019")
                .contains("assumed")
                .contains("header name");

        setText(robot, "#headerField", AspNetLikeServer.HEADER);
        robot.clickOn("#verifyButton");
        waitUntil(() -> !text(robot, "#verifyResult").isEmpty());
        saveAndOpen(robot, 2);
        Connection saved = env.keyService("aspnet").profile("aspnet");
        assertThat(saved.headerName()).isEqualTo(AspNetLikeServer.HEADER);
        assertThat(saved.dialectOrContract().headerGuessed())
                .as("the user gave it")
                .isFalse();
    }

    @Test
    void aSpringLikeServerIsDiscoveredAsBearerAndDecidedWithItsOwnFieldNames(FxRobot robot) throws Exception {
        spring = new SpringLikeServer(KEY, 7);
        addConnection(robot, "spring", spring.uri().toString());
        assertThat(text(robot, "#discoveryResult")).contains("/v3/api-docs").contains("Bearer");

        saveAndOpen(robot, 7); // three pages of three
        Connection saved = env.keyService("spring").profile("spring");
        assertThat(saved.authMode()).isEqualTo(AuthMode.BEARER);
        assertThat(env.keyService("spring").storedKeyIfAny("spring")).isPresent();

        decide(robot, KeyCode.A, null, 6);
        JsonNode approved = spring.received.get(spring.received.size() - 1);
        assertThat(approved.get("approvalId").asText()).matches("[0-9a-f-]{36}");
        assertThat(approved.get("decision").asText()).isEqualTo("APPROVED");

        decide(robot, KeyCode.R, "Not this quarter", 5);
        JsonNode rejected = spring.received.get(spring.received.size() - 1);
        assertThat(rejected.get("decision").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("comment").asText()).isEqualTo("Not this quarter");
    }

    @Test
    void theStatusBarSaysHowManyItemsWerePartlyReadOrSkipped(FxRobot robot) throws Exception {
        aspnet = new AspNetLikeServer(KEY, 3);
        aspnet.rawItems.add("{\"Title\": \"No id at all\", \"Status\": \"Pending\"}");
        aspnet.rawItems.add("{\"Id\": 99, \"Title\": \"Half read\", \"Status\": \"Pending\", \"DueDate\": \"soon\","
                + " \"CreatedAt\": {\"when\": \"yesterday\"}}");
        addConnection(robot, "aspnet", aspnet.uri().toString());
        saveAndOpen(robot, 4);
        waitUntil(() -> text(robot, "#statusRefreshed").contains("skipped"));
        assertThat(text(robot, "#statusRefreshed"))
                .contains("1 item partly read")
                .contains("1 item skipped (no id)");
        assertThat(table(robot).getItems())
                .extracting(r -> r.approval().title())
                .contains("Half read")
                .doesNotContain("No id at all");
    }

    @Test
    void aFailedListShowsTheServersTraceIdUnderDetails(FxRobot robot) throws Exception {
        aspnet = new AspNetLikeServer(KEY, 3);
        addConnection(robot, "aspnet", aspnet.uri().toString());
        saveAndOpen(robot, 3);
        aspnet.listFails = true;
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil(() ->
                robot.lookup("#bannerDetails").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn("#bannerDetails");
        waitUntil(() -> robot.lookup("#bannerDetailsText").tryQuery().isPresent());
        TextArea details = robot.lookup("#bannerDetailsText").queryAs(TextArea.class);
        assertThat(details.getText()).contains("HTTP status: 500").contains("00-5f1c-trace-01");
        // a dialog of the dialog service: the details wrap, and Esc closes it
        assertThat(details.isWrapText()).isTrue();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#bannerDetailsText").tryQuery().isEmpty());
    }
}
