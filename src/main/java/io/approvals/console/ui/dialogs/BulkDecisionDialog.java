package io.approvals.console.ui.dialogs;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.ui.common.DialogWindow;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** One decision and one comment for several approvals: progress, a result per item, cancel. */
public final class BulkDecisionDialog {
    private final DialogWindow window;

    public BulkDecisionDialog(Window owner, ThemeChoice theme, BulkDecisionViewModel vm,
                              Consumer<Approval> onDecided, Consumer<Throwable> onTrouble) {
        boolean reject = vm.decisionProperty().get() == ApprovalStatus.REJECTED;
        String verb = reject ? "Reject" : "Approve";
        window = new DialogWindow(owner, verb + " " + vm.items().size(),
                verb + " " + vm.items().size() + " approvals", theme);
        window.stage().getScene().getRoot().setId("bulkDialog");

        TextArea comment = new TextArea();
        comment.setId("bulkComment");
        comment.setAccessibleText("Comment for every approval");
        comment.setPromptText(reject ? "Why? (required to reject; sent with every one)" : "Comment (optional; sent with every one)");
        comment.setWrapText(true);
        Forms.tabLeaves(comment);
        comment.setPrefRowCount(2);
        comment.textProperty().bindBidirectional(vm.commentProperty());
        comment.disableProperty().bind(vm.runningProperty());

        TableView<BulkItem> table = new TableView<>(vm.items());
        table.setId("bulkTable");
        table.setPrefHeight(260);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<BulkItem, String> title = new TableColumn<>("Approval");
        title.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().approval().title()));
        title.setPrefWidth(240);
        title.setSortable(false);
        TableColumn<BulkItem, String> state = new TableColumn<>("Result");
        state.setCellValueFactory(c -> Bindings.createStringBinding(() -> {
            String m = c.getValue().messageProperty().get();
            BulkItem.State s = c.getValue().state();
            return s == BulkItem.State.DONE || m == null || m.isEmpty() ? s.text() : s.text() + ": " + m;
        }, c.getValue().stateProperty(), c.getValue().messageProperty()));
        state.setSortable(false);
        table.getColumns().addAll(title, state);

        ProgressBar progress = new ProgressBar();
        progress.setId("bulkProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        Label summary = new Label();
        summary.setId("bulkSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());

        VBox content = new VBox(10, new Label("Comment"), comment, progress, table, summary);
        content.setPrefWidth(600);

        Button cancel = new Button("Cancel");
        cancel.setId("bulkCancel");
        cancel.setCancelButton(true);
        cancel.textProperty().bind(Bindings.when(vm.runningProperty()).then("Stop")
                .otherwise(Bindings.when(vm.finishedProperty()).then("Close").otherwise("Cancel")));
        cancel.setOnAction(e -> {
            if (vm.runningProperty().get()) {
                vm.cancel();
            } else {
                window.close();
            }
        });
        Button send = new Button(verb + " all");
        send.setId("bulkSubmit");
        send.getStyleClass().add(reject ? "danger" : "success");
        send.setDefaultButton(true);
        send.disableProperty().bind(vm.canStartProperty().not());
        vm.finishedProperty().addListener((o, a, f) -> send.setText(f ? "Send the rest again" : verb + " all"));
        send.setOnAction(e -> vm.start(onDecided, onTrouble, () -> { }));
        window.content(content).buttons(cancel, send);
        window.stage().setOnCloseRequest(e -> vm.cancel());
    }

    public void show() {
        window.show();
    }
}
