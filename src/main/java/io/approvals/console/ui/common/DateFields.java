package io.approvals.console.ui.common;

import java.time.format.DateTimeParseException;
import javafx.scene.control.DatePicker;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A DatePicker keeps typed text uncommitted (and Enter to itself): a typed date and Enter sent nothing. Here the
 * text is committed on Enter, which then runs the dialog's default button, and when the field loses focus.
 */
public final class DateFields {
    private DateFields() {}

    public static void commitTypedText(DatePicker picker) {
        picker.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
                commit(picker);
                // the picker's editor keeps Enter to itself: the dialog's default button is run from here
                javafx.scene.control.Button button = defaultButton(picker);
                if (button != null) {
                    e.consume();
                    if (!button.isDisabled()) {
                        button.fire();
                    }
                }
            }
        });
        picker.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit(picker);
            }
        });
    }

    private static javafx.scene.control.Button defaultButton(DatePicker picker) {
        if (picker.getScene() == null) {
            return null;
        }
        for (javafx.scene.Node n : picker.getScene().getRoot().lookupAll(".button")) {
            if (n instanceof javafx.scene.control.Button b && b.isDefaultButton() && b.isVisible()) {
                return b;
            }
        }
        return null;
    }

    /** Takes the editor's text as the value; text that is not a date leaves the value as it was. */
    public static void commit(DatePicker picker) {
        String text = picker.getEditor().getText();
        try {
            if (text == null || text.isBlank()) {
                picker.setValue(null);
            } else {
                picker.setValue(picker.getConverter().fromString(text.strip()));
            }
        } catch (DateTimeParseException notADate) {
            picker.getEditor().setText(picker.getConverter().toString(picker.getValue()));
        }
    }
}
