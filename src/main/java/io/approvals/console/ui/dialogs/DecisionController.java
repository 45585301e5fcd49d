package io.approvals.console.ui.dialogs;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.Icons;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.TimeText;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import org.kordamp.ikonli.feather.Feather;

/** decision.fxml: approve or reject one approval; typing starts in the comment, Enter there sends. */
public final class DecisionController extends DialogController {
    private final ViewModelBindings bindings = new ViewModelBindings();
    private DecisionViewModel vm;
    private final Clock clock;
    private final Consumer<Approval> onDecided;
    private final Consumer<Throwable> onTrouble;

    @FXML
    Label heading;

    @FXML
    Label facts;

    @FXML
    ScrollPane descriptionPane;

    @FXML
    Label description;

    @FXML
    ToggleButton approve;

    @FXML
    ToggleButton reject;

    @FXML
    Label commentCaption;

    @FXML
    TextArea comment;

    @FXML
    Label commentError;

    @FXML
    Label conflict;

    @FXML
    Label error;

    @FXML
    TitledPane details;

    @FXML
    TextArea detailsText;

    @FXML
    ProgressIndicator busy;

    @FXML
    Button cancel;

    @FXML
    javafx.scene.layout.HBox buttonBar;

    @FXML
    Button submit;

    public DecisionController(
            DecisionViewModel vm, Clock clock, Consumer<Approval> onDecided, Consumer<Throwable> onTrouble) {
        this.vm = vm;
        this.clock = clock;
        this.onDecided = onDecided;
        this.onTrouble = onTrouble;
    }

    @FXML
    void initialize() {
        ToggleGroup group = new ToggleGroup();
        approve.setGraphic(Icons.of(Feather.CHECK));
        reject.setGraphic(Icons.of(Feather.X));
        approve.setToggleGroup(group);
        reject.setToggleGroup(group);
        group.selectedToggleProperty().addListener((o, old, t) -> {
            if (t == null) {
                old.setSelected(true);
                return;
            }
            vm.decisionProperty().set(t == reject ? ApprovalStatus.REJECTED : ApprovalStatus.APPROVED);
        });

        commentCaption.setLabelFor(comment);
        Forms.tabLeaves(comment);
        // Enter in the comment sends (A, Enter approves); a reject without comment then says why instead of sending
        Forms.enterSends(comment, this::send);
        cancel.setOnAction(e -> close());
        submit.setOnAction(e -> send());
        bind(vm);
    }

    /**
     * The same controls for another approval (the dialog is loaded once and shown again: bench "interaction"):
     * everything shown comes from this view model, nothing typed or said for the last one stays. Call while closed.
     */
    public void use(DecisionViewModel next) {
        if (heading == null) {
            vm = next; // not loaded yet: initialize() binds it
        } else {
            bind(next);
        }
    }

    private void bind(DecisionViewModel next) {
        bindings.unbindAll();
        vm = next;
        Approval a = vm.approval();
        heading.setText(a.title());
        String priority = Messages.get(
                "priority." + (a.priority() == null ? "NORMAL" : a.priority().name()));
        facts.setText(Messages.format(
                "decision.facts",
                a.requester(),
                a.approver() == null ? "" : a.approver(),
                priority,
                a.dueAt() == null ? "" : TimeText.moment(a.dueAt(), clock.instant()),
                a.version(),
                a.approver() == null ? 0 : 1,
                a.dueAt() == null ? 0 : 1));
        description.setText(
                a.description() == null || a.description().isBlank()
                        ? Messages.get("decision.noDescription")
                        : a.description());
        descriptionPane.setVvalue(0);
        (vm.decisionProperty().get() == ApprovalStatus.REJECTED ? reject : approve).setSelected(true);

        bindings.bind(
                comment.promptTextProperty(),
                Bindings.when(vm.decisionProperty().isEqualTo(ApprovalStatus.REJECTED))
                        .then(Messages.get("decision.prompt.reject"))
                        .otherwise(Messages.get("decision.prompt.approve")));
        bindings.both(comment.textProperty(), vm.commentProperty());
        comment.end(); // a comment kept from before: typing goes on after it
        bindings.error(commentError, comment, vm.commentErrorProperty());
        bindings.message(conflict, vm.conflictTextProperty());
        bindings.message(error, vm.errorProperty());
        bindings.details(details, detailsText, vm.detailsProperty(), buttonBar);

        bindings.busyAfterMoment(busy, cancel, vm.submittingProperty());
        bindings.bind(
                cancel.textProperty(),
                Bindings.when(vm.conflictProperty().isNotNull())
                        .then(Messages.get("common.close"))
                        .otherwise(Messages.get("common.cancel")));
        bindings.bind(
                submit.textProperty(),
                Bindings.when(vm.decisionProperty().isEqualTo(ApprovalStatus.REJECTED))
                        .then(Messages.get("decision.reject"))
                        .otherwise(Messages.get("decision.approve")));
        bindings.listen(vm.decisionProperty(), (o, x, d) -> styleSubmit(d));
        styleSubmit(vm.decisionProperty().get());
        bindings.bind(submit.disableProperty(), vm.canSubmitProperty().not());
    }

    private void send() {
        DecisionViewModel sending = vm;
        sending.submit(
                decided -> {
                    if (vm == sending) {
                        close(); // not when these controls show another approval by now
                    }
                    onDecided.accept(decided);
                },
                onDecided,
                onTrouble);
    }

    private void styleSubmit(ApprovalStatus d) {
        submit.getStyleClass().removeAll("success", "danger");
        submit.getStyleClass().add(d == ApprovalStatus.REJECTED ? "danger" : "success");
        submit.setAccessibleText(Messages.get(d == ApprovalStatus.REJECTED ? "decision.reject" : "decision.approve"));
    }

    @Override
    public String title() {
        return Messages.get("decision.title");
    }

    @Override
    public Node initialFocus() {
        return comment;
    }

    @Override
    public boolean reused() {
        return true;
    }

    @Override
    public Button defaultButton() {
        return submit;
    }
}
