package io.approvals.console.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.Priority;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.ui.DialogOwner;
import io.approvals.console.ui.ReusedDialog;
import io.approvals.console.ui.UiSandbox;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.common.FxmlView;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.css.PseudoClass;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
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
 * The decision and create dialogs are loaded once and shown again (MainDialogs): a second open shows the new row's
 * or draft's data and nothing of the first use (typed text, its undo history, validation, a conflict, a choice),
 * and Enter, Esc and the focus work as on the first open. A dialog loaded ahead of its first use
 * (MainDialogs.prepareDecisionAndCreate, at start-up's idle moment) with a view model never shown opens for the
 * approval asked for without loading again.
 */
@ExtendWith(ApplicationExtension.class)
class ReusedDialogsUiTest {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    @TempDir
    Path dir;

    UiSandbox server;
    DialogService dialogs;

    @Start
    void start(Stage stage) throws Exception {
        DialogOwner.show(stage);
        server = new UiSandbox(dir.resolve("sandbox"), 0);
        dialogs = new DialogService(stage, () -> ThemeChoice.LIGHT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertFits(Stage s, Rectangle2D screen, String why) {
        try {
            WaitForAsyncUtils.waitFor(
                    5, TimeUnit.SECONDS, () -> LayoutCheck.problems(s, screen).isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            // the assertion below says what is wrong
        }
        assertThat(LayoutCheck.problems(s, screen)).as(why).isEmpty();
    }

    private static String focusId(Stage s) {
        Node f = s.getScene().getFocusOwner();
        while (f != null && f.getId() == null) {
            f = f.getParent();
        }
        return f == null ? null : f.getId();
    }

    private DecisionViewModel decisionFor(Approval a, ApprovalStatus d) {
        return new DecisionViewModel(server.adminSession().api(), new FxBackground(), a, d);
    }

    @Test
    void aDescriptionOfAFewLinesIsShownWholeAndALongOneScrolls(FxRobot robot) throws Exception {
        String fourLines = "Travel, two nights in a hotel near the venue, economy flights. The ticket is non-refundable"
                + " after the 5th, so a quick decision helps. The talk was accepted and the slides are ready.";
        Approval few = server.admin()
                .createApproval(
                        new CreateApprovalRequest(
                                "Conference", fourLines, null, "lee@example.com", Priority.HIGH, null),
                        java.util.UUID.randomUUID().toString());
        DecisionController c =
                new DecisionController(decisionFor(few, ApprovalStatus.APPROVED), Clock.systemUTC(), a -> {}, e -> {});
        robot.interact(() -> dialogs.show(FxmlView.DECISION, c));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(c.description.getHeight())
                .as("more than two lines of it at 560 px")
                .isGreaterThan(3 * c.description.getFont().getSize());
        assertThat(c.descriptionPane.getViewportBounds().getHeight())
                .as("the whole description in view, no scrolling")
                .isGreaterThanOrEqualTo(c.description.getHeight() - 1);
        robot.interact(() -> c.stage().close());

        Approval longer = server.admin()
                .createApproval(
                        new CreateApprovalRequest(
                                "Conference", fourLines.repeat(6), null, "lee@example.com", Priority.HIGH, null),
                        java.util.UUID.randomUUID().toString());
        DecisionController d = new DecisionController(
                decisionFor(longer, ApprovalStatus.APPROVED), Clock.systemUTC(), a -> {}, e -> {});
        robot.interact(() -> dialogs.show(FxmlView.DECISION, d));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(d.descriptionPane.getHeight())
                .as("a long one stops at 160 px and scrolls")
                .isLessThanOrEqualTo(160);
        assertThat(d.description.getHeight()).isGreaterThan(d.descriptionPane.getHeight());
        robot.interact(() -> d.stage().close());
    }

    @Test
    void aDecisionDialogShownAgainShowsTheNewRowAndNothingOfTheLast(FxRobot robot) throws Exception {
        Approval first = server.create("Laptop for Kim", "lee@example.com", Priority.HIGH, null);
        Approval second = server.create("Desk chair", "lee@example.com", Priority.LOW, null);
        List<Approval> decided = new CopyOnWriteArrayList<>();
        DecisionController c = new DecisionController(
                decisionFor(first, ApprovalStatus.REJECTED), Clock.systemUTC(), decided::add, e -> {});
        robot.interact(() -> dialogs.show(FxmlView.DECISION, c));
        WaitForAsyncUtils.waitForFxEvents();
        Stage one = c.stage();
        robot.targetWindow(one);
        assertThat(c.heading.getText()).isEqualTo("Laptop for Kim");
        // a reject without a comment says why; then a comment typed, and someone else decides first (409)
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(c.commentError.isVisible()).isTrue();
        assertThat(c.comment.getPseudoClassStates()).contains(DANGER);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertFits(one, screen, "the window grew with the message: nothing below its edge");
        server.admin()
                .updateStatus(new UpdateStatusRequest(first.id(), ApprovalStatus.APPROVED, "done", first.version()));
        robot.write("Too expensive").type(KeyCode.ENTER);
        until(() -> c.conflict.isVisible());
        assertThat(c.cancel.getText()).isEqualTo(Messages.get("common.close"));
        assertFits(one, screen, "the window grew with the banner");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(one.isShowing()).isFalse();
        Thread.sleep(300); // the closed dialog's controls wait, styled, for the next open
        WaitForAsyncUtils.waitForFxEvents();
        decided.clear();

        robot.interact(() -> {
            c.use(decisionFor(second, ApprovalStatus.APPROVED));
            dialogs.show(c);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Stage two = c.stage();
        assertThat(two).isNotSameAs(one);
        assertThat(two.isShowing()).isTrue();
        robot.targetWindow(two);
        assertThat(c.heading.getText()).isEqualTo("Desk chair");
        assertThat(c.description.getText()).isEqualTo("About Desk chair");
        assertThat(c.facts.getText())
                .contains(Messages.get("priority.LOW"))
                .doesNotContain(Messages.get("priority.HIGH"));
        assertThat(c.comment.getText()).isEmpty();
        assertThat(c.comment.isUndoable())
                .as("the last comment cannot come back with Ctrl+Z")
                .isFalse();
        assertThat(c.commentError.isVisible()).isFalse();
        assertThat(c.comment.getPseudoClassStates()).doesNotContain(DANGER);
        assertThat(c.conflict.isVisible()).isFalse();
        assertThat(c.error.isVisible()).isFalse();
        assertThat(c.details.getScene())
                .as("the last failure's details, in the dialog")
                .isNull();
        assertThat(c.busy.getScene()).as("the busy spinner, in the dialog").isNull();
        assertThat(c.approve.isSelected()).isTrue();
        assertThat(c.submit.getText()).isEqualTo(Messages.get("decision.approve"));
        assertThat(c.submit.getStyleClass()).contains("success").doesNotContain("danger");
        assertThat(c.submit.isDisabled()).isFalse();
        assertThat(c.cancel.getText()).isEqualTo(Messages.get("common.cancel"));
        assertThat(focusId(two)).isEqualTo("decisionComment");

        // Enter sends for the row shown now, and only for it
        robot.write("Fine").type(KeyCode.ENTER);
        until(() -> !decided.isEmpty());
        assertThat(decided).hasSize(1);
        assertThat(decided.get(0).id()).isEqualTo(second.id());
        assertThat(decided.get(0).status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(decided.get(0).comment()).isEqualTo("Fine");
        until(() -> !two.isShowing());
    }

    @Test
    void aCreateDialogShownAgainStartsEmpty(FxRobot robot) throws Exception {
        List<Approval> created = new CopyOnWriteArrayList<>();
        AtomicReference<CreateApprovalController> ref = new AtomicReference<>();
        robot.interact(() -> ref.set(dialogs.show(
                FxmlView.CREATE_APPROVAL,
                new CreateApprovalController(draft("kim@example.com"), created::add, e -> {}))));
        WaitForAsyncUtils.waitForFxEvents();
        CreateApprovalController c = ref.get();
        Stage one = c.stage();
        robot.targetWindow(one);
        robot.write("Projector");
        robot.interact(() -> {
            c.description.setText("For the big room");
            c.due.getEditor().setText("not a date"); // typed, never committed
            c.approver.setValue("kim@example.com"); // picked from the list
            c.title.clear(); // a title typed and taken back: "a title is needed"
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(c.titleError.isVisible()).isTrue();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(one.isShowing()).isFalse();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> {
            c.use(draft("lee@example.com"));
            dialogs.show(c);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Stage two = c.stage();
        robot.targetWindow(two);
        assertThat(c.title.getText()).isEmpty();
        assertThat(c.title.isUndoable()).isFalse();
        assertThat(c.titleError.isVisible()).isFalse();
        assertThat(c.title.getPseudoClassStates()).doesNotContain(DANGER);
        assertThat(c.description.getText()).isEmpty();
        assertThat(c.description.isUndoable()).isFalse();
        assertThat(c.due.getEditor().getText()).isEmpty();
        assertThat(c.approver.getValue()).isNull();
        assertThat(c.approver.getEditor().getText()).isEmpty();
        assertThat(c.requester.getText()).isEqualTo("lee@example.com");
        assertThat(c.titleCount.getText()).startsWith("0 ");
        assertThat(focusId(two)).isEqualTo("createTitle");

        robot.write("Whiteboard").type(KeyCode.ENTER);
        until(() -> !created.isEmpty());
        assertThat(created).hasSize(1);
        assertThat(created.get(0).title()).isEqualTo("Whiteboard");
        assertThat(created.get(0).requester()).isEqualTo("lee@example.com");
        until(() -> !two.isShowing());
    }

    private CreateApprovalViewModel draft(String requester) {
        CreateApprovalViewModel vm = new CreateApprovalViewModel(
                server.adminSession().api(), new FxBackground(), Clock.system(ZoneId.systemDefault()));
        vm.requesterProperty().set(requester);
        return vm;
    }

    /**
     * The spinner is in the dialog only while a decision takes longer than a moment: a quick answer closes the dialog
     * without one (and without styling one), a slow one shows it, and the next use starts without it.
     */
    @Test
    void theBusySpinnerIsInTheDialogOnlyWhileASlowDecisionWaits(FxRobot robot) throws Exception {
        Approval first = server.create("Laptop for Kim", "lee@example.com", Priority.HIGH, null);
        Approval second = server.create("Desk chair", "lee@example.com", Priority.LOW, null);
        java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
        FxBackground fx = new FxBackground();
        io.approvals.console.ui.common.Background held = new io.approvals.console.ui.common.Background() {
            @Override
            public <T> void run(
                    Callable<T> work,
                    java.util.function.Consumer<? super T> onSuccess,
                    java.util.function.Consumer<Throwable> onError) {
                fx.run(
                        () -> {
                            answer.await(60, TimeUnit.SECONDS); // the server is slow today
                            return work.call();
                        },
                        onSuccess,
                        onError);
            }

            @Override
            public void ui(Runnable action) {
                fx.ui(action);
            }
        };
        List<Approval> decided = new CopyOnWriteArrayList<>();
        DecisionController c = new DecisionController(
                new DecisionViewModel(server.adminSession().api(), held, first, ApprovalStatus.APPROVED),
                Clock.systemUTC(),
                decided::add,
                e -> {});
        robot.interact(() -> dialogs.show(FxmlView.DECISION, c));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(c.busy.getScene()).as("the spinner before sending").isNull();
        robot.targetWindow(c.stage());
        robot.type(KeyCode.ENTER);
        until(() -> c.busy.getScene() != null);
        assertThat(c.busy.getScene()).isSameAs(c.stage().getScene());
        answer.countDown();
        until(() -> !decided.isEmpty());
        until(() -> !c.stage().isShowing());
        assertThat(c.busy.getScene()).as("the spinner after the answer").isNull();

        robot.interact(() -> {
            c.use(decisionFor(second, ApprovalStatus.APPROVED));
            dialogs.show(c);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(c.busy.getScene()).as("the spinner in the next use").isNull();
        robot.targetWindow(c.stage());
        robot.type(KeyCode.ENTER);
        until(() -> decided.size() == 2);
        assertThat(decided.get(1).id()).isEqualTo(second.id());
    }

    @Test
    void aDialogLoadedAheadShowsNothingThenOpensForTheApprovalAskedFor(FxRobot robot) throws Exception {
        Approval any = server.create("Laptop for Kim", "lee@example.com", Priority.HIGH, null);
        Approval asked = server.create("Desk chair", "lee@example.com", Priority.LOW, null);
        List<Approval> decided = new CopyOnWriteArrayList<>();
        AtomicReference<DecisionController> loaded = new AtomicReference<>();
        AtomicInteger loads = new AtomicInteger();
        ReusedDialog<DecisionController, DecisionViewModel> decision =
                new ReusedDialog<>(FxmlView.DECISION, DecisionController::use);

        robot.interact(() -> decision.prepare(decisionFor(any, ApprovalStatus.APPROVED), m -> {
            loads.incrementAndGet();
            loaded.set(new DecisionController(m, Clock.systemUTC(), decided::add, e -> {}));
            return loaded.get();
        }));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(loads).hasValue(1);
        assertThat(Window.getWindows()).as("loaded, not shown").hasSize(1);

        robot.interact(() -> decision.show(dialogs, decisionFor(asked, ApprovalStatus.REJECTED), m -> {
            loads.incrementAndGet();
            return new DecisionController(m, Clock.systemUTC(), decided::add, e -> {});
        }));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(loads).as("the dialog loaded ahead is the one shown").hasValue(1);
        Stage shown = loaded.get().stage();
        assertThat(shown.isShowing()).isTrue();
        robot.targetWindow(shown);
        Node root = shown.getScene().getRoot();
        assertThat(((Label) root.lookup("#heading")).getText()).isEqualTo("Desk chair");
        assertThat(shown.getScene().getFocusOwner().getId()).isEqualTo("decisionComment");

        robot.type(KeyCode.ENTER); // a reject needs a comment
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(root.lookup("#commentError").isVisible()).isTrue();
        assertThat(decided).isEmpty();
        robot.write("Not this year").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !decided.isEmpty());
        assertThat(decided).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(asked.id());
            assertThat(a.status()).isEqualTo(ApprovalStatus.REJECTED);
            assertThat(a.comment()).isEqualTo("Not this year");
        });
        assertThat(server.admin().listNotComplete(null, 100, null).items())
                .as("the approval it was loaded with is untouched")
                .extracting(Approval::id)
                .containsExactly(any.id());

        robot.interact(() -> decision.prepare(decisionFor(any, ApprovalStatus.APPROVED), m -> {
            loads.incrementAndGet();
            return new DecisionController(m, Clock.systemUTC(), decided::add, e -> {});
        }));
        assertThat(loads).as("a dialog already loaded is left as it is").hasValue(1);
    }
}
