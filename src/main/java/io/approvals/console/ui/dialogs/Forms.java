package io.approvals.console.ui.dialogs;

import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Small helpers for inline validation messages. */
final class Forms {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private Forms() {}

    /** A red message under a field, shown only when there is something to say; marks the field too. */
    static Label errorFor(Node field, ObservableStringValue error, String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("error-text");
        l.textProperty().bind(error);
        l.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(error));
        l.managedProperty().bind(l.visibleProperty());
        error.addListener((o, a, b) -> field.pseudoClassStateChanged(DANGER, b != null && !b.isEmpty()));
        return l;
    }

    /**
     * Tab leaves a text area (for full keyboard operation) instead of typing a tab character:
     * the same event with Ctrl is what TextArea treats as focus traversal.
     */
    static void tabLeaves(javafx.scene.control.TextArea area) {
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                area.fireEvent(new javafx.scene.input.KeyEvent(
                        e.getSource(),
                        e.getTarget(),
                        e.getEventType(),
                        e.getCharacter(),
                        e.getText(),
                        e.getCode(),
                        e.isShiftDown(),
                        true,
                        e.isAltDown(),
                        e.isMetaDown()));
            }
        });
    }

    /** Binds a message label for good: shown only when there is something to say (see ViewModelBindings#message). */
    static void bindMessage(Label l, ObservableStringValue message) {
        new ViewModelBindings().message(l, message); // never undone: its undo list goes with it
    }

    /**
     * In a comment that is usually one line, Enter sends (the dialog's default button) and Shift+Enter starts a
     * new line, so a typed comment and Enter do what the dialog is for.
     */
    static void enterSends(javafx.scene.control.TextArea area, javafx.scene.control.Button send) {
        enterSends(area, () -> {
            if (!send.isDisabled()) {
                send.fire();
            }
        });
    }

    /** Enter in the field runs send (even when it can only say what is missing); Shift+Enter types a new line. */
    static void enterSends(javafx.scene.control.TextArea area, Runnable send) {
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != javafx.scene.input.KeyCode.ENTER || e.isShortcutDown()) {
                return;
            }
            if (e.isShiftDown()) {
                e.consume(); // TextArea itself types nothing for Shift+Enter
                area.replaceSelection("\n");
            } else if (!e.isAltDown()) {
                e.consume();
                send.run();
            }
        });
    }

    static Label caption(String text, Node target) {
        Label l = new Label(text);
        l.setLabelFor(target);
        l.getStyleClass().add("field-caption");
        return l;
    }
}
