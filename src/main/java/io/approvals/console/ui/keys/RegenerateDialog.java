package io.approvals.console.ui.keys;

import io.approvals.console.service.RotationGrace;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Regenerate, with the two clearly different choices side by side: "This key is compromised" (the old
 * key dies at once) and "Routine rotation" (the old key keeps working 1 hour, 24 hours or 7 days). Where
 * the server has no /apikeys endpoints it explains that an administrator must issue the key and offers
 * Replace key… instead (the consumer then gets null).
 */
final class RegenerateDialog {
    private RegenerateDialog() {
    }

    static void show(Window owner, String subject, boolean manualOnly, Consumer<RotationGrace> choice) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Regenerate the key");
        VBox root = new VBox(14);
        root.setId("regenerateDialog");
        root.setPadding(new Insets(20));
        root.setPrefWidth(520);
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());

        if (manualOnly) {
            Label why = KeyStyles.wrapped("This server has no /apikeys endpoints, so the key of \u2018" + subject
                    + "\u2019 cannot be regenerated from here. An administrator of the server must issue the new "
                    + "key (and revoke the old one if it leaked). Then paste it with Replace key\u2026");
            Button replace = new Button("Replace key\u2026");
            replace.setId("manualReplaceButton");
            replace.setDefaultButton(true);
            replace.setOnAction(e -> {
                stage.close();
                choice.accept(null);
            });
            root.getChildren().addAll(why, new HBox(8, replace, cancel));
        } else {
            Label compromisedTitle = new Label("This key is compromised");
            compromisedTitle.setStyle("-fx-font-weight: bold; -fx-font-size: 1.1em;");
            Label compromisedText = KeyStyles.wrapped("It leaked, or may have. The old key stops working at once; "
                    + "every other program that uses it gets errors until it has the new key. The clipboard is "
                    + "cleared if it holds the old key.");
            Button kill = new Button("Regenerate now \u2014 the old key dies");
            kill.setId("compromisedButton");
            kill.setStyle(KeyStyles.DANGER_BUTTON);
            kill.setOnAction(e -> {
                stage.close();
                choice.accept(RotationGrace.COMPROMISED);
            });

            Label routineTitle = new Label("Routine rotation");
            routineTitle.setStyle("-fx-font-weight: bold; -fx-font-size: 1.1em;");
            Label routineText = KeyStyles.wrapped("A scheduled change. The old key keeps working for a while so "
                    + "other running programs can switch to the new one.");
            ChoiceBox<RotationGrace> grace = new ChoiceBox<>();
            grace.setId("graceChoice");
            grace.getItems().setAll(RotationGrace.ROUTINE);
            grace.setValue(RotationGrace.ONE_DAY);
            grace.setConverter(new StringConverter<>() {
                @Override
                public String toString(RotationGrace g) {
                    return g == null ? "" : "old key works " + g.describe() + " more";
                }

                @Override
                public RotationGrace fromString(String s) {
                    return null;
                }
            });
            Button rotate = new Button("Rotate");
            rotate.setId("routineButton");
            rotate.setDefaultButton(true);
            rotate.setOnAction(e -> {
                stage.close();
                choice.accept(grace.getValue());
            });
            root.getChildren().addAll(KeyStyles.wrapped("Regenerate the key of \u2018" + subject + "\u2019. "
                            + "The new key is stored and verified; it is never shown unless you reveal it."),
                    compromisedTitle, compromisedText, kill, new Separator(),
                    routineTitle, routineText, new HBox(8, grace, rotate), new Separator(), cancel);
        }
        stage.setScene(new Scene(root));
        stage.show();
    }
}
