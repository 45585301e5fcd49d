package io.approvals.console.ui.fx;

import static io.approvals.console.ui.fx.Lookups.text;
import static io.approvals.console.ui.fx.Lookups.visible;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.approvals.console.app.DesktopEnvironment;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.KeyStatus;
import io.approvals.console.credentials.SecretServiceAssumptions;
import io.approvals.console.credentials.TimeoutSecretStore;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.testing.CliProcess;
import io.approvals.console.testing.RotationWorld;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.main.ApprovalRow;
import io.approvals.console.ui.main.KeyWatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app running while the command line (a process of its own, the same real Secret Service) rotates the key of
 * its connection: the window takes the new key without a restart, keeps its search, sort, selection and an open
 * decision with its comment, and says so in the status bar; a rotation killed (SIGKILL) after any step leaves one
 * working key, which the window takes once it looks; a key left Expiring by a lost answer stays on a banner
 * whose action fixes it.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(ApplicationExtension.class)
class KeyFromAnotherProgramUiTest {
    private static final Duration LONG = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    RotationWorld world;
    DesktopEnvironment env;
    FxBackground background;
    ConsoleUi ui;

    @BeforeAll
    static void privateKeyringOnly() {
        boolean privateKeyring = "1".equals(System.getenv("APPROVALS_IN_TEST_SESSION"));
        assumeTrue(privateKeyring || SecretServiceAssumptions.isCi(), "needs the throwaway keyring of scripts/test.sh");
        SecretServiceAssumptions.requireOsKeychain();
    }

    @Start
    void start(Stage stage) {
        try {
            world = RotationWorld.start(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env = new DesktopEnvironment(
                io.approvals.console.config.AppPaths.under(world.home),
                new TimeoutSecretStore(world.keychain),
                new HttpClientFactory());
        background = new FxBackground();
        ui = new ConsoleUi(stage, env, background, Clock.systemUTC(), "test");
        ui.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (ui != null) {
            org.testfx.api.FxToolkit.cleanupStages();
            WaitForAsyncUtils.asyncFx(ui::stop).get();
            env.close();
            background.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    @Timeout(300)
    void aRoutineRotationInATerminalIsTakenInPlaceKeepingSearchSortAndSelection(FxRobot robot) throws Exception {
        awaitRows(robot);
        TableView<ApprovalRow> table = table(robot);
        ApprovalRow chosen = table.getItems().get(1);
        String word = chosen.approval().title().split(" ")[0];
        robot.interact(() -> {
            TableColumn<ApprovalRow, ?> column = table.getColumns().get(1);
            table.getSortOrder().setAll(List.of(column));
            robot.lookup("#searchField").<TextField>query().setText(word);
            table.getSelectionModel().select(chosen);
        });
        List<String> shownBefore = ids(table);
        KeyWatch watch = ui.keyWatch().orElseThrow();

        CliProcess rotate =
                CliProcess.run(world.home, dir, "rotate", "key", "rotate", "--profile", world.profile, "--grace", "1h");
        assertThat(rotate.exitCode(LONG)).as(rotate.err()).isZero();
        ApiKey fresh = world.stored().orElseThrow();
        robot.interact(() -> watch.look(KeyWatch.Cause.ELSEWHERE)); // what focus, a 401 or the minute's look do

        Waits.until(() -> text(robot, "#statusKeyNotice")
                .equals("Key replaced from another program, fingerprint " + fresh.fingerprint()));
        assertThat(text(robot, "#statusKey")).contains(fresh.masked()).doesNotContain(fresh.reveal());
        assertThat(robot.lookup("#searchField").<TextField>query().getText()).isEqualTo(word);
        assertThat(table.getSortOrder()).hasSize(1);
        assertThat(table.getSelectionModel().getSelectedItem().id()).isEqualTo(chosen.id());
        assertThat(ids(table)).isEqualTo(shownBefore);
        assertThat(ui.mainView().viewModel().session().key().fingerprint()).isEqualTo(fresh.fingerprint());
        assertThat(visible(robot, "#keyAttentionBanner")).isFalse();
        FxShots.save(ui.stage(), "key-replaced");
    }

    @Test
    @Timeout(300)
    void aCompromisedRotationIsTakenOnTheNext401AndAnOpenDecisionKeepsItsComment(FxRobot robot) throws Exception {
        awaitRows(robot);
        ApprovalRow chosen = table(robot).getItems().get(0);
        robot.interact(() -> ui.mainView().select(chosen.id()));
        robot.type(KeyCode.R);
        Waits.until(() -> robot.lookup("#decisionSubmit").tryQuery().isPresent());
        robot.clickOn("#decisionComment").write("Not this quarter");

        CliProcess rotate =
                CliProcess.run(world.home, dir, "rotate", "key", "rotate", "--profile", world.profile, "--compromised");
        assertThat(rotate.exitCode(LONG)).as(rotate.err()).isZero();
        ApiKey fresh = world.stored().orElseThrow();

        // the old key is dead: sending the decision meets a 401, which makes the main window look
        robot.clickOn("#decisionSubmit");
        Waits.until(() -> text(robot, "#statusKeyNotice")
                .equals("Key replaced from another program, fingerprint " + fresh.fingerprint()));
        Waits.until(() -> !visible(robot, "#troubleBanner"));
        // the draft is still there and now goes out with the new key
        assertThat(robot.lookup("#decisionComment")
                        .<javafx.scene.control.TextInputControl>query()
                        .getText())
                .isEqualTo("Not this quarter");
        Waits.until(() -> !robot.lookup("#decisionSubmit").<Button>query().isDisabled());
        robot.clickOn("#decisionSubmit");
        Waits.until(() -> WaitForAsyncUtils.asyncFx(() -> ui.mainView()
                                .viewModel()
                                .rowById(chosen.id())
                                .orElseThrow()
                                .status())
                        .get()
                == ApprovalStatus.REJECTED);
        assertThat(world.ask(fresh).status()).isEqualTo(KeyStatus.ACTIVE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> world.ask(world.firstKey))
                .isInstanceOf(io.approvals.console.client.ApiException.Unauthorized.class);
    }

    @ParameterizedTest(name = "killed after {0}")
    @ValueSource(strings = {"prepare", "regenerate", "storePending", "verify", "promote", "removePending"})
    @Timeout(300)
    void aRotationKilledAfterAnyStepLeavesOneWorkingKeyWhichTheWindowTakes(String step, FxRobot robot)
            throws Exception {
        awaitRows(robot);
        int rows = table(robot).getItems().size();
        CliProcess rotate = world.cli(dir, "rotate")
                .pausingAfter(step)
                .start("key", "rotate", "--profile", world.profile, "--grace", "1h");
        assertThat(rotate.awaitPaused(LONG)).as(rotate.err()).isTrue();
        rotate.kill9();

        KeyWatch watch = ui.keyWatch().orElseThrow();
        robot.interact(() -> watch.look(KeyWatch.Cause.ELSEWHERE));
        Waits.until(() -> world.pending().isEmpty()
                && world.stored()
                        .map(k -> ui.mainView()
                                .viewModel()
                                .session()
                                .key()
                                .fingerprint()
                                .equals(k.fingerprint()))
                        .orElse(false));
        ApiKey stored = world.stored().orElseThrow();
        robot.interact(() -> ui.mainView().viewModel().refresh());
        Waits.until(() -> !ui.mainView().viewModel().refreshingProperty().get());
        assertThat(visible(robot, "#troubleBanner")).isFalse();
        assertThat(table(robot).getItems()).hasSize(rows);
        assertThat(world.lockHeld())
                .as("the dead owner's claim was taken over and given back")
                .isFalse();

        if (step.equals("regenerate")) {
            // the answer with the new key died with the process: the old key works, Expiring, until fixed
            assertThat(stored.matches(world.firstKey)).isTrue();
            assertThat(world.ask(stored).status()).isEqualTo(KeyStatus.EXPIRING);
            Waits.until(() -> visible(robot, "#keyAttentionBanner"));
            assertThat(text(robot, "#keyAttentionText")).contains("is Expiring", stored.fingerprint());
            assertThat(text(robot, "#keyAttentionAction")).isEqualTo("Rotate again now");
            FxShots.save(ui.stage(), "key-expiring-banner");
            robot.clickOn("#keyAttentionAction");
            Waits.until(() -> !visible(robot, "#keyAttentionBanner")
                    && text(robot, "#statusKeyNotice").startsWith("Key replaced, fingerprint "));
            ApiKey again = world.stored().orElseThrow();
            assertThat(world.ask(again).status()).isEqualTo(KeyStatus.ACTIVE);
            assertThat(text(robot, "#statusKeyNotice")).isEqualTo("Key replaced, fingerprint " + again.fingerprint());
        } else {
            assertThat(world.ask(stored).status()).isEqualTo(KeyStatus.ACTIVE);
            assertThat(visible(robot, "#keyAttentionBanner")).isFalse();
            if (!step.equals("prepare")) {
                assertThat(stored.matches(world.firstKey))
                        .as("the rotation's new key was kept")
                        .isFalse();
            }
        }
    }

    @Test
    @Timeout(300)
    void aCompromisedRotationKilledInTheWindowNoClientCanCloseStaysOnABannerUntilTheKeyIsReplaced(FxRobot robot)
            throws Exception {
        awaitRows(robot);
        CliProcess rotate = world.cli(dir, "rotate")
                .pausingAfter("regenerate")
                .start("key", "rotate", "--profile", world.profile, "--compromised");
        assertThat(rotate.awaitPaused(LONG)).as(rotate.err()).isTrue();
        rotate.kill9();

        robot.interact(() -> ui.keyWatch().orElseThrow().look(KeyWatch.Cause.ELSEWHERE));
        Waits.until(() -> visible(robot, "#keyAttentionBanner"));
        assertThat(text(robot, "#keyAttentionText"))
                .contains("The server refused the stored key", world.firstKey.fingerprint());
        assertThat(text(robot, "#keyAttentionAction")).isEqualTo("Replace key\u2026");
        assertThat(world.pending()).isEmpty();
        FxShots.save(ui.stage(), "key-refused-banner");

        // the look again (focus, the minute's look): the banner stays until a working key is stored
        robot.interact(() -> ui.keyWatch().orElseThrow().look(KeyWatch.Cause.ELSEWHERE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot, "#keyAttentionBanner")).isTrue();

        robot.clickOn("#keyAttentionAction");
        Waits.until(() -> robot.lookup("#replaceKeyField").tryQuery().isPresent());
        ApiKey issued = world.sandbox.issueKeyForTests(
                "again", world.profile + "@example.com", java.util.Set.of("read", "write"), null);
        robot.interact(() -> robot.lookup("#replaceKeyField").<TextField>query().setText(issued.reveal()));
        robot.clickOn("#replaceKeySave");
        Waits.until(() -> !visible(robot, "#keyAttentionBanner")
                && text(robot, "#statusKey").contains(issued.masked()));
    }

    private void awaitRows(FxRobot robot) throws Exception {
        Waits.until(() -> robot.lookup("#approvalsTable")
                .tryQuery()
                .map(n -> ((TableView<?>) n).getItems().size() > 2)
                .orElse(false));
        Waits.until(() -> ui.keyWatch().isPresent());
    }

    private static TableView<ApprovalRow> table(FxRobot robot) {
        return robot.lookup("#approvalsTable").query();
    }

    private static List<String> ids(TableView<ApprovalRow> table) {
        return table.getItems().stream().map(ApprovalRow::id).toList();
    }
}
