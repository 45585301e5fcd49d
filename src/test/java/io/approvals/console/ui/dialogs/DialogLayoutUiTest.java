package io.approvals.console.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every dialog with the longest texts on a 900×600 screen, light and dark, English and German: no Labeled cut
 * with an ellipsis (headings may be, with the full text in their tooltip), no node outside its window, no window
 * wider than 90 % of the screen or off the screen.
 */
@ExtendWith(ApplicationExtension.class)
class DialogLayoutUiTest {
    static final Rectangle2D SCREEN = new Rectangle2D(0, 0, 900, 600);
    static final Rectangle2D LARGE = new Rectangle2D(0, 0, 1400, 900);
    Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(900);
        stage.setHeight(600);
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane()));
        stage.show();
    }

    @AfterEach
    void english() {
        Messages.useLanguage("en");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"LIGHT, en", "DARK, en", "LIGHT, de", "DARK, de"})
    void everyDialogFitsA900x600ScreenWithLongTexts(ThemeChoice theme, String language, FxRobot robot) {
        check(theme, language, SCREEN, robot);
    }

    @ParameterizedTest(name = "{0} {1} 1400x900")
    @CsvSource({"LIGHT, en", "DARK, de"})
    void everyDialogFitsA1400x900ScreenWithLongTexts(ThemeChoice theme, String language, FxRobot robot) {
        robot.interact(() -> {
            owner.setWidth(1400);
            owner.setHeight(900);
        });
        check(theme, language, LARGE, robot);
    }

    private void check(ThemeChoice theme, String language, Rectangle2D screenBounds, FxRobot robot) {
        final Rectangle2D SCREEN = screenBounds;
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            Messages.useLanguage(language);
            Themes.apply(theme);
        });
        DialogService service = new DialogService(owner, () -> theme, w -> SCREEN);
        String only = System.getProperty("dialogs", "");
        for (Map.Entry<String, Function<DialogService, DialogController>> e :
                DialogCatalog.all().entrySet()) {
            if (!only.isEmpty() && !only.contains(e.getKey())) {
                continue;
            }
            AtomicReference<DialogController> opened = new AtomicReference<>();
            robot.interact(() -> opened.set(e.getValue().apply(service)));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                Stage s = opened.get().stage();
                for (String p : LayoutCheck.problems(s, SCREEN)) {
                    problems.add(e.getKey() + ": " + p);
                }
                s.close();
            });
        }
        assertThat(problems).isEmpty();
    }
}
