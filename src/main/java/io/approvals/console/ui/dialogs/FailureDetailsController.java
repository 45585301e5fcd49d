package io.approvals.console.ui.dialogs;

import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.Messages;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;

/** failure_details.fxml: a failure's details ({@code FailureDetails.of}) to copy for support; Close or Esc. */
public final class FailureDetailsController extends DialogController {
    /** One details window at a time: a second Details brings it to the front. */
    public static final String KIND = "failureDetails";

    private final String details;
    private final String textId;

    @FXML
    Label heading;

    @FXML
    Label hint;

    @FXML
    TextArea text;

    @FXML
    Button close;

    /** textId: the text area's id, for the tests of the window that asked (the banner's is bannerDetailsText). */
    public FailureDetailsController(String details, String textId) {
        this.details = details == null ? "" : details;
        this.textId = textId;
    }

    @FXML
    void initialize() {
        text.setId(textId == null ? "failureDetailsText" : textId);
        text.setText(details);
        // as many rows as its lines take once wrapped (a request id, a field's long message), up to 12; then it scrolls
        int columns = Math.max(20, text.getPrefColumnCount() - 4);
        long rows = details.lines()
                .mapToLong(l -> Math.max(1, (l.length() + columns - 1) / columns))
                .sum();
        text.setPrefRowCount((int) Math.max(2, Math.min(12, rows + 1)));
        close.setOnAction(e -> close());
    }

    @Override
    public String title() {
        return Messages.get("failure.details");
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The text, so the keyboard can select and copy it at once (Esc still closes). */
    @Override
    public Node initialFocus() {
        return text;
    }

    @Override
    public Button defaultButton() {
        return null;
    }
}
