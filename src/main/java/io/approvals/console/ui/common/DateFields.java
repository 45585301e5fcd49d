package io.approvals.console.ui.common;

import java.time.format.DateTimeParseException;
import javafx.scene.control.DatePicker;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A DatePicker keeps typed text uncommitted until its own Enter handler runs, which comes after the dialog's default
 * button: a typed date and Enter sent nothing. Here the text is committed on Enter (before the default button) and
 * when the field loses focus.
 */
public final class DateFields {
    private DateFields() {
    }

    public static void commitTypedText(DatePicker picker) {
        picker.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                commit(picker);
            }
        });
        picker.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit(picker);
            }
        });
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
