package io.approvals.console.ui.main;

import io.approvals.console.ui.common.Icons;
import io.approvals.console.ui.common.Tooltips;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;

/** "3 new" and "Jump to new": approvals that arrived since the user last looked at the window. */
final class NewWorkBadge extends HBox {

    NewWorkBadge(ApprovalsViewModel vm, Runnable jump) {
        Label count = new Label();
        count.setId("newCount");
        count.getStyleClass().add("new-badge");
        count.setMinWidth(USE_PREF_SIZE);
        count.textProperty().bind(vm.newCountProperty().asString("%d new"));
        Button go = new Button("Jump to new", Icons.of(Feather.ARROW_DOWN_CIRCLE));
        go.setId("jumpToNew");
        go.getStyleClass().add("flat");
        go.setMinWidth(USE_PREF_SIZE);
        go.setOnAction(e -> jump.run());
        Tooltips.install(go, "Select the first approval that arrived since you last looked (Ctrl+J)");
        getChildren().addAll(count, go);
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        setId("newWork");
        visibleProperty().bind(vm.newCountProperty().greaterThan(0));
        managedProperty().bind(visibleProperty());
    }
}
