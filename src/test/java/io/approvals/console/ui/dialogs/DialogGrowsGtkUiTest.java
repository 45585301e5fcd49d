package io.approvals.console.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import io.approvals.console.ui.DialogOwner;
import io.approvals.console.ui.XWindow;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.common.FxmlView;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On the real Linux toolkit (GTK on an X server, run by the surefire execution "real-toolkit"; skipped without
 * one): a dialog whose message appears really grows on screen. Monocle cannot show this: JavaFX 21 on GTK refused
 * a change of height alone, kept believing the window had grown, and cut off the decision dialog's buttons; the
 * scene said all was well, so only the X server's idea of the window tells.
 */
@ExtendWith(ApplicationExtension.class)
class DialogGrowsGtkUiTest {
    DialogService dialogs;

    @BeforeAll
    static void onAnXServer() {
        XWindow.assumeRealToolkit();
    }

    @Start
    void start(Stage stage) {
        DialogOwner.show(stage);
        dialogs = new DialogService(stage, () -> ThemeChoice.LIGHT);
    }

    @Test
    void theDecisionDialogGrowsOnScreenWhenARejectWithoutACommentIsRefused(FxRobot robot) throws Exception {
        Instant now = Instant.now();
        Approval a = new Approval(
                "apr_1",
                "Software license: IntelliJ IDEA",
                "See the attached quote; the price is valid for 30 days.",
                "lucas@example.com",
                "lee@example.com",
                Priority.NORMAL,
                null,
                ApprovalStatus.PENDING,
                now,
                now,
                null,
                null,
                null,
                1);
        // no API: a reject without a comment is refused before anything is sent
        DecisionController c = new DecisionController(
                new DecisionViewModel(null, new FxBackground(), a, ApprovalStatus.REJECTED),
                Clock.systemUTC(),
                x -> {},
                e -> {});
        robot.interact(() -> dialogs.show(FxmlView.DECISION, c));
        WaitForAsyncUtils.waitForFxEvents();
        Stage shown = c.stage();
        robot.targetWindow(shown);
        int before = xHeight(shown.getTitle());

        robot.type(KeyCode.ENTER); // a reject needs a comment: the message appears
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(c.commentError.isVisible()).isTrue();
        double needed = WaitForAsyncUtils.asyncFx(() ->
                        shown.getScene().getRoot().prefHeight(shown.getScene().getWidth()))
                .get();
        assertThat(needed).as("the message needs more room").isGreaterThan(before + 1);
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> xHeight(shown.getTitle()) >= needed - 1);
        } catch (java.util.concurrent.TimeoutException e) {
            // the assertion says by how much
        }
        assertThat(xHeight(shown.getTitle()))
                .as("the window's height on the X server (JavaFX believes %s)", shown.getHeight())
                .isGreaterThanOrEqualTo((int) Math.floor(needed - 1));
        robot.type(KeyCode.ESCAPE);
    }

    private static int xHeight(String title) throws IOException, InterruptedException {
        return (int) XWindow.bounds(title).getHeight();
    }
}
