package io.approvals.console.ui.dialogs;

import atlantafx.base.controls.PasswordTextField;
import io.approvals.console.client.ApiException;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.KeyCheck;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.session.ConsoleEnvironment;
import io.approvals.console.ui.session.ConsoleSession;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;

/** replace_key.fxml: paste a new key; checked as typed, verified against the server, only then stored. */
public final class ReplaceKeyController extends DialogController {
    private final ConsoleEnvironment env;
    private final Background background;
    private final String connection;
    private final Consumer<ConsoleSession> onReplaced;

    @FXML
    Label heading;

    @FXML
    PasswordTextField key;

    @FXML
    Label format;

    @FXML
    Label error;

    @FXML
    ProgressIndicator busy;

    @FXML
    Button cancel;

    @FXML
    Button save;

    public ReplaceKeyController(
            ConsoleEnvironment env, Background background, String connection, Consumer<ConsoleSession> onReplaced) {
        this.env = env;
        this.background = background;
        this.connection = connection;
        this.onReplaced = onReplaced;
    }

    @FXML
    void initialize() {
        heading.setText(Messages.format("replace.heading", connection));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        format.visibleProperty().bind(format.textProperty().isNotEmpty());
        format.managedProperty().bind(format.visibleProperty());
        save.setDisable(true);
        key.passwordProperty().addListener((o, a, text) -> {
            KeyCheck check = KeyCheck.of(text);
            format.setText(check.message());
            format.getStyleClass().setAll("label", check.sendable() ? "success-text" : "error-text");
            error.setText("");
            save.setDisable(!check.sendable());
        });
        cancel.setOnAction(e -> close());
        save.setOnAction(e -> send());
        // the masked field's text formatter consumes Esc (cancelEdit), so the dialog's Esc would never see it
        key.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                close();
            }
        });
    }

    private void send() {
        ApiKey k;
        try {
            k = ApiKey.of(key.getPassword());
        } catch (IllegalArgumentException ex) {
            return; // the format line already says why
        }
        save.setDisable(true);
        busy.setVisible(true);
        error.setText("");
        background.run(
                () -> env.replaceKey(connection, k),
                session -> {
                    close();
                    onReplaced.accept(session);
                },
                ex -> {
                    busy.setVisible(false);
                    save.setDisable(false);
                    error.setText(explain(ex));
                });
    }

    private static String explain(Throwable e) {
        if (e instanceof ApiException.Unauthorized) {
            return Messages.get("replace.error.rejected");
        }
        if (e instanceof ApiException.Network) {
            return Messages.get("replace.error.offline");
        }
        return Messages.format("replace.error.other", io.approvals.console.ui.common.FailureLine.of(e));
    }

    @Override
    public String title() {
        return Messages.get("replace.title");
    }

    @Override
    public String kind() {
        return "replaceKey";
    }

    @Override
    public Node initialFocus() {
        return key;
    }

    @Override
    public Button defaultButton() {
        return save;
    }

    @Override
    public void closed() {
        key.clear();
    }
}
