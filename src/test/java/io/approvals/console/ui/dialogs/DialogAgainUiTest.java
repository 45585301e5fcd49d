package io.approvals.console.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import io.approvals.console.ui.DialogOwner;
import io.approvals.console.ui.UiSandbox;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.common.FxmlView;
import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Paint;
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
 * A dialog opened again and again looks and behaves the same each time: DialogService styles the next dialog's scene
 * root in advance with the controls of the dialog that closed (a style look-up that could not find the theme's
 * colours there would leave the text black and the buttons grey).
 */
@ExtendWith(ApplicationExtension.class)
class DialogAgainUiTest {
    @TempDir
    Path dir;

    UiSandbox server;
    DialogService dialogs;
    ThemeChoice theme = ThemeChoice.LIGHT;

    @Start
    void start(Stage stage) throws Exception {
        DialogOwner.show(stage);
        server = new UiSandbox(dir.resolve("sandbox"), 0);
        dialogs = new DialogService(stage, () -> theme);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** What the user sees of a decision dialog's colours and focus. */
    record Look(Paint heading, Paint submitText, String submitBackground, boolean dark, String focus) {}

    /** Set: every open shows this one dialog again (as MainDialogs does), given the next view model. */
    DecisionController reused;

    private Look openAndClose(FxRobot robot, Approval a) throws Exception {
        AtomicReference<DecisionController> c = new AtomicReference<>();
        DecisionViewModel vm =
                new DecisionViewModel(server.adminSession().api(), new FxBackground(), a, ApprovalStatus.APPROVED);
        if (reused != null) {
            robot.interact(() -> {
                if (reused.root() == null) {
                    reused.use(vm);
                    dialogs.show(FxmlView.DECISION, reused);
                } else {
                    reused.use(vm);
                    dialogs.show(reused);
                }
                c.set(reused);
            });
        } else {
            robot.interact(() -> c.set(
                    dialogs.show(FxmlView.DECISION, new DecisionController(vm, Clock.systemUTC(), x -> {}, e -> {}))));
        }
        WaitForAsyncUtils.waitForFxEvents();
        Stage s = c.get().stage();
        AtomicReference<Look> look = new AtomicReference<>();
        robot.interact(() -> {
            Label heading = (Label) s.getScene().getRoot().lookup(".dialog-heading");
            Button submit = (Button) s.getScene().lookup("#decisionSubmit");
            Node focus = s.getScene().getFocusOwner();
            look.set(new Look(
                    heading.getTextFill(),
                    submit.getTextFill(),
                    String.valueOf(
                            submit.getBackground() == null
                                    ? null
                                    : submit.getBackground().getFills()),
                    s.getScene().getRoot().getStyleClass().contains("dark"),
                    focus instanceof TextArea ? focus.getId() : String.valueOf(focus)));
        });
        robot.targetWindow(s);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(s.isShowing()).isFalse();
        Thread.sleep(300); // the next dialog's scene root is styled shortly after a dialog closes
        WaitForAsyncUtils.waitForFxEvents();
        return look.get();
    }

    @Test
    void theDecisionDialogLooksTheSameEveryTime(FxRobot robot) throws Exception {
        Approval a = server.create("Laptop", "lee@example.com", Priority.NORMAL, null);
        List<Look> looks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            looks.add(openAndClose(robot, a));
        }
        assertThat(looks.get(0).focus()).isEqualTo("decisionComment");
        assertThat(looks.get(0).heading()).isNotEqualTo(javafx.scene.paint.Color.BLACK);
        assertThat(looks).allMatch(l -> l.equals(looks.get(0)));
    }

    @Test
    void theSameDecisionDialogShownAgainLooksTheSameEveryTime(FxRobot robot) throws Exception {
        Approval a = server.create("Laptop", "lee@example.com", Priority.NORMAL, null);
        List<Look> fresh = List.of(openAndClose(robot, a));
        reused = new DecisionController(null, Clock.systemUTC(), x -> {}, e -> {});
        List<Look> looks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            looks.add(openAndClose(robot, a));
        }
        assertThat(looks).allMatch(l -> l.equals(fresh.get(0)));
    }

    @Test
    void aThemeChosenBetweenTwoOpensOfTheSameDialogIsTheOneTheSecondShows(FxRobot robot) throws Exception {
        reused = new DecisionController(null, Clock.systemUTC(), x -> {}, e -> {});
        aThemeChosenBetweenTwoDialogsIsTheOneTheSecondShows(robot);
    }

    @Test
    void aThemeChosenBetweenTwoDialogsIsTheOneTheSecondShows(FxRobot robot) throws Exception {
        Approval a = server.create("Chair", "lee@example.com", Priority.LOW, null);
        Look light = openAndClose(robot, a);
        theme = ThemeChoice.DARK;
        robot.interact(() -> Themes.apply(ThemeChoice.DARK));
        Look dark = openAndClose(robot, a);
        theme = ThemeChoice.LIGHT;
        robot.interact(() -> Themes.apply(ThemeChoice.LIGHT));
        Look lightAgain = openAndClose(robot, a);
        assertThat(light.dark()).isFalse();
        assertThat(dark.dark()).isTrue();
        assertThat(dark.heading()).isNotEqualTo(light.heading());
        assertThat(lightAgain).isEqualTo(light);
    }
}
