package io.approvals.console.ui.main;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * Keeps the keyboard focus on one control until the user first presses a key or a mouse button in its window. A
 * single request at start is not enough: JavaFX's focus clean-up (Scene.focusInitial, run in a pulse when the last
 * focus owner left the scene) can hand the focus to the first focusable control after the request (seen in CI).
 */
final class FocusUntilInput {
    /** A bound for a control that keeps losing the focus to something else: never a tug of war. */
    private static final int MOST_RETURNS = 5;

    private final Node target;
    private final ChangeListener<Node> ownerChange = (o, was, now) -> returnFocus(now);
    private final EventHandler<Event> input = e -> stop();
    private final ChangeListener<Scene> sceneChange = (o, was, now) -> {
        detach(was);
        if (now == null) {
            stop(); // the view was replaced
        } else {
            attach(now);
        }
    };
    private Scene scene;
    private int returns;
    private boolean stopped;

    private FocusUntilInput(Node target) {
        this.target = target;
    }

    /** Call on the UI thread: asks for the focus now (once the node has a scene) and keeps it until the first input. */
    static void keep(Node target) {
        FocusUntilInput keeper = new FocusUntilInput(target);
        target.sceneProperty().addListener(keeper.sceneChange);
        keeper.attach(target.getScene());
    }

    private void attach(Scene now) {
        if (now == null || stopped) {
            return;
        }
        scene = now;
        now.focusOwnerProperty().addListener(ownerChange);
        now.addEventFilter(KeyEvent.KEY_PRESSED, input);
        now.addEventFilter(MouseEvent.MOUSE_PRESSED, input);
        Platform.runLater(() -> returnFocus(now.getFocusOwner()));
    }

    private void detach(Scene was) {
        if (was == null) {
            return;
        }
        was.focusOwnerProperty().removeListener(ownerChange);
        was.removeEventFilter(KeyEvent.KEY_PRESSED, input);
        was.removeEventFilter(MouseEvent.MOUSE_PRESSED, input);
        scene = null;
    }

    private void returnFocus(Node owner) {
        if (stopped || owner == target || target.getScene() == null) {
            return;
        }
        if (returns++ >= MOST_RETURNS) {
            stop();
            return;
        }
        // later: a focus change from inside a focus-owner listener would nest in the change being reported
        Platform.runLater(() -> {
            if (!stopped && target.getScene() != null && target.getScene().getFocusOwner() != target) {
                target.requestFocus();
            }
        });
    }

    /** The user acted (or the view left its window): from now on the focus goes where the user puts it. */
    private void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        detach(scene);
        target.sceneProperty().removeListener(sceneChange);
    }
}
