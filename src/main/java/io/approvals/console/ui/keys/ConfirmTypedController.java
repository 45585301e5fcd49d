package io.approvals.console.ui.keys;

import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.Messages;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** confirm_typed.fxml: a destructive action (revoke) that runs only after its name is typed. Never a default. */
public final class ConfirmTypedController extends DialogController {
    private final String windowTitle;
    private final String headline;
    private final String explanation;
    private final String name;
    private final String actionText;
    private final Runnable action;

    @FXML
    Label heading;

    @FXML
    Label text;

    @FXML
    Label caption;

    @FXML
    TextField typed;

    @FXML
    Button cancel;

    @FXML
    Button act;

    public ConfirmTypedController(
            String windowTitle, String headline, String explanation, String name, String actionText, Runnable action) {
        this.windowTitle = windowTitle;
        this.headline = headline;
        this.explanation = explanation;
        this.name = name;
        this.actionText = actionText;
        this.action = action;
    }

    @FXML
    void initialize() {
        heading.setText(headline);
        text.setText(explanation);
        caption.setText(Messages.format("confirm.typeName", name));
        caption.setLabelFor(typed);
        typed.setPromptText(name);
        act.setText(actionText);
        act.disableProperty().bind(typed.textProperty().isNotEqualTo(name));
        typed.setOnAction(e -> {
            e.consume();
            if (!act.isDisabled()) {
                act.fire();
            }
        });
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.setOnAction(e -> close());
        act.setOnAction(e -> {
            close();
            action.run();
        });
    }

    @Override
    public String title() {
        return windowTitle;
    }

    @Override
    public Node initialFocus() {
        return typed;
    }

    /** None: the destructive button is never the default. */
    @Override
    public Button defaultButton() {
        return null;
    }
}
