package io.approvals.console.ui.dialogs;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.Priority;
import io.approvals.console.ui.common.DateFields;
import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.Icons;
import io.approvals.console.ui.common.Messages;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/** create_approval.fxml: inline validation as typed, submit off the UI thread, retry without duplicates. */
public final class CreateApprovalController extends DialogController {
    private final ViewModelBindings bindings = new ViewModelBindings();
    private CreateApprovalViewModel vm;
    private final Consumer<Approval> onCreated;
    private final Consumer<Throwable> onTrouble;

    @FXML
    Label titleCaption;

    @FXML
    TextField title;

    @FXML
    Label titleError;

    @FXML
    Label titleCount;

    @FXML
    Label descriptionCaption;

    @FXML
    TextArea description;

    @FXML
    Label descriptionError;

    @FXML
    Label descriptionCount;

    @FXML
    Label requesterCaption;

    @FXML
    TextField requester;

    @FXML
    Label requesterError;

    @FXML
    Label approverCaption;

    @FXML
    ComboBox<String> approver;

    @FXML
    Label approverError;

    @FXML
    Label priorityCaption;

    @FXML
    ComboBox<Priority> priority;

    @FXML
    Label dueCaption;

    @FXML
    DatePicker due;

    @FXML
    Label dueError;

    @FXML
    Label error;

    @FXML
    javafx.scene.control.TitledPane details;

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

    public CreateApprovalController(
            CreateApprovalViewModel vm, Consumer<Approval> onCreated, Consumer<Throwable> onTrouble) {
        this.vm = vm;
        this.onCreated = onCreated;
        this.onTrouble = onTrouble;
    }

    @FXML
    void initialize() {
        titleCaption.setLabelFor(title);
        descriptionCaption.setLabelFor(description);
        requesterCaption.setLabelFor(requester);
        approverCaption.setLabelFor(approver);
        priorityCaption.setLabelFor(priority);
        dueCaption.setLabelFor(due);
        Forms.tabLeaves(description);

        priority.getItems().setAll(Priority.values());
        priority.setConverter(new StringConverter<>() {
            @Override
            public String toString(Priority p) {
                return p == null ? "" : Messages.get("priority." + p.name());
            }

            @Override
            public Priority fromString(String s) {
                return null;
            }
        });
        DateFields.commitTypedText(due);
        cancel.setOnAction(e -> close());
        submit.setGraphic(Icons.of(Feather.PLUS));
        submit.setOnAction(e -> {
            DateFields.commit(due);
            CreateApprovalViewModel sending = vm;
            sending.submit(
                    created -> {
                        if (vm == sending) {
                            close(); // not when these controls show a new draft by now
                        }
                        onCreated.accept(created);
                    },
                    onTrouble);
        });
        bind(vm);
    }

    /**
     * The same controls for a new draft (the dialog is loaded once and shown again: bench "interaction"): every
     * field and message comes from this view model, nothing typed or said last time stays. Call while closed.
     */
    public void use(CreateApprovalViewModel next) {
        if (title == null) {
            vm = next; // not loaded yet: initialize() binds it
        } else {
            bind(next);
        }
    }

    private void bind(CreateApprovalViewModel next) {
        bindings.unbindAll();
        vm = next;
        bindings.both(title.textProperty(), vm.titleProperty());
        bindings.error(titleError, title, vm.titleErrorProperty());
        counter(titleCount, vm.titleProperty(), CreateApprovalRequest.TITLE_MAX);
        bindings.both(description.textProperty(), vm.descriptionProperty());
        bindings.error(descriptionError, description, vm.descriptionErrorProperty());
        counter(descriptionCount, vm.descriptionProperty(), CreateApprovalRequest.DESCRIPTION_MAX);

        bindings.both(requester.textProperty(), vm.requesterProperty());
        bindings.error(requesterError, requester, vm.requesterErrorProperty());
        approver.setItems(vm.people());
        approver.setValue(null); // a person picked last time is not this draft's
        bindings.both(approver.getEditor().textProperty(), vm.approverProperty());
        bindings.error(approverError, approver, vm.approverErrorProperty());

        bindings.both(priority.valueProperty(), vm.priorityProperty());
        bindings.both(due.valueProperty(), vm.dueDateProperty());
        // a date typed last time and never committed stays in the editor when the value does not change
        due.getEditor().setText(due.getConverter().toString(due.getValue()));
        bindings.error(dueError, due, vm.dueErrorProperty());
        bindings.message(error, vm.errorProperty());
        bindings.details(details, detailsText, vm.detailsProperty(), buttonBar);

        bindings.busyAfterMoment(busy, cancel, vm.submittingProperty());
        bindings.bind(submit.disableProperty(), vm.canSubmitProperty().not());
    }

    private void counter(Label l, StringProperty text, int max) {
        bindings.bind(
                l.textProperty(),
                Bindings.createStringBinding(
                        () -> Messages.format(
                                "create.count",
                                text.get() == null ? 0 : text.get().length(),
                                max),
                        text));
    }

    @Override
    public String title() {
        return Messages.get("create.heading");
    }

    @Override
    public String kind() {
        return "create";
    }

    @Override
    public Node initialFocus() {
        return title;
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
