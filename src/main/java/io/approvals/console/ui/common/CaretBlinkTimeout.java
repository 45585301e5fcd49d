package io.approvals.console.ui.common;

import java.time.Duration;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.TextInputControlSkin;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Window;

/**
 * Stops a text field's caret blinking after a while without a key or a click, as GTK does
 * (gtk-cursor-blink-timeout, 10 s): the caret stays shown, steady, and blinks again on the next key or click. JavaFX
 * blinks it on a Timeline, and while any animation runs the window draws 60 frames a second: a focus left in the
 * search field cost that all day (bench "idle", docs/performance-notes.md).
 */
public final class CaretBlinkTimeout {
    /** GTK's default gtk-cursor-blink-timeout. */
    public static final Duration DEFAULT = Duration.ofSeconds(10);
    /** Milliseconds, for tests that cannot wait 10 s. */
    public static final String TIMEOUT_PROPERTY = "approvals.caretBlinkTimeoutMillis";

    private static final Object KEY = CaretBlinkTimeout.class;

    private final Scene scene;
    /** Runs only while a text input has the focus, that is while its caret's own Timeline runs anyway. */
    private final PauseTransition wait;

    private TextInputControl resting;

    private final ChangeListener<Boolean> windowFocus = (o, was, is) -> restart();
    private final EventHandler<Event> input = e -> {
        wake();
        restart();
    };

    private CaretBlinkTimeout(Scene scene, Duration timeout) {
        this.scene = scene;
        this.wait = new PauseTransition(javafx.util.Duration.millis(timeout.toMillis()));
        wait.setOnFinished(e -> rest());
        scene.focusOwnerProperty().addListener((o, before, now) -> restart());
        scene.windowProperty().addListener((o, before, window) -> {
            if (before != null) {
                before.focusedProperty().removeListener(windowFocus);
            }
            watch(window);
        });
        watch(scene.getWindow());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, input);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, input);
    }

    /** Installs on this scene with the default timeout (or the test property's); again on the same scene does nothing. */
    public static void install(Scene scene) {
        install(scene, Duration.ofMillis(Long.getLong(TIMEOUT_PROPERTY, DEFAULT.toMillis())));
    }

    /** Installs on this scene with this timeout; again on the same scene does nothing. UI thread. */
    public static void install(Scene scene, Duration timeout) {
        if (scene != null && !scene.getProperties().containsKey(KEY)) {
            scene.getProperties().put(KEY, new CaretBlinkTimeout(scene, timeout));
        }
    }

    private void watch(Window window) {
        if (window != null) {
            window.focusedProperty().addListener(windowFocus);
        }
    }

    /** Counts the timeout again from now while a text input has the focus; otherwise nothing blinks and it stops. */
    private void restart() {
        if (focusedInput() != null) {
            wait.playFromStart();
        } else {
            wait.stop();
        }
    }

    private void rest() {
        TextInputControl t = focusedInput();
        if (t != null && t.getSkin() instanceof TextInputControlSkin<?> skin) {
            skin.setCaretAnimating(false); // stops the Timeline and leaves the caret shown
            resting = t;
        }
    }

    /** JavaFX's text behaviour blinks again on its own keys and clicks; this covers any other key or click too. */
    private void wake() {
        TextInputControl t = resting;
        resting = null;
        if (t != null && t.isFocused() && t.getSkin() instanceof TextInputControlSkin<?> skin) {
            skin.setCaretAnimating(true);
        }
    }

    /** The text input whose caret shows: the focus owner, or the editor of an editable combo box, date or spinner. */
    private TextInputControl focusedInput() {
        Node owner = scene.getFocusOwner();
        TextInputControl t = null;
        if (owner instanceof TextInputControl text) {
            t = text;
        } else if (owner instanceof ComboBox<?> c && c.isEditable()) {
            t = c.getEditor();
        } else if (owner instanceof DatePicker d && d.isEditable()) {
            t = d.getEditor();
        } else if (owner instanceof Spinner<?> s && s.isEditable()) {
            t = s.getEditor();
        }
        return t != null && t.isFocused() && t.isEditable() && !t.isDisabled() ? t : null;
    }
}
