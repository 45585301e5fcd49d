package io.approvals.console.ui.dialogs;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.ui.common.DialogWindow;
import io.approvals.console.ui.common.Icons;
import io.approvals.console.ui.common.TimeText;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** Approve or reject one approval, with the approval shown and a comment (required to reject). */
public final class DecisionDialog {
    private final DialogWindow window;

    public DecisionDialog(Window owner, ThemeChoice theme, DecisionViewModel vm, Clock clock,
                          Consumer<Approval> onDecided, Consumer<Throwable> onTrouble) {
        Approval a = vm.approval();
        window = new DialogWindow(owner, "Decide", a.title(), theme);
        window.stage().getScene().getRoot().setId("decisionDialog");

        Label facts = new Label("Requested by " + a.requester()
                + (a.approver() == null ? "" : " \u00b7 for " + a.approver())
                + " \u00b7 " + (a.priority() == null ? "Normal" : a.priority().wire())
                + (a.dueAt() == null ? "" : " \u00b7 due " + TimeText.due(a.dueAt(), clock.instant()))
                + " \u00b7 version " + a.version());
        facts.setWrapText(true);
        facts.getStyleClass().add("text-muted");
        Label description = new Label(a.description() == null || a.description().isBlank() ? "No description."
                : a.description());
        description.setWrapText(true);
        description.setMaxHeight(160);
        description.getStyleClass().add("detail-text");

        ToggleGroup group = new ToggleGroup();
        ToggleButton approve = new ToggleButton("Approve", Icons.of(Feather.CHECK));
        approve.setId("choiceApprove");
        approve.setToggleGroup(group);
        ToggleButton reject = new ToggleButton("Reject", Icons.of(Feather.X));
        reject.setId("choiceReject");
        reject.setToggleGroup(group);
        (vm.decisionProperty().get() == ApprovalStatus.REJECTED ? reject : approve).setSelected(true);
        group.selectedToggleProperty().addListener((o, old, t) -> {
            if (t == null) {
                old.setSelected(true);
                return;
            }
            vm.decisionProperty().set(t == reject ? ApprovalStatus.REJECTED : ApprovalStatus.APPROVED);
        });
        HBox choice = new HBox(approve, reject);
        choice.getStyleClass().add("segmented");

        TextArea comment = new TextArea();
        comment.setId("decisionComment");
        comment.setAccessibleText("Comment");
        comment.setWrapText(true);
        Forms.tabLeaves(comment);
        comment.setPrefRowCount(3);
        comment.promptTextProperty().bind(Bindings.when(vm.decisionProperty().isEqualTo(ApprovalStatus.REJECTED))
                .then("Why? (required to reject)").otherwise("Comment (optional)"));
        comment.textProperty().bindBidirectional(vm.commentProperty());

        Label conflict = new Label();
        conflict.setId("conflictText");
        conflict.setWrapText(true);
        conflict.getStyleClass().addAll("banner", "banner-conflict");
        conflict.textProperty().bind(vm.conflictTextProperty());
        conflict.visibleProperty().bind(vm.conflictTextProperty().isNotEmpty());
        conflict.managedProperty().bind(conflict.visibleProperty());

        Label error = new Label();
        error.setId("decisionError");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox content = new VBox(10, facts, description, choice, Forms.caption("Comment  \u00b7  Enter sends, Shift+Enter starts a new line", comment), comment,
                Forms.errorFor(comment, vm.commentErrorProperty(), "commentError"), conflict, error);
        content.setPrefWidth(520);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.submittingProperty());
        Button close = new Button("Cancel");
        close.setId("decisionCancel");
        close.setCancelButton(true);
        close.textProperty().bind(Bindings.when(vm.conflictProperty().isNotNull()).then("Close").otherwise("Cancel"));
        close.setOnAction(e -> window.close());
        Button send = new Button();
        send.setId("decisionSubmit");
        send.setDefaultButton(true);
        send.textProperty().bind(Bindings.when(vm.decisionProperty().isEqualTo(ApprovalStatus.REJECTED))
                .then("Reject").otherwise("Approve"));
        vm.decisionProperty().addListener((o, x, d) -> styleSend(send, d));
        styleSend(send, vm.decisionProperty().get());
        send.disableProperty().bind(vm.canSubmitProperty().not());
        Runnable submit = () -> vm.submit(decided -> {
            window.close();
            onDecided.accept(decided);
        }, onDecided, onTrouble);
        send.setOnAction(e -> submit.run());
        // Typing goes to the comment, and Enter there still sends (A, Enter approves); Shift+Enter adds a line.
        comment.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShiftDown() && !e.isShortcutDown() && !e.isAltDown()) {
                e.consume();
                submit.run(); // when the comment is missing this shows why instead of sending
            } else if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
                e.consume(); // TextArea itself types nothing for Shift+Enter
                comment.replaceSelection("\n");
            }
        });
        window.content(content).buttons(busy, close, send);
        comment.requestFocus();
    }

    private static void styleSend(Button send, ApprovalStatus d) {
        send.getStyleClass().removeAll("success", "danger");
        send.getStyleClass().add(d == ApprovalStatus.REJECTED ? "danger" : "success");
        send.setAccessibleText(d == ApprovalStatus.REJECTED ? "Reject" : "Approve");
    }

    public void show() {
        window.show();
    }
}
