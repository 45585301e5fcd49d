package io.approvals.console.ui.main;

import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.Tooltips;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** "3 new" and "Jump to new": approvals that arrived since the user last looked at the window. */
final class NewWorkBadge extends HBox {

    NewWorkBadge(ApprovalsViewModel vm, ActionFactory actions) {
        Label count = new Label();
        count.setId("newCount");
        count.getStyleClass().add("new-badge");
        count.setMinWidth(USE_PREF_SIZE);
        count.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> Messages.format(
                                "main.newCount", vm.newCountProperty().get()),
                        vm.newCountProperty()));
        Button go = actions.button(MainAction.JUMP_TO_NEW);
        go.setId("jumpToNew");
        go.getStyleClass().add("flat");
        go.setMinWidth(USE_PREF_SIZE);
        Tooltips.install(go, actions.tooltip(MainAction.JUMP_TO_NEW));
        getChildren().addAll(count, go);
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        setId("newWork");
        visibleProperty().bind(vm.newCountProperty().greaterThan(0));
        managedProperty().bind(visibleProperty());
    }
}
