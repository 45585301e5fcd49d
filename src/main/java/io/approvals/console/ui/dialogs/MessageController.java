package io.approvals.console.ui.dialogs;

import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.Messages;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/**
 * message.fxml: a short message with OK (Enter and Esc close it), for what a JavaFX {@code Alert} used to say: an
 * Alert's OK is worded by JavaFX in the OS language, not in the language chosen in Settings, and it is sized and
 * placed by rules other than the dialog service's.
 */
public final class MessageController extends DialogController {
    private final String title;
    private final String headingText;
    private final String text;

    @FXML
    Label heading;

    @FXML
    Label message;

    @FXML
    Button ok;

    /** heading: a line above the text, or null for none. */
    public MessageController(String title, String heading, String text) {
        this.title = title;
        this.headingText = heading;
        this.text = text == null ? "" : text;
    }

    @FXML
    void initialize() {
        heading.setText(headingText == null ? "" : headingText);
        heading.setVisible(headingText != null);
        heading.setManaged(headingText != null);
        message.setText(text);
        ok.setOnAction(e -> close());
    }

    @Override
    public String title() {
        return title == null ? Messages.get("message.title") : title;
    }

    @Override
    public Node initialFocus() {
        return ok;
    }

    @Override
    public Button defaultButton() {
        return ok;
    }
}
