package io.approvals.console.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.ui.common.CaretBlinkTimeout;
import io.approvals.console.ui.main.ApprovalRow;
import io.approvals.console.ui.main.MainView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Path;
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
 * A focused text field's caret blinks on a JavaFX Timeline, and while it runs the window draws 60 frames a second: a
 * focus left in the search field cost that all day. Like GTK (gtk-cursor-blink-timeout) the caret stops blinking after
 * a while without typing, stays shown, and blinks again on the next key. The timeout is shortened here.
 */
@ExtendWith(ApplicationExtension.class)
class CaretBlinkTimeoutUiTest {
    @TempDir
    java.nio.file.Path dir;

    ConsoleUiFixture fx;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty(CaretBlinkTimeout.TIMEOUT_PROPERTY, "3000");
        this.stage = stage;
        fx = ConsoleUiFixture.shownOn(stage, dir, 40);
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty(CaretBlinkTimeout.TIMEOUT_PROPERTY);
        fx.close();
    }

    @Test
    void theSearchFieldsCaretRestsAfterTheTimeoutAndBlinksAgainOnTheNextKey(FxRobot robot) throws Exception {
        robot.interact(MainWindowReleaseUiTest::stopCaretsBlinkingInHiddenWindows);
        shown(robot);
        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        robot.clickOn(search);
        Waits.until(search::isFocused);
        assertThat(blinking(robot, search)).as("blinking after the click").isTrue();
        Caret caret = Caret.of(robot, search);

        Waits.until(() -> !blinking(robot, search));
        caret.waitUntilSteady();
        assertThat(caret.opacity(robot)).as("the resting caret is shown").isEqualTo(1.0);
        assertThat(framesIn3Seconds(robot))
                .as("frames in 3 s with the focus in the resting search field")
                .isLessThan(30);

        robot.type(KeyCode.A);
        assertThat(search.getText()).isEqualTo("a");
        assertThat(blinking(robot, search)).as("blinking again after a key").isTrue();
        caret.waitUntilHidden(); // the caret goes off half a second after the key
        Waits.until(() -> !blinking(robot, search)); // and rests again after the timeout
        caret.close(robot);
    }

    @Test
    void aDialogsTextAreaRestsToo(FxRobot robot) throws Exception {
        shown(robot);
        robot.interact(() -> fx.ui.mainView().table().requestFocus());
        robot.type(KeyCode.A); // the decision dialog, the focus in its comment
        Waits.until(() -> robot.lookup("#decisionComment")
                .<TextArea>tryQuery()
                .map(TextArea::isFocused)
                .orElse(false));
        TextArea comment = robot.lookup("#decisionComment").queryAs(TextArea.class);
        Waits.until(() -> !blinking(robot, comment));
        robot.targetWindow(comment.getScene().getWindow());
        robot.write("x");
        assertThat(blinking(robot, comment)).as("blinking again after a key").isTrue();
        robot.type(KeyCode.ESCAPE);
    }

    /** Whether the caret's Timeline runs (JavaFX's package-private TextInputControlSkin.isCaretBlinking). */
    private static boolean blinking(FxRobot robot, TextInputControl input) throws Exception {
        java.lang.reflect.Method m =
                javafx.scene.control.skin.TextInputControlSkin.class.getDeclaredMethod("isCaretBlinking");
        m.setAccessible(true);
        return WaitForAsyncUtils.asyncFx(() -> (Boolean) m.invoke(input.getSkin()))
                .get();
    }

    /** The caret of a text input (the skin's path whose opacity follows the blink), watched for changes. */
    private static final class Caret {
        private final Node path;
        private final AtomicLong lastChange = new AtomicLong(System.nanoTime());
        private final AtomicInteger hidden = new AtomicInteger();
        private final ChangeListener<Number> listener;

        private Caret(Node path) {
            this.path = path;
            listener = (o, was, now) -> {
                lastChange.set(System.nanoTime());
                if (now.doubleValue() == 0) {
                    hidden.incrementAndGet();
                }
            };
        }

        static Caret of(FxRobot robot, TextInputControl input) throws Exception {
            List<Node> found = new ArrayList<>();
            robot.interact(() -> collect(input, found));
            assertThat(found).as("the caret of %s", input.getId()).hasSize(1);
            Caret c = new Caret(found.get(0));
            robot.interact(() -> c.path.opacityProperty().addListener(c.listener));
            return c;
        }

        private static void collect(Node n, List<Node> out) {
            if (n instanceof Path p && p.opacityProperty().isBound()) {
                out.add(p);
            }
            if (n instanceof Parent parent) {
                for (Node child : parent.getChildrenUnmodifiable()) {
                    collect(child, out);
                }
            }
        }

        /** Until the caret has not changed for 1.5 s (it blinks every 0.5 s while it blinks). */
        void waitUntilSteady() throws Exception {
            Waits.until(() -> System.nanoTime() - lastChange.get() > 1_500_000_000L);
        }

        /** Until the caret went off once more. */
        void waitUntilHidden() throws Exception {
            int before = hidden.get();
            Waits.until(() -> hidden.get() > before);
        }

        double opacity(FxRobot robot) throws Exception {
            return WaitForAsyncUtils.asyncFx(() -> path.getOpacity()).get();
        }

        void close(FxRobot robot) {
            robot.interact(() -> path.opacityProperty().removeListener(listener));
        }
    }

    private int framesIn3Seconds(FxRobot robot) throws InterruptedException {
        AtomicInteger pulses = new AtomicInteger();
        Runnable count = pulses::incrementAndGet;
        robot.interact(() -> stage.getScene().addPostLayoutPulseListener(count));
        Thread.sleep(3000);
        robot.interact(() -> stage.getScene().removePostLayoutPulseListener(count));
        return pulses.get();
    }

    private MainView shown(FxRobot robot) throws Exception {
        robot.interact(() -> fx.ui.showMain(fx.server.adminSession()));
        MainView view = fx.ui.mainView();
        TableView<ApprovalRow> table = view.table();
        Waits.until(() -> table.getItems().size() == 40);
        WaitForAsyncUtils.waitForFxEvents();
        return view;
    }
}
