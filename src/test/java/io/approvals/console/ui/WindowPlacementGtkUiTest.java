package io.approvals.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.ui.session.WindowState;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On the real Linux toolkit (see DialogGrowsGtkUiTest): the main window opens where WindowPlacement puts it, as the
 * X server sees it: at its last place, and made to fit a screen it no longer fits.
 */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementGtkUiTest {
    private Stage stage;

    @BeforeAll
    static void onAnXServer() {
        XWindow.assumeRealToolkit();
    }

    @AfterEach
    void close(FxRobot robot) {
        if (stage != null) {
            robot.interact(stage::close);
        }
    }

    private Rectangle2D shownAt(FxRobot robot, String title, WindowState saved) throws Exception {
        robot.interact(() -> {
            stage = new Stage();
            stage.setTitle(title);
            stage.setScene(new Scene(new StackPane()));
            new WindowPlacement().place(stage, saved);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> XWindow.bounds(title).getWidth() > 1);
        return XWindow.bounds(title);
    }

    @Test
    void itOpensWhereItWasLastTime(FxRobot robot) throws Exception {
        assertThat(shownAt(robot, "placement: last time", new WindowState(100, 80, 1000, 700, false)))
                .isEqualTo(new Rectangle2D(100, 80, 1000, 700));
    }

    @Test
    void aWindowLargerThanTheScreenIsMadeToFitIt(FxRobot robot) throws Exception {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Rectangle2D b = shownAt(robot, "placement: too large", new WindowState(-300, 500, 5000, 4000, false));
        assertThat(b).as("within %s", screen).isEqualTo(screen);
    }
}
