package io.approvals.console.ui.dialogs;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.Messages;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.MouseEvent;

/** bulk_decision.fxml: one decision and one comment for several approvals; focus starts in the comment. */
public final class BulkDecisionController extends DialogController {
    private final BulkDecisionViewModel vm;
    private final Consumer<Approval> onDecided;
    private final Consumer<Throwable> onTrouble;
    private final Consumer<List<String>> selectRows;
    private boolean reject;

    @FXML
    Label heading;

    @FXML
    Label commentCaption;

    @FXML
    TextArea comment;

    @FXML
    ProgressBar progress;

    @FXML
    TableView<BulkItem> table;

    @FXML
    TableColumn<BulkItem, String> titleColumn;

    @FXML
    TableColumn<BulkItem, String> stateColumn;

    @FXML
    Label summary;

    @FXML
    Button selectFailed;

    @FXML
    Button cancel;

    @FXML
    Button submit;

    public BulkDecisionController(
            BulkDecisionViewModel vm, Consumer<Approval> onDecided, Consumer<Throwable> onTrouble) {
        this(vm, onDecided, onTrouble, ids -> {});
    }

    /** selectRows: selects these approvals in the main window ("Select the failed rows"). */
    public BulkDecisionController(
            BulkDecisionViewModel vm,
            Consumer<Approval> onDecided,
            Consumer<Throwable> onTrouble,
            Consumer<List<String>> selectRows) {
        this.vm = vm;
        this.onDecided = onDecided;
        this.onTrouble = onTrouble;
        this.selectRows = selectRows;
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

        // Failures first (they need the user), otherwise in sending order: a failed item moves to the top once,
        // rather than a sorted view re-sorting on every state change of every item.
        ObservableList<BulkItem> shown = FXCollections.observableArrayList(vm.items());
        for (BulkItem item : vm.items()) {
            item.stateProperty().addListener((o, a, st) -> {
                if (failed(item)) {
                    shown.remove(item);
                    shown.add(
                            (int) shown.stream()
                                    .filter(i -> i != item && failed(i))
                                    .count(),
                            item);
                } else if (st == BulkItem.State.SENDING) {
                    follow(table, shown.indexOf(item));
                }
            });
        }
        table.setItems(shown);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        titleColumn.setCellValueFactory(
                c -> new ReadOnlyStringWrapper(c.getValue().approval().title()));
        stateColumn.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> {
                    String m = c.getValue().messageProperty().get();
                    BulkItem.State s = c.getValue().state();
                    return s == BulkItem.State.DONE || m == null || m.isEmpty() ? s.text() : s.text() + ": " + m;
                },
                c.getValue().stateProperty(),
                c.getValue().messageProperty()));
        stateColumn.setCellFactory(c -> new TableCell<>() {
            {
                // the full text as a tooltip, made on first hover (a Tooltip is a popup window of its own); not
                // wrapped in the cell: rows of one height keep the list cheap to lay out while results stream in
                addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                    if (getText() != null && !getText().isEmpty()) {
                        if (getTooltip() == null) {
                            Tooltip full = new Tooltip();
                            full.setWrapText(true);
                            full.setMaxWidth(480);
                            setTooltip(full);
                        }
                        getTooltip().setText(getText());
                    }
                });
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
            }
        });
        progress.progressProperty().bind(vm.progressProperty());
        summary.textProperty().bind(vm.summaryProperty());
        summary.visibleProperty().bind(vm.summaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());

        cancel.textProperty()
                .bind(Bindings.when(vm.runningProperty())
                        .then(Messages.get("bulk.stop"))
                        .otherwise(Bindings.when(vm.finishedProperty())
                                .then(Messages.get("common.close"))
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
        submit.setOnAction(e -> vm.start(onDecided, onTrouble, () -> {}));
        selectFailed
                .visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.finishedProperty().get()
                                && !vm.runningProperty().get()
                                && vm.items().stream().anyMatch(BulkItem::sendable),
                        vm.finishedProperty(),
                        vm.runningProperty()));
        selectFailed.managedProperty().bind(selectFailed.visibleProperty());
        selectFailed.setOnAction(e -> {
            selectRows.accept(vm.items().stream()
                    .filter(BulkItem::sendable)
                    .map(i -> i.approval().id())
                    .toList());
            close();
        });
    }

    /** Scrolls only when the item being sent is out of sight: every scroll lays the whole list out again. */
    private static void follow(TableView<BulkItem> table, int index) {
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow
                && flow.getFirstVisibleCell() != null
                && flow.getLastVisibleCell() != null
                && index > flow.getFirstVisibleCell().getIndex()
                && index < flow.getLastVisibleCell().getIndex()) {
            return;
        }
        table.scrollTo(Math.max(0, index - 3));
    }

    private static boolean failed(BulkItem i) {
        return i.state() == BulkItem.State.FAILED || i.state() == BulkItem.State.CONFLICT;
    }

    @Override
    public String title() {
        return Messages.format(
                reject ? "bulk.title.reject" : "bulk.title.approve", vm.items().size());
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
