package io.approvals.console.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.ui.main.ApprovalRow;
import io.approvals.console.ui.main.MainView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
 * Typing at start goes to the list: the table keeps the focus until the user first presses a key or a mouse button,
 * even when JavaFX's own focus clean-up hands it to the first focusable control (the search field) after the
 * table asked for it, which failed a full CI run now and then. After the first input the focus goes where the user
 * puts it.
 */
@ExtendWith(ApplicationExtension.class)
class StartFocusUiTest {
    @TempDir
    java.nio.file.Path dir;

    ConsoleUiFixture fx;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fx = ConsoleUiFixture.shownOn(stage, dir, 20);
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    @Test
    void theTableTakesTheFocusBackWhenSomethingElseTakesItBeforeTheUserActs(FxRobot robot) throws Exception {
        MainView view = shown(robot);
        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        // what Scene.focusInitial does in a pulse after the old screen's focus owner left the scene
        robot.interact(search::requestFocus);
        Waits.until(() -> stage.getScene().getFocusOwner() == view.table());
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.table().getSelectionModel().getSelectedIndex())
                .as("the first Down after start")
                .isEqualTo(1);
    }

    @Test
    void aClickInTheSearchFieldKeepsTheFocusThereAndTypingGoesIntoIt(FxRobot robot) throws Exception {
        MainView view = shown(robot);
        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        robot.clickOn(search);
        robot.write("inv");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(search);
        assertThat(search.getText()).isEqualTo("inv");
        // and a later move by the app is the app's to make: nothing pulls the focus back to the list
        robot.interact(search::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(search);
        assertThat(view.table().isFocused()).isFalse();
    }

    @Test
    void ctrlFAtStartMovesTheFocusToTheSearchFieldForGood(FxRobot robot) throws Exception {
        shown(robot);
        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        robot.push(KeyCode.CONTROL, KeyCode.F);
        robot.write("x");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(search);
        assertThat(search.getText()).isEqualTo("x");
    }

    private MainView shown(FxRobot robot) throws Exception {
        robot.interact(() -> fx.ui.showMain(fx.server.adminSession()));
        MainView view = fx.ui.mainView();
        TableView<ApprovalRow> table = view.table();
        Waits.until(() -> table.getItems().size() == 20);
        Waits.until(() -> stage.getScene().getFocusOwner() == table);
        WaitForAsyncUtils.waitForFxEvents();
        return view;
    }
}
