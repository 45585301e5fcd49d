package io.approvals.console.ui.keys;

import atlantafx.base.controls.PasswordTextField;
import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.KeyCheck;
import io.approvals.console.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;

/**
 * key_replace.fxml: the key window's Replace key. The pasted key is checked as typed (one message), verified with the
 * server and only then stored; an admin may revoke the key it replaces (named by its fingerprint) at the same time.
 */
public final class KeyReplaceController extends DialogController {
    private final KeyPanelViewModel vm;
    private boolean sent;

    @FXML
    Label heading;

    @FXML
    PasswordTextField key;

    @FXML
    Label format;

    @FXML
    CheckBox revokeOld;

    @FXML
    Label status;

    @FXML
    ProgressIndicator busy;

    @FXML
    Button cancel;

    @FXML
    Button save;

    public KeyReplaceController(KeyPanelViewModel vm) {
        this.vm = vm;
    }

    @FXML
    void initialize() {
        heading.setText(Messages.format("replace.heading", vm.profile()));
        format.visibleProperty().bind(format.textProperty().isNotEmpty());
        format.managedProperty().bind(format.visibleProperty());
        boolean[] sendable = new boolean[1];
        key.passwordProperty().addListener((o, a, text) -> {
            KeyCheck check = KeyCheck.of(text);
            format.setText(check.message());
            format.getStyleClass().setAll("label", check.sendable() ? "success-text" : "error-text");
            sendable[0] = check.sendable();
            sent = false; // the last answer was about another key
            save.setDisable(!check.sendable() || vm.busyProperty().get());
        });
        vm.busyProperty().addListener((o, was, is) -> save.setDisable(is || !sendable[0]));
        save.setDisable(true);
        revokeOld
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> Messages.format(
                                "keyWindow.replace.revokeOld",
                                vm.oldKeyLabelProperty().get()),
                        vm.oldKeyLabelProperty()));
        revokeOld
                .visibleProperty()
                .bind(vm.adminProperty().and(vm.oldKeyLabelProperty().isNotEmpty()));
        revokeOld.managedProperty().bind(revokeOld.visibleProperty());
        // only the answer to this dialog's own attempt, not what the key window said before
        status.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> sent ? vm.statusProperty().get() : "", vm.statusProperty(), vm.busyProperty()));
        status.getStyleClass().add("error-text");
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        busy.visibleProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> close());
        save.setOnAction(e -> {
            sent = true;
            vm.replace(key.getPassword(), revokeOld.isVisible() && revokeOld.isSelected(), this::close);
        });
        // the masked field's text formatter consumes Esc (cancelEdit), so the dialog's Esc would never see it
        key.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                close();
            }
        });
    }

    @Override
    public String title() {
        return Messages.get("replace.title");
    }

    @Override
    public String kind() {
        return "keyReplace:" + vm.profile();
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
