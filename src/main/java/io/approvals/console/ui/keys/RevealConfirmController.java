package io.approvals.console.ui.keys;

import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.Messages;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** reveal_confirm.fxml: "Show the key of ‘x’ on screen?" before it is revealed. */
public final class RevealConfirmController extends DialogController {
    private final String profile;
    private final long seconds;
    private final Runnable onShow;

    @FXML
    Label heading;

    @FXML
    Label warning;

    @FXML
    Button cancel;

    @FXML
    Button show;

    public RevealConfirmController(String profile, long seconds, Runnable onShow) {
        this.profile = profile;
        this.seconds = seconds;
        this.onShow = onShow;
    }

    @FXML
    void initialize() {
        heading.setText(Messages.format("reveal.heading", profile));
        warning.setText(Messages.format("reveal.warning", seconds));
        show.setText(Messages.format("reveal.show", seconds));
        cancel.setOnAction(e -> close());
        show.setOnAction(e -> {
            close();
            onShow.run();
        });
    }

    @Override
    public String title() {
        return Messages.get("reveal.title");
    }

    @Override
    public Node initialFocus() {
        return show;
    }

    @Override
    public Button defaultButton() {
        return show;
    }
}
