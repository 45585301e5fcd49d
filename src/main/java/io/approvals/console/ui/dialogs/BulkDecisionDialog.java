package io.approvals.console.ui.dialogs;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.ui.common.DialogWindow;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** One decision and one comment for several approvals: progress, a result per item, cancel. */
public final class BulkDecisionDialog {
    private final DialogWindow window;

    public BulkDecisionDialog(Window owner, ThemeChoice theme, BulkDecisionViewModel vm,
                              Consumer<Approval> onDecided, Consumer<Throwable> onTrouble) {
        this(owner, theme, vm, onDecided, onTrouble, ids -> { });
    }

    /** selectRows: selects these approvals in the main window ("Select the failed rows"). */
    public BulkDecisionDialog(Window owner, ThemeChoice theme, BulkDecisionViewModel vm,
                              Consumer<Approval> onDecided, Consumer<Throwable> onTrouble,
                              Consumer<List<String>> selectRows) {
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

        // Failures first (they need the user), otherwise in sending order: a failed item moves to the top once,
        // rather than a sorted view re-sorting on every state change of every item.
        ObservableList<BulkItem> shown = FXCollections.observableArrayList(vm.items());
        for (BulkItem item : vm.items()) {
            item.stateProperty().addListener((o, a, st) -> {
                if (failed(item)) {
                    shown.remove(item);
                    shown.add((int) shown.stream().filter(i -> i != item && failed(i)).count(), item);
                }
            });
        }
        TableView<BulkItem> table = new TableView<>(shown);
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
        state.setCellFactory(c -> new TableCell<>() {
            {
                // the full text as a tooltip, made on first hover (a Tooltip is a popup window of its own); not
                // wrapped in the cell: rows of one height keep the list cheap to lay out while results stream in
                addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
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
        table.getColumns().addAll(title, state);
        for (BulkItem item : vm.items()) {
            item.stateProperty().addListener((o, a, st) -> {
                if (st == BulkItem.State.SENDING) {
                    follow(table, shown.indexOf(item));
                }
            });
        }

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
        Button selectFailed = new Button("Select the failed rows");
        selectFailed.setId("bulkSelectFailed");
        selectFailed.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.finishedProperty().get() && !vm.runningProperty().get()
                        && vm.items().stream().anyMatch(BulkItem::sendable),
                vm.finishedProperty(), vm.runningProperty()));
        selectFailed.managedProperty().bind(selectFailed.visibleProperty());
        selectFailed.setOnAction(e -> {
            selectRows.accept(vm.items().stream().filter(BulkItem::sendable).map(i -> i.approval().id()).toList());
            window.close();
        });
        window.content(content).buttons(selectFailed, cancel, send);
        window.stage().setOnCloseRequest(e -> vm.cancel());
    }

    /** Scrolls only when the item being sent is out of sight: every scroll lays the whole list out again. */
    private static void follow(TableView<BulkItem> table, int index) {
        if (table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow
                && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null
                && index > flow.getFirstVisibleCell().getIndex() && index < flow.getLastVisibleCell().getIndex()) {
            return;
        }
        table.scrollTo(Math.max(0, index - 3));
    }

    private static boolean failed(BulkItem i) {
        return i.state() == BulkItem.State.FAILED || i.state() == BulkItem.State.CONFLICT;
    }

    public void show() {
        window.show();
    }
}
