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
    private final CreateApprovalViewModel vm;
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

        title.textProperty().bindBidirectional(vm.titleProperty());
        Forms.bindError(titleError, title, vm.titleErrorProperty());
        counter(titleCount, vm.titleProperty(), CreateApprovalRequest.TITLE_MAX);
        Forms.tabLeaves(description);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        Forms.bindError(descriptionError, description, vm.descriptionErrorProperty());
        counter(descriptionCount, vm.descriptionProperty(), CreateApprovalRequest.DESCRIPTION_MAX);

        requester.textProperty().bindBidirectional(vm.requesterProperty());
        Forms.bindError(requesterError, requester, vm.requesterErrorProperty());
        approver.setItems(vm.people());
        approver.getEditor().textProperty().bindBidirectional(vm.approverProperty());
        Forms.bindError(approverError, approver, vm.approverErrorProperty());

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
        priority.valueProperty().bindBidirectional(vm.priorityProperty());
        DateFields.commitTypedText(due);
        due.valueProperty().bindBidirectional(vm.dueDateProperty());
        Forms.bindError(dueError, due, vm.dueErrorProperty());
        Forms.bindMessage(error, vm.errorProperty());
        Forms.bindDetails(details, detailsText, vm.detailsProperty());

        busy.visibleProperty().bind(vm.submittingProperty());
        cancel.setOnAction(e -> close());
        submit.setGraphic(Icons.of(Feather.PLUS));
        submit.disableProperty().bind(vm.canSubmitProperty().not());
        submit.setOnAction(e -> {
            DateFields.commit(due);
            vm.submit(
                    created -> {
                        close();
                        onCreated.accept(created);
                    },
                    onTrouble);
        });
    }

    private static void counter(Label l, StringProperty text, int max) {
        l.textProperty()
                .bind(Bindings.createStringBinding(
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
    public Button defaultButton() {
        return submit;
    }
}
