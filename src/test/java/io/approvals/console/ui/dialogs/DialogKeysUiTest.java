package io.approvals.console.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import io.approvals.console.service.RotationGrace;
import io.approvals.console.ui.DialogOwner;
import io.approvals.console.ui.UiSandbox;
import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.common.FxmlView;
import io.approvals.console.ui.keys.ConfirmTypedController;
import io.approvals.console.ui.keys.RegenerateController;
import io.approvals.console.ui.keys.RevealConfirmController;
import io.approvals.console.ui.session.UiSettings;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
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
 * The keyboard rules, dialog by dialog, against a real sandbox: where focus is when the dialog opens, what Enter
 * and Ctrl+Enter run, that Esc closes without sending, and that a destructive action is never the default.
 */
@ExtendWith(ApplicationExtension.class)
class DialogKeysUiTest {
    @TempDir
    Path dir;

    UiSandbox server;
    DialogService dialogs;
    Stage owner;

    @Start
    void start(Stage stage) throws Exception {
        owner = stage;
        DialogOwner.show(stage);
        server = new UiSandbox(dir.resolve("sandbox"), 0);
        dialogs = new DialogService(stage, () -> ThemeChoice.LIGHT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private <C extends DialogController> C open(FxRobot robot, Supplier<C> opening) {
        AtomicReference<C> c = new AtomicReference<>();
        robot.interact(() -> c.set(opening.get()));
        WaitForAsyncUtils.waitForFxEvents();
        if (c.get().stage() != null) {
            // write() and type() go to the robot's target window, not to the focused one
            robot.targetWindow(c.get().stage());
        }
        return c.get();
    }

    private static String focusId(DialogController c) {
        Node f = c.stage().getScene().getFocusOwner();
        while (f != null && f.getId() == null) {
            f = f.getParent();
        }
        return f == null ? null : f.getId();
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private DecisionController decision(FxRobot robot, Approval a, ApprovalStatus d, List<Approval> decided) {
        DecisionViewModel vm = new DecisionViewModel(server.adminSession().api(), new FxBackground(), a, d);
        return open(
                robot,
                () -> dialogs.show(
                        FxmlView.DECISION, new DecisionController(vm, Clock.systemUTC(), decided::add, e -> {})));
    }

    @Test
    void decisionStartsInTheCommentAndEnterApproves(FxRobot robot) throws Exception {
        Approval a = server.create("Laptop", "lee@example.com", Priority.NORMAL, null);
        List<Approval> decided = new CopyOnWriteArrayList<>();
        DecisionController c = decision(robot, a, ApprovalStatus.APPROVED, decided);
        assertThat(focusId(c)).isEqualTo("decisionComment");
        robot.write("Fine by me").type(KeyCode.ENTER);
        until(() -> !decided.isEmpty());
        assertThat(decided.get(0).status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(decided.get(0).comment()).isEqualTo("Fine by me");
        assertThat(c.stage().isShowing()).isFalse();
    }

    @Test
    void rejectWaitsForACommentThenCtrlEnterRejectsFromAnywhere(FxRobot robot) throws Exception {
        Approval a = server.create("Travel", "lee@example.com", Priority.LOW, null);
        List<Approval> decided = new CopyOnWriteArrayList<>();
        DecisionController c = decision(robot, a, ApprovalStatus.REJECTED, decided);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(decided).isEmpty();
        assertThat(c.stage().isShowing()).isTrue();
        robot.write("No budget");
        robot.interact(() -> c.cancel.requestFocus()); // focus on Cancel: Ctrl+Enter still sends
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        until(() -> !decided.isEmpty());
        assertThat(decided.get(0).status()).isEqualTo(ApprovalStatus.REJECTED);
    }

    @Test
    void escClosesTheDecisionWithoutSending(FxRobot robot) throws Exception {
        Approval a = server.create("Chair", "lee@example.com", Priority.LOW, null);
        List<Approval> decided = new CopyOnWriteArrayList<>();
        DecisionController c = decision(robot, a, ApprovalStatus.APPROVED, decided);
        robot.write("typed").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(c.stage().isShowing()).isFalse();
        assertThat(decided).isEmpty();
        assertThat(server.admin().listNotComplete(null, 100, null).items()).anyMatch(x -> x.id().equals(a.id()));
    }

    @Test
    void bulkStartsInTheCommentAndEnterRunsIt(FxRobot robot) throws Exception {
        List<Approval> items =
                List.of(server.create("One", null, Priority.LOW, null), server.create("Two", null, Priority.LOW, null));
        BulkDecisionViewModel vm = new BulkDecisionViewModel(
                server.adminSession().api(), new FxBackground(), items, ApprovalStatus.APPROVED);
        BulkDecisionController c = open(
                robot, () -> dialogs.show(FxmlView.BULK_DECISION, new BulkDecisionController(vm, x -> {}, e -> {})));
        assertThat(focusId(c)).isEqualTo("bulkComment");
        robot.type(KeyCode.ENTER);
        until(() -> vm.finishedProperty().get());
        assertThat(server.admin().listNotComplete(null, 100, null).items()).noneMatch(x -> items.contains(x));
    }

    private CreateApprovalController create(FxRobot robot, List<Approval> created) {
        CreateApprovalViewModel vm =
                new CreateApprovalViewModel(server.adminSession().api(), new FxBackground(), ZoneId.systemDefault());
        return open(
                robot,
                () -> dialogs.show(FxmlView.CREATE_APPROVAL, new CreateApprovalController(vm, created::add, e -> {})));
    }

    @Test
    void createStartsInTheTitleAndATypedDueDateIsSentWithEnter(FxRobot robot) throws Exception {
        List<Approval> created = new CopyOnWriteArrayList<>();
        CreateApprovalController c = create(robot, created);
        assertThat(focusId(c)).isEqualTo("createTitle");
        robot.write("Standing desk");
        LocalDate day = LocalDate.now().plusDays(10);
        DatePicker due = c.due;
        robot.clickOn(due.getEditor()).write(due.getConverter().toString(day)).type(KeyCode.ENTER);
        until(() -> !created.isEmpty());
        assertThat(created.get(0).dueAt()).isNotNull();
        assertThat(created.get(0).dueAt().atZone(ZoneId.systemDefault()).toLocalDate())
                .isEqualTo(day);
    }

    @Test
    void createRunsWithCtrlEnterFromTheDescriptionAndEscCancels(FxRobot robot) throws Exception {
        List<Approval> created = new CopyOnWriteArrayList<>();
        CreateApprovalController c = create(robot, created);
        robot.write("Monitor");
        robot.clickOn(c.description).write("27 inch");
        robot.type(KeyCode.ENTER); // a new line in the description, nothing sent
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(created).isEmpty();
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        until(() -> !created.isEmpty());
        assertThat(created.get(0).title()).isEqualTo("Monitor");

        CreateApprovalController again = create(robot, created);
        robot.write("Not sent").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(again.stage().isShowing()).isFalse();
        assertThat(created).hasSize(1);
    }

    @Test
    void createChecksEmailsAsTypedAndRefusesAPastDueDate(FxRobot robot) throws Exception {
        List<Approval> created = new CopyOnWriteArrayList<>();
        CreateApprovalController c = create(robot, created);
        robot.write("Desk");
        double requesterWidth = c.requester.getWidth();
        robot.clickOn(c.approver.getEditor()).write("not an email");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(c.approverError.isVisible()).isTrue();
        // the message wraps under its field; the fields beside each other keep their widths
        assertThat(c.requester.getWidth()).isEqualTo(requesterWidth);
        assertThat(c.submit.isDisabled()).isTrue();
        robot.interact(() -> c.approver.getEditor().setText("lee@example.com"));
        assertThat(c.approverError.isVisible()).isFalse();
        robot.interact(() -> c.due.setValue(LocalDate.now().minusDays(1)));
        assertThat(c.dueError.isVisible()).isTrue();
        assertThat(c.submit.isDisabled()).isTrue();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(created).isEmpty();
    }

    @Test
    void replaceKeyStartsInTheKeyFieldWithOneMessageAtATime(FxRobot robot) {
        ReplaceKeyController c = open(
                robot,
                () -> dialogs.show(
                        FxmlView.REPLACE_KEY, new ReplaceKeyController(null, new FxBackground(), "prod", s -> {})));
        assertThat(focusId(c)).isEqualTo("replaceKeyField");
        robot.write(" garbage key");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(c.format.getStyleClass()).contains("error-text");
        assertThat(c.format.getText()).contains("cannot be sent");
        assertThat(c.error.isVisible()).isFalse();
        assertThat(c.save.isDisabled()).isTrue();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(c.stage().isShowing()).isFalse();
    }

    @Test
    void regenerateDefaultsToTheRoutineRotationNeverTheKill(FxRobot robot) throws Exception {
        List<RotationGrace> chosen = new CopyOnWriteArrayList<>();
        RegenerateController c = open(
                robot,
                () -> dialogs.show(FxmlView.REGENERATE, new RegenerateController("prod", "prod", false, chosen::add)));
        assertThat(c.defaultButton().getStyleClass()).doesNotContain("danger");
        // the connection's own key: the console stores the new one, and clears the old one from the clipboard
        assertThat(robot.lookup("#intro").queryLabeled().getText()).contains("stored");
        assertThat(robot.lookup("#compromisedText").queryLabeled().getText()).contains("clipboard");
        robot.type(KeyCode.ENTER);
        until(() -> !chosen.isEmpty());
        assertThat(chosen).containsExactly(RotationGrace.ONE_DAY);

        RegenerateController kill = open(
                robot,
                () -> dialogs.show(FxmlView.REGENERATE, new RegenerateController("prod", "prod", false, chosen::add)));
        robot.clickOn("#regenerateConfirm").write("pro").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chosen).hasSize(1);
        assertThat(kill.stage().isShowing()).isTrue();
        robot.write("d").type(KeyCode.ENTER);
        until(() -> chosen.size() == 2);
        assertThat(chosen.get(1)).isEqualTo(RotationGrace.COMPROMISED);
    }

    @Test
    void revokeHasNoDefaultAndRunsOnlyOnceTheNameIsTyped(FxRobot robot) throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        ConfirmTypedController c = open(
                robot,
                () -> dialogs.show(
                        FxmlView.CONFIRM_TYPED,
                        new ConfirmTypedController(
                                "Revoke key",
                                "Revoke \u2018erin\u2019?",
                                "It stops working at once.",
                                "erin",
                                "Revoke",
                                () -> ran.add("revoked"))));
        assertThat(focusId(c)).isEqualTo("confirmTypedField");
        robot.type(KeyCode.ENTER).push(KeyCode.CONTROL, KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ran).isEmpty();
        robot.write("erin").type(KeyCode.ENTER);
        until(() -> !ran.isEmpty());
        assertThat(c.stage().isShowing()).isFalse();
    }

    /** The messages that were JavaFX Alerts (About, the key notice, errors): OK in the bundle, Enter and Esc close. */
    @Test
    void aMessageClosesOnEnterAndOnEsc(FxRobot robot) throws Exception {
        MessageController c =
                open(robot, () -> dialogs.show(FxmlView.MESSAGE, new MessageController(null, "Heading", "Text")));
        assertThat(c.ok.isFocused()).isTrue();
        assertThat(c.ok.getText()).isEqualTo(io.approvals.console.ui.common.Messages.get("common.ok"));
        robot.type(KeyCode.ENTER);
        until(() -> !c.stage().isShowing());
        MessageController again =
                open(robot, () -> dialogs.show(FxmlView.MESSAGE, new MessageController(null, null, "Text")));
        assertThat(again.heading.isManaged()).isFalse();
        robot.type(KeyCode.ESCAPE);
        until(() -> !again.stage().isShowing());
    }

    @Test
    void revealConfirmationShowsOnEnterAndNotOnEsc(FxRobot robot) throws Exception {
        List<String> shown = new CopyOnWriteArrayList<>();
        RevealConfirmController c = open(
                robot,
                () -> dialogs.show(
                        FxmlView.REVEAL_CONFIRM, new RevealConfirmController("prod", 10, () -> shown.add("shown"))));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(c.stage().isShowing()).isFalse();
        assertThat(shown).isEmpty();
        open(
                robot,
                () -> dialogs.show(
                        FxmlView.REVEAL_CONFIRM, new RevealConfirmController("prod", 10, () -> shown.add("shown"))));
        robot.type(KeyCode.ENTER);
        until(() -> !shown.isEmpty());
    }

    @Test
    void settingsSaveOnEnterAndOpenOncePerKind(FxRobot robot) throws Exception {
        List<UiSettings> saved = new CopyOnWriteArrayList<>();
        SettingsController c = open(
                robot,
                () -> dialogs.show(
                        FxmlView.SETTINGS,
                        new SettingsController(UiSettings.defaults(), null, false, (s, x) -> saved.add(s))));
        assertThat(focusId(c)).isEqualTo("settingsRefresh");
        SettingsController second = open(
                robot,
                () -> dialogs.show(
                        FxmlView.SETTINGS,
                        new SettingsController(UiSettings.defaults(), null, false, (s, x) -> saved.add(s))));
        assertThat(second.stage())
                .as("a second Settings… brings the first to the front")
                .isNull();
        robot.type(KeyCode.ENTER);
        until(() -> !saved.isEmpty());
        assertThat(saved.get(0).refreshSeconds())
                .isEqualTo(UiSettings.defaults().refreshSeconds());
    }

    @Test
    void bulkPinsWhatWasAlreadyDecidedAtTheTop(FxRobot robot) throws Exception {
        List<Approval> items = List.of(
                server.create("One", null, Priority.LOW, null),
                server.create("Two", null, Priority.LOW, null),
                server.create("Three", null, Priority.LOW, null));
        Approval third = items.get(2);
        server.admin()
                .updateStatus(new io.approvals.console.contract.UpdateStatusRequest(
                        third.id(), ApprovalStatus.APPROVED, null, third.version()));
        BulkDecisionViewModel vm = new BulkDecisionViewModel(
                server.adminSession().api(), new FxBackground(), items, ApprovalStatus.APPROVED);
        BulkDecisionController c = open(
                robot,
                () -> dialogs.show(
                        FxmlView.BULK_DECISION, new BulkDecisionController(vm, x -> {}, e -> {}, ids -> {})));
        robot.type(KeyCode.ENTER);
        until(() -> vm.finishedProperty().get());
        assertThat(c.table.getItems().get(0).approval().id()).isEqualTo(third.id());
        assertThat(c.table.getItems().get(0).state()).isEqualTo(BulkItem.State.CONFLICT);
        assertThat(c.selectFailed.isVisible())
                .as("nothing failed that could be sent again")
                .isFalse();
    }

    @Test
    void settingsKeepTheNotificationsChoice(FxRobot robot) throws Exception {
        List<UiSettings> saved = new CopyOnWriteArrayList<>();
        SettingsController c = open(
                robot,
                () -> dialogs.show(
                        FxmlView.SETTINGS,
                        new SettingsController(
                                new UiSettings(60, ThemeChoice.LIGHT, true, "de"),
                                null,
                                false,
                                (s, x) -> saved.add(s))));
        assertThat(c.notify.isSelected()).isTrue();
        robot.interact(() -> c.notify.setSelected(false));
        robot.interact(() -> c.save.fire());
        until(() -> !saved.isEmpty());
        assertThat(saved.get(0).notifications()).isFalse();
        assertThat(saved.get(0).language()).isEqualTo("de");
    }
}
