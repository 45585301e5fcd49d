package io.approvals.console.ui.dialogs;

import atlantafx.base.controls.PasswordTextField;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.DialogWindow;
import io.approvals.console.ui.session.ConsoleEnvironment;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Paste a new key: format-checked as typed, verified against the server, and only then stored. */
public final class ReplaceKeyDialog {
    private final DialogWindow window;

    public ReplaceKeyDialog(Window owner, ThemeChoice theme, ConsoleEnvironment env, Background background,
                            String connection, Consumer<ConsoleSession> onReplaced) {
        window = new DialogWindow(owner, "Replace key", "Replace the key of \u2018" + connection + "\u2019", theme);
        window.stage().getScene().getRoot().setId("replaceKeyDialog");
        Label intro = new Label("Paste the new key. It is checked with the server first and only then stored; "
                + "the old key stays until then.");
        intro.setWrapText(true);
        PasswordTextField key = new PasswordTextField();
        key.setId("replaceKeyField");
        key.setAccessibleText("New API key, masked");
        key.setPromptText("apv_\u2026");
        Label format = new Label();
        format.setWrapText(true);
        Label error = new Label();
        error.setId("replaceKeyError");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> window.close());
        Button save = new Button("Verify and save");
        save.setId("replaceKeySave");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setDisable(true);
        key.passwordProperty().addListener((o, a, text) -> {
            ApiKey.Format f = ApiKey.formatOf(text);
            boolean bad = f == ApiKey.Format.BAD_CHECKSUM || f == ApiKey.Format.MALFORMED;
            format.setText(text.isBlank() ? "" : switch (f) {
                case VALID -> "\u2713 An Approvals key; its checksum matches.";
                case BAD_CHECKSUM -> "The checksum does not match: a character was mistyped or cut.";
                case MALFORMED -> "Starts with apv_ but is not 42 letters and digits.";
                case OPAQUE -> "Not an apv_ key: it will be sent as it is.";
            });
            format.getStyleClass().setAll("label", bad ? "error-text" : "success-text");
            save.setDisable(text.isBlank() || bad);
        });
        save.setOnAction(e -> {
            ApiKey k;
            try {
                k = ApiKey.of(key.getPassword());
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                return;
            }
            save.setDisable(true);
            busy.setVisible(true);
            error.setText("");
            background.run(() -> env.replaceKey(connection, k), session -> {
                window.close();
                onReplaced.accept(session);
            }, ex -> {
                busy.setVisible(false);
                save.setDisable(false);
                error.setText(explain(ex) + " The old key is unchanged.");
            });
        });
        VBox content = new VBox(10, intro, key, format, error);
        content.setPrefWidth(460);
        window.content(content).buttons(busy, cancel, save);
    }

    private static String explain(Throwable e) {
        if (e instanceof io.approvals.console.client.ApiException.Unauthorized) {
            return "The server rejected this key too: it may be mistyped, revoked or expired.";
        }
        if (e instanceof io.approvals.console.client.ApiException.Network) {
            return "The server cannot be reached, so the key could not be checked. Try again when it is back.";
        }
        return e.getMessage() == null ? "That failed (" + e.getClass().getSimpleName() + ")." : e.getMessage();
    }

    public void show() {
        window.show();
    }
}
