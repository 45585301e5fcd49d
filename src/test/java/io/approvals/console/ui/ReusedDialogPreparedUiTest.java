package io.approvals.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.common.FxmlView;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.dialogs.DecisionController;
import io.approvals.console.ui.dialogs.DecisionViewModel;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
 * A decision dialog loaded ahead of its first use (MainDialogs.prepareDecisionAndCreate, at start-up's idle moment)
 * with a view model that is never shown: nothing appears then, and the first A shows the approval asked for, with
 * the focus, the reject rule and Enter as a dialog loaded on the spot has them, without loading it again.
 */
@ExtendWith(ApplicationExtension.class)
class ReusedDialogPreparedUiTest {
    @TempDir
    Path dir;

    UiSandbox server;
    DialogService dialogs;

    @Start
    void start(Stage stage) throws Exception {
        Messages.useLanguage("en");
        Themes.apply(ThemeChoice.LIGHT);
        stage.setWidth(1000);
        stage.setHeight(700);
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane()));
        stage.show();
        server = new UiSandbox(dir.resolve("sandbox"), 0);
        dialogs = new DialogService(stage, () -> ThemeChoice.LIGHT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DecisionViewModel decisionFor(Approval a, ApprovalStatus d) {
        return new DecisionViewModel(server.adminSession().api(), new FxBackground(), a, d);
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
    }
}
