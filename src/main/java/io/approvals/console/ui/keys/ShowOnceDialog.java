package io.approvals.console.ui.keys;

import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyMetadata;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A new key of someone else, shown this once with Copy and a warning that it will not be shown again. */
final class ShowOnceDialog {
    private ShowOnceDialog() {
    }

    static void show(Window owner, String headline, IssuedKey issued, ClipboardGuard clipboard) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("New key");
        KeyMetadata m = issued.apiKey();
        TextField key = new TextField(issued.key().reveal());
        key.setId("issuedKeyText");
        key.setEditable(false);
        key.setStyle(KeyStyles.MONO);
        Label warning = KeyStyles.wrapped("This is the only time this key is shown. Copy it now and hand it to "
                + m.owner() + " over a safe channel; it cannot be shown again. If it gets lost, regenerate it.");
        warning.setId("issuedKeyWarning");
        warning.setStyle(KeyStyles.WARNING);
        Label clip = KeyStyles.wrapped("");
        clip.textProperty().bind(clipboard.statusProperty());
        Button copy = new Button("Copy");
        copy.setId("issuedKeyCopy");
        copy.setOnAction(e -> clipboard.copy(issued.key()));
        Button done = new Button("Done");
        done.setId("issuedKeyDone");
        done.setDefaultButton(true);
        done.setOnAction(e -> stage.close());
        stage.setOnHidden(e -> key.clear());
        VBox root = new VBox(10, new Label(headline), KeyStyles.wrapped("\u2018" + m.name() + "\u2019 of " + m.owner()
                + ", scopes " + String.join(", ", m.scopes()) + ", fingerprint " + issued.key().fingerprint()),
                key, warning, clip, new HBox(8, copy, done));
        root.setId("showOnceDialog");
        root.setPadding(new Insets(20));
        root.setPrefWidth(560);
        stage.setScene(new Scene(root));
        stage.show();
    }
}
