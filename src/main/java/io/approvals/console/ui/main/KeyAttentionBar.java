package io.approvals.console.ui.main;

import io.approvals.console.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/** The key banner: shown while something about the key needs attention, with the action that resolves it. */
final class KeyAttentionBar extends HBox {
    private final Label text = new Label();
    private final Button action = new Button();

    KeyAttentionBar(KeyStatusViewModel vm) {
        setId("keyAttentionBanner");
        getStyleClass().addAll("banner", "banner-unauthorized");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        text.setId("keyAttentionText");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        action.setId("keyAttentionAction");
        action.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(text, Priority.SOMETIMES);
        getChildren().addAll(new Label(null, Icons.of(Feather.KEY)), text, spacer, action);
        vm.attentionProperty().addListener((o, a, b) -> show(b));
        action.setOnAction(e -> {
            KeyAttentionBanner b = vm.attentionProperty().get();
            if (b != null && b.action() != null) {
                b.action().run();
            }
        });
        show(vm.attentionProperty().get());
    }

    private void show(KeyAttentionBanner b) {
        setVisible(b != null);
        setManaged(b != null);
        if (b == null) {
            return;
        }
        text.setText(b.text());
        action.setVisible(b.actionLabel() != null);
        action.setManaged(b.actionLabel() != null);
        action.setText(b.actionLabel());
        action.setAccessibleText(b.actionLabel());
    }
}
