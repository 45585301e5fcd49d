package io.approvals.console.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.app.DesktopEnvironment;
import io.approvals.console.config.AppPaths;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.UiSandbox;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.main.ApprovalRow;
import io.approvals.console.ui.session.UiSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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

/** The approver's day, keyboard only: approve-and-next through a seeded queue, comments, quick approve with undo. */
@ExtendWith(ApplicationExtension.class)
class ApproverFlowUiTest {
    @TempDir
    Path dir;

    UiSandbox server;
    DesktopEnvironment env;
    FxBackground background;
    ConsoleUi ui;
    Stage stage;
    int keys;
    final FocusMoves focusMoves = new FocusMoves();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Themes.apply(UiSettings.ThemeChoice.LIGHT);
        server = new UiSandbox(dir.resolve("sandbox"), 50);
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
        assertThat(UiSandbox.FX_THREAD_CALLS)
                .as("API calls made on the JavaFX thread")
                .isEmpty();
    }

    private void open(FxRobot robot) throws Exception {
        open(robot, false);
    }

    /**
     * Opens the main window on the 50 approvals. Only the start-up test insists that the table took the focus by
     * itself (the app keeps it there until the first input: FocusUntilInput, docs/ui.md "Known: focus at start");
     * the others give the window the system's focus when the test's window system left it elsewhere.
     */
    private void open(FxRobot robot, boolean focusedByItself) throws Exception {
        robot.interact(() -> {
            if (stage.getScene() == null) {
                stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 1280, 800));
            }
            if (focusedByItself) {
                focusMoves.record(stage.getScene());
            }
            ui.showMain(server.adminSession());
        });
        waitUntil(() -> table(robot).getItems().size() == 50);
        if (focusedByItself) {
            // the app's promise: the table is the window's focus owner. Node.isFocused also needs the window to have
            // the system's focus, which a test's window system may give to an earlier window (seen in CI).
            try {
                waitUntil(() -> table(robot).getSelectionModel().getSelectedIndex() == 0
                        && stage.getScene().getFocusOwner() == table(robot));
            } catch (java.util.concurrent.TimeoutException e) {
                // a rare failure in full CI runs (docs/ui.md, "Known: focus at start"): say which half of it
                throw new AssertionError("at start: selected index "
                        + table(robot).getSelectionModel().getSelectedIndex() + ", focus owner "
                        + stage.getScene().getFocusOwner() + ", stage focused " + stage.isFocused()
                        + "; focus moves:\n" + focusMoves);
            }
            if (!stage.isFocused()) {
                robot.interact(stage::requestFocus);
            }
            waitUntil(() -> table(robot).isFocused());
            return;
        }
        waitUntil(() -> table(robot).getSelectionModel().getSelectedIndex() == 0);
        if (!table(robot).isFocused()) {
            robot.interact(() -> table(robot).requestFocus());
        }
        waitUntil(() -> table(robot).isFocused());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        Waits.until(condition);
    }

    private static TableView<ApprovalRow> table(FxRobot robot) {
        return robot.lookup("#approvalsTable").query();
    }

    private void press(FxRobot robot, KeyCode... combination) {
        keys++;
        if (combination.length == 1) {
            robot.type(combination[0]);
        } else {
            robot.push(combination);
        }
    }

    /**
     * R on the table: the decision dialog open with the focus in its comment, and the robot writing into its window
     * (write() types into the robot's target window, not the focused one). Returns that window.
     */
    private static javafx.stage.Window rejectDialog(FxRobot robot) throws Exception {
        robot.type(KeyCode.R);
        untilCommentFocused(robot);
        javafx.stage.Window w =
                robot.lookup("#decisionComment").query().getScene().getWindow();
        robot.targetWindow(w);
        return w;
    }

    /** The decision dialog is open with the focus in its comment, where typing goes. */
    private static void untilCommentFocused(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#decisionComment")
                .<TextArea>tryQuery()
                .map(TextArea::isFocused)
                .orElse(false));
    }

    private static ApprovalRow selected(FxRobot robot) {
        return table(robot).getSelectionModel().getSelectedItem();
    }

    /** The approval as the server holds it: a decision for a version that never exists changes nothing, and its 409 says. */
    private io.approvals.console.contract.Approval current(String id) {
        try {
            server.admin()
                    .updateStatus(new io.approvals.console.contract.UpdateStatusRequest(
                            id, ApprovalStatus.APPROVED, null, 999_999L));
            throw new AssertionError("a decision for version 999999 was accepted");
        } catch (io.approvals.console.client.ApiException.Conflict c) {
            return c.current();
        }
    }

    private int pendingOnServer() {
        return server.admin().listNotComplete(null, 1000, null).items().size();
    }

    @Test
    void theFirstRowIsSelectedAtStartAndTheFirstDownGoesToRowTwo(FxRobot robot) throws Exception {
        open(robot, true);
        ApprovalRow second = table(robot).getItems().get(1);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected(robot)).isSameAs(second);
    }

    @Test
    void fiftyApprovalsAreClearedWithTwoKeyPressesEach(FxRobot robot) throws Exception {
        open(robot);
        int decisions = 0;
        while (table(robot).getItems().stream().anyMatch(ApprovalRow::isPending)) {
            ApprovalRow row = selected(robot);
            assertThat(row)
                    .as("a pending row is selected after %d decisions", decisions)
                    .isNotNull();
            assertThat(row.isPending()).isTrue();
            press(robot, KeyCode.A);
            untilCommentFocused(robot);
            press(robot, KeyCode.ENTER);
            decisions++;
            String id = row.id();
            waitUntil(() -> robot.lookup("#decisionSubmit").tryQuery().isEmpty()
                    && ui.mainView()
                            .viewModel()
                            .rowById(id)
                            .map(r -> !r.isPending())
                            .orElse(true)
                    && (table(robot).getItems().stream().noneMatch(ApprovalRow::isPending)
                            || selected(robot) != null
                                    && selected(robot).isPending()
                                    && table(robot).isFocused()));
        }
        waitUntil(() -> table(robot).getItems().isEmpty());
        assertThat(decisions).isEqualTo(50);
        assertThat((double) keys / decisions).as("key presses per decision").isLessThanOrEqualTo(2.0);
        assertThat(pendingOnServer()).isZero();
    }

    @Test
    void aDecisionFillsOnlyItsOwnRowAgainAndTheDetailsShowTheNextRow(FxRobot robot) throws Exception {
        open(robot);
        ApprovalRow decided = selected(robot);
        ApprovalRow next = table(robot).getItems().get(1);
        assertThat(next.isPending()).isTrue();
        // What each visible row is given from now on, up to the first frame that shows the decided row decided (the
        // row leaves the list 0.7 s later, and the rows under it move up then, as they should).
        List<String> given = new CopyOnWriteArrayList<>();
        CompletableFuture<List<String>> untilShownDecided = new CompletableFuture<>();
        robot.interact(() -> {
            for (Node n : table(robot).lookupAll(".table-row-cell")) {
                @SuppressWarnings("unchecked")
                TableRow<ApprovalRow> r = (TableRow<ApprovalRow>) n;
                r.itemProperty().addListener((o, was, now) -> given.add(id(was) + " -> " + id(now)));
            }
            Runnable shownDecided = new Runnable() {
                @Override
                public void run() {
                    boolean shown = table(robot).lookupAll(".table-row-cell").stream()
                            .map(n -> ((TableRow<?>) n).getItem())
                            .anyMatch(item ->
                                    item instanceof ApprovalRow r && r.id().equals(decided.id()) && !r.isPending());
                    if (shown) {
                        untilShownDecided.complete(List.copyOf(given));
                        stage.getScene().removePostLayoutPulseListener(this);
                    }
                }
            };
            stage.getScene().addPostLayoutPulseListener(shownDecided);
        });
        press(robot, KeyCode.A);
        untilCommentFocused(robot);
        press(robot, KeyCode.ENTER);
        List<String> beforeItLeft = untilShownDecided.get(10, TimeUnit.SECONDS);
        assertThat(beforeItLeft)
                .as("the rows given new items up to the frame that shows the decision")
                .containsExactly(decided.id() + " -> " + decided.id());
        waitUntil(() -> selected(robot) != null && selected(robot).id().equals(next.id()));
        waitUntil(
                () -> Lookups.text(robot, "#detailTitle").equals(next.approval().title()));
    }

    @Test
    void aSelectedRowReplacedByANewVersionOfItselfShowsThatVersion(FxRobot robot) throws Exception {
        open(robot);
        ApprovalRow row = selected(robot);
        io.approvals.console.contract.Approval a = row.approval();
        // as a 409 answers it: still pending, changed (here its title) by someone else
        io.approvals.console.contract.Approval changed = new io.approvals.console.contract.Approval(
                a.id(),
                "Changed elsewhere",
                a.description(),
                a.requester(),
                a.approver(),
                a.priority(),
                a.dueAt(),
                a.status(),
                a.createdAt(),
                a.updatedAt(),
                a.decidedBy(),
                a.decidedAt(),
                a.comment(),
                a.version() + 1,
                a.raw());
        robot.interact(() -> ui.mainView().viewModel().replace(changed));
        waitUntil(() -> Lookups.text(robot, "#detailTitle").equals("Changed elsewhere"));
        assertThat(selected(robot).approval()).isEqualTo(changed);
        assertThat(table(robot).getSelectionModel().getSelectedItems()).containsExactly(selected(robot));
        assertThat(table(robot).getFocusModel().getFocusedItem()).isSameAs(selected(robot));
        assertThat(table(robot).getItems().get(table(robot).getSelectionModel().getSelectedIndex()))
                .isSameAs(selected(robot));
    }

    @Test
    void aStoppedMainWindowLeavesItsDecidedRowsAlone(FxRobot robot) throws Exception {
        open(robot);
        var vm = ui.mainView().viewModel();
        ApprovalRow row = selected(robot);
        io.approvals.console.contract.Approval decided = server.admin()
                .updateStatus(new io.approvals.console.contract.UpdateStatusRequest(
                        row.id(), ApprovalStatus.APPROVED, null, row.approval().version()));
        robot.interact(() -> {
            vm.replace(decided);
            ui.stop(); // as when the window closes or another main window replaces it, within the row's fade
        });
        Thread.sleep(1500); // past the 0.7 s after which a decided row leaves a live window's list
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.rows())
                .filteredOn(r -> r.id().equals(row.id()))
                .singleElement()
                .matches(r -> !r.isPending(), "shown decided, not removed");
    }

    private static String id(ApprovalRow row) {
        return row == null ? "none" : row.id();
    }

    @Test
    void aCommentIsTypedAtOnceEnterSendsItAndShiftEnterAddsALine(FxRobot robot) throws Exception {
        open(robot);
        ApprovalRow row = selected(robot);
        rejectDialog(robot);
        robot.write("Over budget");
        robot.push(KeyCode.SHIFT, KeyCode.ENTER);
        robot.write("next year");
        assertThat(robot.lookup("#decisionComment").<TextArea>query().getText()).isEqualTo("Over budget\nnext year");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> ui.mainView()
                .viewModel()
                .rowById(row.id())
                .map(r -> !r.isPending())
                .orElse(true));
        assertThat(current(row.id()).status()).isEqualTo(ApprovalStatus.REJECTED);
        // read back through the client: a comment keeps its lines (ServerText.cleanLines)
        assertThat(current(row.id()).comment()).isEqualTo("Over budget\nnext year");
    }

    @Test
    void whatWasTypedAndLeftUnsentIsThereWhenTheDialogOpensAgain(FxRobot robot) throws Exception {
        // Esc, or Cancel to replace a refused key (the key banner's fix is behind the modal dialog), must not lose it
        open(robot);
        ApprovalRow row = selected(robot);
        javafx.stage.Window decision = rejectDialog(robot);
        robot.write("Over budget");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !decision.isShowing());
        robot.interact(() -> table(robot).requestFocus());
        rejectDialog(robot); // a new stage each time
        assertThat(robot.lookup("#decisionComment").<TextArea>query().getText()).isEqualTo("Over budget");
        robot.write(", next year");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !current(row.id()).isPending());
        assertThat(current(row.id()).comment()).isEqualTo("Over budget, next year");

        javafx.stage.Window create = newApproval(robot);
        robot.write("Laptop for Sam");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !create.isShowing());
        javafx.stage.Window again = newApproval(robot);
        assertThat(robot.lookup("#createTitle").<TextField>query().getText()).isEqualTo("Laptop for Sam");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !again.isShowing());
        javafx.stage.Window next = newApproval(robot);
        assertThat(robot.lookup("#createTitle").<TextField>query().getText())
                .as("once created, the next one starts empty")
                .isEmpty();
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !next.isShowing());
    }

    /** Ctrl+N from the table; returns the create dialog's window once its title field has the focus. */
    private javafx.stage.Window newApproval(FxRobot robot) throws Exception {
        robot.interact(() -> table(robot).requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> robot.lookup("#createTitle")
                .<TextField>tryQuery()
                .map(t -> t.isFocused() && t.getScene().getWindow().isShowing())
                .orElse(false));
        javafx.stage.Window w = robot.lookup("#createTitle").query().getScene().getWindow();
        robot.targetWindow(w);
        return w;
    }

    @Test
    void enterWithoutTheCommentARejectNeedsSaysWhyAndSendsNothing(FxRobot robot) throws Exception {
        open(robot);
        ApprovalRow row = selected(robot);
        robot.type(KeyCode.R);
        untilCommentFocused(robot);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#commentError").query().isVisible());
        assertThat(robot.lookup("#commentError").<Labeled>query().getText()).contains("required to reject");
        assertThat(current(row.id()).isPending()).isTrue();
    }

    @Test
    void ctrlEnterSendsTheBulkDialogFromTheCommentField(FxRobot robot) throws Exception {
        open(robot);
        robot.push(KeyCode.SHIFT, KeyCode.DOWN);
        robot.push(KeyCode.SHIFT, KeyCode.DOWN);
        waitUntil(() -> table(robot).getSelectionModel().getSelectedItems().size() == 3);
        robot.type(KeyCode.A);
        waitUntil(() -> robot.lookup("#bulkComment").tryQuery().isPresent());
        robot.clickOn("#bulkComment").write("Quarter end");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#bulkSummary").<Labeled>query().getText().startsWith("3 approved"));
        assertThat(pendingOnServer()).isEqualTo(47);
    }

    private static javafx.scene.control.MenuItem undoMenuItem(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").query();
        return bar.getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> "undoMenuItem".equals(i.getId()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void quickApproveMovesOnAtOnceAndUndoSendsNothing(FxRobot robot) throws Exception {
        open(robot);
        ApprovalRow first = selected(robot);
        ApprovalRow second = table(robot).getItems().get(1);
        javafx.scene.control.MenuItem undoItem = undoMenuItem(robot);
        assertThat(undoItem.isDisable()).as("nothing to undo yet").isTrue();
        robot.push(KeyCode.SHIFT, KeyCode.A);
        waitUntil(() -> robot.lookup("#snackbar").query().isVisible());
        assertThat(selected(robot)).isSameAs(second);
        assertThat(robot.lookup("#snackbarText").<Labeled>query().getText()).startsWith("Approving");
        assertThat(undoItem.isDisable()).isFalse();
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> selected(robot) != null && selected(robot).id().equals(first.id()));
        assertThat(undoItem.isDisable()).as("undone: nothing left to undo").isTrue();
        // past the undo time: still nothing sent
        Thread.sleep(6_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(current(first.id()).isPending()).isTrue();
        assertThat(pendingOnServer()).isEqualTo(50);
    }

    @Test
    void quickApproveSendsOnceWhenTheUndoTimeIsOverAndTheRowLeaves(FxRobot robot) throws Exception {
        open(robot);
        ApprovalRow first = selected(robot);
        robot.push(KeyCode.SHIFT, KeyCode.A);
        ApprovalRow second = selected(robot);
        // the next one: the first is sent at once, the second waits its undo time
        robot.push(KeyCode.SHIFT, KeyCode.A);
        waitUntil(() -> ui.mainView().viewModel().rowById(first.id()).isEmpty());
        waitUntil(() -> ui.mainView().viewModel().rowById(second.id()).isEmpty());
        assertThat(current(first.id()).status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(current(second.id()).status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(current(first.id()).version()).as("sent once").isEqualTo(2);
        assertThat(pendingOnServer()).isEqualTo(48);
        assertThat(table(robot).getItems()).hasSize(48);
    }
}
