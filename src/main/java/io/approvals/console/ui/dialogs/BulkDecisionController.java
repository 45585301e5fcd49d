package io.approvals.console.ui.dialogs;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.Messages;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;

/** bulk_decision.fxml: one decision and one comment for several approvals; focus starts in the comment. */
public final class BulkDecisionController extends DialogController {
    private final BulkDecisionViewModel vm;
    private final Consumer<Approval> onDecided;
    private final Consumer<Throwable> onTrouble;
    private boolean reject;

    @FXML Label heading;
    @FXML Label commentCaption;
    @FXML TextArea comment;
    @FXML ProgressBar progress;
    @FXML TableView<BulkItem> table;
    @FXML TableColumn<BulkItem, String> titleColumn;
    @FXML TableColumn<BulkItem, String> stateColumn;
    @FXML Label summary;
    @FXML Button cancel;
    @FXML Button submit;

    public BulkDecisionController(BulkDecisionViewModel vm, Consumer<Approval> onDecided,
                                  Consumer<Throwable> onTrouble) {
        this.vm = vm;
        this.onDecided = onDecided;
        this.onTrouble = onTrouble;
    }

    @FXML
    void initialize() {
        reject = vm.decisionProperty().get() == ApprovalStatus.REJECTED;
        int n = vm.items().size();
        heading.setText(Messages.format(reject ? "bulk.heading.reject" : "bulk.heading.approve", n));
        commentCaption.setLabelFor(comment);
        comment.setPromptText(Messages.get(reject ? "bulk.prompt.reject" : "bulk.prompt.approve"));
        Forms.tabLeaves(comment);
        Forms.enterSends(comment, submit);
        comment.textProperty().bindBidirectional(vm.commentProperty());
        comment.disableProperty().bind(vm.runningProperty());

        table.setItems(vm.items());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        titleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().approval().title()));
        stateColumn.setCellValueFactory(c -> Bindings.createStringBinding(() -> {
            String m = c.getValue().messageProperty().get();
            BulkItem.State s = c.getValue().state();
            return s == BulkItem.State.DONE || m == null || m.isEmpty() ? s.text() : s.text() + ": " + m;
        }, c.getValue().stateProperty(), c.getValue().messageProperty()));
        progress.progressProperty().bind(vm.progressProperty());
        summary.textProperty().bind(vm.summaryProperty());
        summary.visibleProperty().bind(vm.summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());

        cancel.textProperty().bind(Bindings.when(vm.runningProperty()).then(Messages.get("bulk.stop"))
                .otherwise(Bindings.when(vm.finishedProperty()).then(Messages.get("common.close"))
                        .otherwise(Messages.get("common.cancel"))));
        cancel.setOnAction(e -> {
            if (vm.runningProperty().get()) {
                vm.cancel();
            } else {
                close();
            }
        });
        String all = Messages.get(reject ? "bulk.rejectAll" : "bulk.approveAll");
        submit.setText(all);
        submit.getStyleClass().add(reject ? "danger" : "success");
        submit.disableProperty().bind(vm.canStartProperty().not());
        vm.finishedProperty().addListener((o, a, f) -> submit.setText(f ? Messages.get("bulk.sendRest") : all));
        submit.setOnAction(e -> vm.start(onDecided, onTrouble, () -> { }));
    }

    @Override
    public String title() {
        return Messages.format(reject ? "bulk.title.reject" : "bulk.title.approve", vm.items().size());
    }

    @Override
    public Node initialFocus() {
        return comment;
    }

    @Override
    public Button defaultButton() {
        return submit;
    }

    @Override
    public void closed() {
        vm.cancel();
    }
}
