package io.approvals.console.ui.fx;

import static io.approvals.console.ui.fx.Lookups.text;
import static io.approvals.console.ui.fx.Lookups.visible;
import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.app.DesktopEnvironment;
import io.approvals.console.config.AppPaths;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.testing.ReliabilityFigures;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.UiSandbox;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.main.ApprovalRow;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.UiSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window and its dialogs, driven by keyboard and mouse, against a real sandbox per test. */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {
    @TempDir
    Path dir;

    UiSandbox server;
    DesktopEnvironment env;
    FxBackground background;
    ConsoleUi ui;
    Stage stage;
    Approval laptop;
    Approval overdue;
    Approval urgent;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // the theme the app starts with (DesktopApp.start): without it every CSS pass logs unresolved colours
        // from the FX thread, work the real app never does, and the stall figures would measure that
        Themes.apply(UiSettings.ThemeChoice.LIGHT);
        server = new UiSandbox(dir.resolve("sandbox"), 0);
        laptop = server.create("New laptop for Dana", UiSandbox.OWNER, Priority.NORMAL, null);
        overdue = server.create(
                "Conference travel",
                "lee@example.com",
                Priority.LOW,
                Instant.now().minus(Duration.ofDays(2)));
        urgent = server.create("Server replacement", "lee@example.com", Priority.URGENT, null);
        env = new DesktopEnvironment(
                AppPaths.under(dir.resolve("home")), new SessionOnlyStore(), new HttpClientFactory());
        background = new FxBackground();
        ui = new ConsoleUi(stage, env, background, Clock.systemUTC(), "test");
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterAll
    static void defaultTheme() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(null))
                .get();
    }

    @AfterEach
    void stop() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(ui::stop).get();
        server.close();
        env.close();
        background.close();
    }

    private void open(FxRobot robot, ConsoleSession session) throws Exception {
        robot.interact(() -> {
            if (stage.getScene() == null) {
                stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 1280, 800));
            }
            ui.showMain(session);
        });
        waitUntil(() -> table(robot).getItems().size() == 3);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        Waits.until(condition);
    }

    private static TableView<ApprovalRow> table(FxRobot robot) {
        return robot.lookup("#approvalsTable").query();
    }

    private static List<String> shownTitles(FxRobot robot) {
        return table(robot).getItems().stream().map(r -> r.approval().title()).toList();
    }

    private void select(FxRobot robot, String id) {
        robot.interact(() -> ui.mainView().select(id));
    }

    @AfterEach
    void nothingBlockedTheUiThread() {
        assertThat(UiSandbox.FX_THREAD_CALLS)
                .as("API calls made on the JavaFX thread")
                .isEmpty();
    }

    /** The guard above is not vacuous: a call made on the JavaFX thread is seen. */
    @Test
    void theGuardSeesACallOnTheUiThread(FxRobot robot) {
        ConsoleSession session = server.adminSession();
        robot.interact(() -> session.api().listNotComplete(null, 1, null));
        assertThat(UiSandbox.FX_THREAD_CALLS).containsExactly("listNotComplete");
        UiSandbox.FX_THREAD_CALLS.clear();
    }

    /** Each shown row's title with what read takes from its cell in the column (rows where read gives null left out). */
    private static <T> java.util.Map<String, T> cells(
            FxRobot robot, String columnId, java.util.function.Function<javafx.scene.control.TableCell<?, ?>, T> read) {
        java.util.Map<String, T> out = new java.util.TreeMap<>();
        for (javafx.scene.control.TableCell<?, ?> c :
                robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class)) {
            if (c.getTableColumn() != null
                    && columnId.equals(c.getTableColumn().getId())
                    && c.getTableRow() != null
                    && c.getTableRow().getItem() instanceof ApprovalRow row) {
                T value = read.apply(c);
                if (value != null) {
                    out.put(row.approval().title(), value);
                }
            }
        }
        return out;
    }

    /** Titles of the rows whose Due cell shows as overdue (its pseudo-class), each with the cell's text colour. */
    private static java.util.Map<String, javafx.scene.paint.Paint> overdueDueCells(FxRobot robot, boolean overdue) {
        return cells(
                robot,
                "colDue",
                c -> c.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("overdue")) == overdue
                        ? c.getTextFill()
                        : null);
    }

    @Test
    void overdueDueCellsAreMarkedAndTheMarkFollowsTheRowsASearchShows(FxRobot robot) throws Exception {
        open(robot, server.adminSession());
        waitUntil(() -> overdueDueCells(robot, true).keySet().equals(java.util.Set.of("Conference travel")));
        javafx.scene.paint.Paint overdueFill = overdueDueCells(robot, true).get("Conference travel");
        assertThat(overdueDueCells(robot, false).values()).isNotEmpty().doesNotContain(overdueFill);
        robot.clickOn("#searchField").write("server");
        waitUntil(() -> table(robot).getItems().size() == 1);
        waitUntil(() -> overdueDueCells(robot, true).isEmpty()
                && overdueDueCells(robot, false).containsKey("Server replacement"));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> table(robot).getItems().size() == 3);
        waitUntil(() -> overdueDueCells(robot, true).keySet().equals(java.util.Set.of("Conference travel")));
        assertThat(overdueDueCells(robot, true).get("Conference travel")).isEqualTo(overdueFill);
    }

    @Test
    void clickingAColumnHeaderSortsByItAndClickingAgainReversesIt(FxRobot robot) throws Exception {
        open(robot, server.adminSession());
        List<String> urgentFirst = List.of("Server replacement", "New laptop for Dana", "Conference travel");
        List<String> lowFirst = List.of("Conference travel", "New laptop for Dana", "Server replacement");
        clickHeader(robot, "#colPriority");
        waitUntil(() -> shownTitles(robot).equals(urgentFirst));
        clickHeader(robot, "#colPriority");
        waitUntil(() -> shownTitles(robot).equals(lowFirst));
        clickHeader(robot, "#colTitle"); // A to Z, which here is low first as well
        waitUntil(() -> table(robot).getSortOrder().get(0).getId().equals("colTitle"));
        assertThat(shownTitles(robot)).isEqualTo(lowFirst);
        clickHeader(robot, "#colTitle");
        waitUntil(() -> shownTitles(robot).equals(urgentFirst));
    }

    /** Clicks a column's header and moves away, so that no header's tooltip lies over the next one. */
    private static void clickHeader(FxRobot robot, String columnId) {
        robot.clickOn(robot.lookup(columnId)
                .match(n -> n instanceof javafx.scene.control.skin.TableColumnHeader)
                .<Node>query());
        robot.moveTo("#searchField");
    }

    /** Each shown row's title with its priority chip's background, as styled now. */
    private static java.util.Map<String, javafx.scene.paint.Paint> chipBackgrounds(FxRobot robot) {
        return cells(
                robot,
                "colPriority",
                c -> c.getGraphic() instanceof javafx.scene.control.Label chip && chip.getBackground() != null
                        ? chip.getBackground().getFills().get(0).getFill()
                        : null);
    }

    @Test
    void priorityChipsAreColouredByPriorityAndTheColourFollowsTheRowsASearchShows(FxRobot robot) throws Exception {
        open(robot, server.adminSession());
        waitUntil(() -> chipBackgrounds(robot).size() == 3);
        java.util.Map<String, javafx.scene.paint.Paint> before = chipBackgrounds(robot);
        assertThat(new java.util.HashSet<>(before.values()))
                .as("low, normal, urgent")
                .hasSize(3);
        for (String search : List.of("server", "conference", "laptop")) {
            robot.clickOn("#searchField").write(search);
            waitUntil(() -> table(robot).getItems().size() == 1);
            robot.interact(() -> {});
            assertThat(chipBackgrounds(robot)).as(search).hasSize(1).allSatisfy((title, fill) -> assertThat(fill)
                    .isEqualTo(before.get(title)));
            robot.type(KeyCode.ESCAPE);
            waitUntil(() -> table(robot).getItems().size() == 3);
        }
        robot.interact(() -> {});
        assertThat(chipBackgrounds(robot)).isEqualTo(before);
    }

    @Test
    void searchAndQuickFiltersNarrowTheTable(FxRobot robot) throws Exception {
        open(robot, server.adminSession());
        assertThat(stage.getTitle()).isEqualTo("Approvals Console \u2014 test");
        assertThat(text(robot, "#overviewTotal")).isEqualTo("3 pending \u00b7 3 shown");
        robot.clickOn("#searchField").write("laptop");
        waitUntil(() -> table(robot).getItems().size() == 1);
        assertThat(shownTitles(robot)).containsExactly("New laptop for Dana");
        assertThat(text(robot, "#overviewTotal")).isEqualTo("3 pending \u00b7 1 shown");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> table(robot).getItems().size() == 3);
        robot.clickOn("#filterOverdue");
        assertThat(shownTitles(robot)).containsExactly("Conference travel");
        robot.clickOn("#filterOverdue").clickOn("#filterPressing");
        assertThat(shownTitles(robot)).containsExactly("Server replacement");
        robot.clickOn("#filterPressing").clickOn("#filterMine");
        assertThat(shownTitles(robot)).containsExactly("New laptop for Dana");
    }

    @Test
    void createsAnApprovalWithCtrlNAndSelectsIt(FxRobot robot) throws Exception {
        open(robot, server.adminSession());
        robot.clickOn("#approvalsTable");
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> robot.lookup("#createTitle").tryQuery().isPresent());
        robot.clickOn("#createTitle").write("Standing desk");
        robot.clickOn("#createDescription").write("For the new office");
        robot.clickOn("#createSubmit");
        waitUntil(() -> table(robot).getItems().size() == 4);
        waitUntil(() -> table(robot).getSelectionModel().getSelectedItem() != null);
        assertThat(table(robot).getSelectionModel().getSelectedItem().approval().title())
                .isEqualTo("Standing desk");
        assertThat(text(robot, "#detailTitle")).isEqualTo("Standing desk");
    }

    @Test
    void theDetailsFollowTheSelectionThroughASearchAndShowTheHintWhenNothingIsSelected(FxRobot robot) throws Exception {
        open(robot, server.adminSession());
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        String first =
                table(robot).getSelectionModel().getSelectedItem().approval().title();
        waitUntil(() ->
                visible(robot, "#detailTitle") && text(robot, "#detailTitle").equals(first));
        robot.clickOn("#searchField").write("no such approval");
        waitUntil(() -> table(robot).getItems().isEmpty());
        robot.interact(() -> {});
        assertThat(visible(robot, "#detailTitle")).as("no stale title").isFalse();
        assertThat(visible(robot, "#detailDescription")).isFalse();
        assertThat(visible(robot, "#detailHint")).isTrue();
        assertThat(text(robot, "#detailHint")).startsWith("Select an approval");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> table(robot).getItems().size() == 3);
        robot.interact(() -> table(robot).getSelectionModel().select(2));
        String third =
                table(robot).getSelectionModel().getSelectedItem().approval().title();
        waitUntil(() ->
                visible(robot, "#detailTitle") && text(robot, "#detailTitle").equals(third));
        assertThat(visible(robot, "#detailHint")).isFalse();
    }

    @Test
    void anInvalidTitleIsExplainedInlineAndCannotBeSent(FxRobot robot) throws Exception {
        open(robot, server.adminSession());
        robot.clickOn("#newButton");
        waitUntil(() -> robot.lookup("#createTitle").tryQuery().isPresent());
        robot.clickOn("#createTitle").write("x").type(KeyCode.BACK_SPACE);
        waitUntil(() -> robot.lookup("#createTitleError").query().isVisible());
        assertThat(text(robot, "#createTitleError")).isEqualTo("A title is needed.");
        assertThat(robot.lookup("#createSubmit").<Button>query().isDisabled()).isTrue();
        // pasted, not typed: the robot types slowly
        robot.interact(() -> robot.lookup("#createTitle")
                .<javafx.scene.control.TextField>query()
                .setText("t".repeat(201)));
        waitUntil(() -> text(robot, "#createTitleError").contains("1 too many"));
        assertThat(robot.lookup("#createSubmit").<Button>query().isDisabled()).isTrue();
    }

    @Test
    void aCreateThatFailedOfflineIsRetriedIntoExactlyOneApproval(FxRobot robot) throws Exception {
        open(robot, server.adminSession());
        robot.clickOn("#newButton");
        waitUntil(() -> robot.lookup("#createTitle").tryQuery().isPresent());
        robot.clickOn("#createTitle").write("Only once");
        server.stop();
        robot.clickOn("#createSubmit");
        waitUntil(() -> robot.lookup("#createError").query().isVisible());
        assertThat(text(robot, "#createError")).contains("cannot be reached").contains("will not create a duplicate");
        assertThat(robot.lookup("#createTitle")
                        .<javafx.scene.control.TextField>query()
                        .getText())
                .isEqualTo("Only once");
        server.restart();
        robot.clickOn("#createSubmit");
        waitUntil(() -> table(robot).getItems().size() == 4);
        long created = server.admin().listNotComplete(null, 1000, null).items().stream()
                .filter(a -> a.title().equals("Only once"))
                .count();
        assertThat(created).isEqualTo(1);
    }

    @Test
    void approvesWithTheAKey(FxRobot robot) throws Exception {
        open(robot, server.adminSession());
        select(robot, laptop.id());
        robot.type(KeyCode.A);
        waitUntil(() -> robot.lookup("#decisionSubmit").tryQuery().isPresent());
        assertThat(text(robot, "#decisionSubmit")).isEqualTo("Approve");
        robot.clickOn("#decisionSubmit");
        // the decided row shows as approved, then fades out and leaves the table
        waitUntil(() -> ui.mainView().viewModel().rowById(laptop.id()).isEmpty());
        assertThat(server.admin().listNotComplete(null, 100, null).items()).noneMatch(a -> a.id().equals(laptop.id()));
    }

    @Test
    void rejectingNeedsAComment(FxRobot robot) throws Exception {
        open(robot, server.adminSession());
        select(robot, urgent.id());
        robot.type(KeyCode.R);
        waitUntil(() -> robot.lookup("#decisionSubmit").tryQuery().isPresent());
        assertThat(text(robot, "#decisionSubmit")).isEqualTo("Reject");
        assertThat(robot.lookup("#decisionSubmit").<Button>query().isDisabled()).isTrue();
        robot.clickOn("#decisionComment").write("Not this quarter");
        waitUntil(() -> !robot.lookup("#decisionSubmit").<Button>query().isDisabled());
        robot.clickOn("#decisionSubmit");
        waitUntil(() -> ui.mainView().viewModel().rowById(urgent.id()).isEmpty());
        assertThat(server.admin().listNotComplete(null, 100, null).items()).noneMatch(a -> a.id().equals(urgent.id()));
    }

    @Test
    void aConflictShowsWhoDecidedAndUpdatesTheRow(FxRobot robot) throws Exception {
        open(robot, server.adminSession());
        server.admin().updateStatus(new UpdateStatusRequest(overdue.id(), ApprovalStatus.APPROVED, "done", null));
        select(robot, overdue.id());
        robot.type(KeyCode.A);
        waitUntil(() -> robot.lookup("#decisionSubmit").tryQuery().isPresent());
        robot.clickOn("#decisionSubmit");
        waitUntil(() -> robot.lookup("#conflictText").query().isVisible());
        assertThat(text(robot, "#conflictText"))
                .contains("approved by admin@localhost")
                .contains("Nothing was changed");
        assertThat(text(robot, "#decisionCancel")).isEqualTo("Close");
        // the row learns it was approved elsewhere, so it leaves the queue
        waitUntil(() -> ui.mainView().viewModel().rowById(overdue.id()).isEmpty());
    }

    @Test
    void bulkApprovesTwentyWithOneConflict(FxRobot robot) throws Exception {
        for (int i = 1; i <= 17; i++) {
            server.create("Bulk " + i, null, Priority.NORMAL, null);
        }
        robot.interact(() -> {
            if (stage.getScene() == null) { // when this test runs first (or alone)
                stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 1280, 800));
            }
            ui.showMain(server.adminSession());
        });
        waitUntil(() -> table(robot).getItems().size() == 20);
        server.admin().updateStatus(new UpdateStatusRequest(urgent.id(), ApprovalStatus.APPROVED, null, null));
        robot.clickOn("#approvalsTable");
        robot.interact(() -> table(robot).getSelectionModel().selectAll());
        robot.clickOn("#approveButton");
        waitUntil(() -> robot.lookup("#bulkSubmit").tryQuery().isPresent());
        robot.clickOn("#bulkComment").write("Quarter end");
        // twenty decisions go out while the window keeps drawing: the FX thread's own stall is measured
        FxStallMeter meter = FxStallMeter.start(robot);
        FxStallMeter.Result stalls;
        try {
            robot.clickOn("#bulkSubmit");
            waitUntil(() -> text(robot, "#bulkSummary").startsWith("19 approved"));
        } finally {
            stalls = meter.stop(robot);
        }
        FxStallMeter.Gap worstRaw = stalls.worstRaw();
        new ReliabilityFigures(
                        "ui-bulk",
                        "Desktop UI approving twenty at once: gaps between JavaFX pulses and the "
                                + "part the UI's own threads caused (bound 100 ms)")
                .put("decisions", 20)
                .put("pulseGapsMeasured", stalls.gapsMs().size())
                .put("maxFxGapMs", Math.round(stalls.maxRawMs() * 10) / 10.0)
                .put("maxAttributableStallMs", Math.round(stalls.maxAttributableMs() * 10) / 10.0)
                .put("maxControlOversleepMs", Math.round(stalls.maxControlOversleepMs() * 10) / 10.0)
                .put("largestGapTakenApart", worstRaw == null ? null : worstRaw.figures())
                .write();
        assertThat(stalls.maxAttributableMs())
                .as("largest stall of the FX thread itself (ms): %s", stalls.worstAttributable())
                .isLessThanOrEqualTo(100.0);
        assertThat(text(robot, "#bulkSummary")).isEqualTo("19 approved \u00b7 1 already decided by someone else.");
        // the one that needs the user is pinned at the top, with who decided it
        TableView<?> results = robot.lookup("#bulkTable").query();
        assertThat(((io.approvals.console.ui.dialogs.BulkItem)
                                results.getItems().get(0))
                        .approval()
                        .id())
                .isEqualTo(urgent.id());
        assertThat(((io.approvals.console.ui.dialogs.BulkItem)
                                results.getItems().get(0))
                        .messageProperty()
                        .get())
                .contains("approved by admin@localhost");
        assertThat(robot.lookup("#bulkSubmit").<Button>query().isDisabled()).isTrue();
        assertThat(server.admin().listNotComplete(null, 100, null).items()).isEmpty();
    }

    @Test
    void aReadOnlyKeyDisablesEveryActionThatWrites(FxRobot robot) throws Exception {
        ApiKey key = server.key("reader@example.com", "read");
        open(robot, server.session(key, "reader@example.com", List.of("read")));
        select(robot, laptop.id());
        assertThat(robot.lookup("#newButton").<Button>query().isDisabled()).isTrue();
        assertThat(robot.lookup("#approveButton").<Button>query().isDisabled()).isTrue();
        assertThat(robot.lookup("#rejectButton").<Button>query().isDisabled()).isTrue();
        Node holder = robot.lookup("#approveButton").query().getParent();
        assertThat((String) holder.getProperties().get("tooltipText")).contains("no \u2018write\u2019 scope");
        // the tooltip itself is made when the pointer first comes over the (disabled) button's holder
        robot.moveTo(holder);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((Tooltip) holder.getProperties().get("javafx.scene.control.Tooltip")).getText())
                .contains("no \u2018write\u2019 scope");
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#decisionSubmit").tryQuery()).isEmpty();
        // a keyboard user sees why A did nothing (the tooltip is only for the pointer)
        assertThat(robot.lookup("#snackbar").query().isVisible()).isTrue();
        assertThat(text(robot, "#snackbarText")).contains("no \u2018write\u2019 scope");
        assertThat(text(robot, "#statusKey")).contains("read").doesNotContain(key.reveal());
    }

    @Test
    void aRevokedKeyShowsTheReplaceKeyBanner(FxRobot robot) throws Exception {
        ApiKey key = server.key("revoked@example.com", "read", "write");
        open(robot, server.session(key, "revoked@example.com", List.of("read", "write")));
        String id = server.admin().listAllKeys().stream()
                .filter(k -> k.owner().equals("revoked@example.com"))
                .findFirst()
                .orElseThrow()
                .id();
        server.admin().revokeKey(id);
        assertThat(robot.lookup("#refreshButton").<Button>query().getTooltip())
                .as("made on first hover")
                .isNull();
        robot.clickOn("#refreshButton");
        assertThat(robot.lookup("#refreshButton").<Button>query().getTooltip().getText())
                .isEqualTo("Refresh (F5)");
        waitUntil(() -> robot.lookup("#troubleBanner").query().isVisible());
        assertThat(text(robot, "#bannerText")).isEqualTo("The key was rejected \u2014 it may be revoked or expired.");
        assertThat(text(robot, "#bannerAction")).isEqualTo("Replace key\u2026");
        assertThat(text(robot, "#statusKey")).as("the status bar agrees").endsWith("rejected by the server");
        assertThat(table(robot).getItems()).hasSize(3);
    }

    @Test
    void offlineShowsABannerAndStaleDataThenRecovers(FxRobot robot) throws Exception {
        open(robot, server.adminSession());
        server.stop();
        robot.clickOn("#approvalsTable");
        robot.type(KeyCode.F5);
        waitUntil(() -> robot.lookup("#troubleBanner").query().isVisible());
        assertThat(text(robot, "#bannerText")).startsWith("Offline: the server cannot be reached. Retrying in");
        assertThat(robot.lookup("#staleLabel").query().isVisible()).isTrue();
        assertThat(text(robot, "#staleLabel")).startsWith("Offline: showing the list as of");
        assertThat(table(robot).getItems()).hasSize(3);
        server.restart();
        robot.clickOn("#bannerAction");
        waitUntil(() -> !robot.lookup("#troubleBanner").query().isVisible());
        assertThat(robot.lookup("#staleLabel").query().isVisible()).isFalse();
        assertThat(table(robot).getItems()).hasSize(3);
    }
}
