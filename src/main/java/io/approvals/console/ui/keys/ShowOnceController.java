package io.approvals.console.ui.keys;

import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.Messages;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** show_once.fxml: a new key of someone else, shown this once with Copy and a warning. */
public final class ShowOnceController extends DialogController {
    private final String headline;
    private final IssuedKey issued;
    private final ClipboardGuard clipboard;

    @FXML
    Label heading;

    @FXML
    Label facts;

    @FXML
    TextField key;

    @FXML
    Label warning;

    @FXML
    Label clip;

    @FXML
    Button copy;

    @FXML
    Button done;

    public ShowOnceController(String headline, IssuedKey issued, ClipboardGuard clipboard) {
        this.headline = headline;
        this.issued = issued;
        this.clipboard = clipboard;
    }

    @FXML
    void initialize() {
        KeyMetadata m = issued.apiKey();
        heading.setText(headline);
        facts.setText(Messages.format(
                "showOnce.facts",
                m.name(),
                m.owner(),
                String.join(", ", m.scopes()),
                issued.key().fingerprint()));
        // a read-only field, not a Label: a Label's toString() carries its text (see key_window.fxml)
        key.setText(issued.key().reveal());
        warning.setText(Messages.format("showOnce.warning", m.owner()));
        clip.textProperty().bind(clipboard.statusProperty());
        clip.visibleProperty().bind(clip.textProperty().isNotEmpty());
        clip.managedProperty().bind(clip.visibleProperty());
        copy.setOnAction(e -> clipboard.copy(issued.key()));
        done.setOnAction(e -> close());
    }

    @Override
    public String title() {
        return Messages.get("showOnce.title");
    }

    @Override
    public Node initialFocus() {
        return copy;
    }

    @Override
    public Button defaultButton() {
        return done;
    }

    @Override
    public void closed() {
        key.clear();
    }
}
