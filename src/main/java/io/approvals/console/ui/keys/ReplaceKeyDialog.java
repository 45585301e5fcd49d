package io.approvals.console.ui.keys;

import io.approvals.console.contract.ApiKey;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Paste a new key: format-checked as typed, verified against the server, and only then stored. */
final class ReplaceKeyDialog {
    private ReplaceKeyDialog() {
    }

    static void show(Window owner, KeyPanelViewModel vm) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Replace key");
        PasswordField field = KeyPanel.secretField();
        field.setId("replaceKeyInput");
        Label format = KeyStyles.wrapped("");
        field.textProperty().addListener((o, a, text) -> format.setText(text.isBlank() ? "" : switch (ApiKey.formatOf(text)) {
            case VALID -> "An Approvals key; its checksum matches.";
            case BAD_CHECKSUM -> "The checksum does not match: a character was mistyped or cut.";
            case MALFORMED -> "Starts with apv_ but is not 42 letters and digits.";
            case OPAQUE -> "Not an apv_ key: it will be sent as it is.";
        }));
        Label status = KeyStyles.wrapped("");
        status.textProperty().bind(vm.statusProperty());
        status.styleProperty().bind(Bindings.when(vm.statusIsProblemProperty()).then(KeyStyles.PROBLEM).otherwise(""));
        Button save = new Button("Verify and store");
        save.setId("replaceKeySave");
        save.setDefaultButton(true);
        save.disableProperty().bind(field.textProperty().isEmpty().or(vm.busyProperty()));
        // admins may kill the replaced key at once (it leaked); named by fingerprint so nobody revokes the wrong one
        CheckBox revokeOld = new CheckBox();
        revokeOld.setId("replaceKeyRevokeOld");
        revokeOld.setWrapText(true);
        revokeOld.textProperty().bind(Bindings.concat("Revoke the old key ", vm.oldKeyLabelProperty(), " now"));
        revokeOld.visibleProperty().bind(vm.adminProperty().and(vm.oldKeyLabelProperty().isNotEmpty()));
        revokeOld.managedProperty().bind(revokeOld.visibleProperty());
        save.setOnAction(e -> {
            String text = field.getText();
            vm.replace(text, revokeOld.isVisible() && revokeOld.isSelected(), stage::close);
        });
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        stage.setOnHidden(e -> field.clear());
        VBox root = new VBox(10, KeyStyles.wrapped("Paste the new key for \u2018" + vm.profile() + "\u2019. It is "
                + "checked with the server first and only then stored; the old key stays until then."), field, format,
                revokeOld, status, new HBox(8, save, cancel));
        root.setPadding(new Insets(20));
        root.setPrefWidth(480);
        stage.setScene(new Scene(root));
        stage.show();
    }
}
