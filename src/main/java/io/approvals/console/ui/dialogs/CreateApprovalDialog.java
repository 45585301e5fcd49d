package io.approvals.console.ui.dialogs;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.Priority;
import io.approvals.console.ui.common.DialogWindow;
import io.approvals.console.ui.common.Icons;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** Create approval (Ctrl+N): inline validation, submit off the UI thread, retry without duplicates. */
public final class CreateApprovalDialog {
    private final DialogWindow window;

    public CreateApprovalDialog(Window owner, ThemeChoice theme, CreateApprovalViewModel vm,
                                Consumer<Approval> onCreated, Consumer<Throwable> onTrouble) {
        window = new DialogWindow(owner, "New approval", "New approval", theme);
        window.stage().getScene().getRoot().setId("createDialog");

        TextField title = new TextField();
        title.setId("createTitle");
        title.setAccessibleText("Title");
        title.setPromptText("What needs approving?");
        title.textProperty().bindBidirectional(vm.titleProperty());
        Label titleCount = counter(vm.titleProperty(), CreateApprovalRequest.TITLE_MAX);

        TextArea description = new TextArea();
        description.setId("createDescription");
        description.setAccessibleText("Description");
        description.setPromptText("Details the approver needs (optional)");
        description.setWrapText(true);
        Forms.tabLeaves(description);
        description.setPrefRowCount(6);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        Label descriptionCount = counter(vm.descriptionProperty(), CreateApprovalRequest.DESCRIPTION_MAX);

        TextField approver = new TextField();
        approver.setId("createApprover");
        approver.setAccessibleText("Approver");
        approver.setPromptText("approver@example.com (optional)");
        approver.textProperty().bindBidirectional(vm.approverProperty());

        ComboBox<Priority> priority = new ComboBox<>();
        priority.setId("createPriority");
        priority.setAccessibleText("Priority");
        priority.getItems().setAll(Priority.KNOWN);
        priority.valueProperty().bindBidirectional(vm.priorityProperty());

        DatePicker due = new DatePicker();
        due.setId("createDue");
        due.setAccessibleText("Due date");
        due.setPromptText("no due date");
        due.valueProperty().bindBidirectional(vm.dueDateProperty());

        HBox row = new HBox(16, column(Forms.caption("Priority", priority), priority),
                column(Forms.caption("Due (17:00 local)", due), due));

        Label error = new Label();
        error.setId("createError");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox form = new VBox(6,
                Forms.caption("Title", title), title, line(Forms.errorFor(title, vm.titleErrorProperty(), "createTitleError"), titleCount),
                Forms.caption("Description", description), description,
                line(Forms.errorFor(description, vm.descriptionErrorProperty(), "createDescriptionError"), descriptionCount),
                Forms.caption("Approver", approver), approver, row, error);
        form.setPrefWidth(520);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.submittingProperty());
        busy.setAccessibleText("Creating");
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> window.close());
        Button create = Icons.button("Create", Feather.PLUS);
        create.setId("createSubmit");
        create.getStyleClass().add("accent");
        create.setDefaultButton(true);
        create.disableProperty().bind(vm.canSubmitProperty().not());
        create.setOnAction(e -> vm.submit(created -> {
            window.close();
            onCreated.accept(created);
        }, onTrouble));
        window.content(form).buttons(busy, cancel, create);
        title.requestFocus();
    }

    private static VBox column(Label caption, javafx.scene.Node field) {
        return new VBox(6, caption, field);
    }

    private static HBox line(Label error, Label count) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        HBox h = new HBox(8, error, spacer, count);
        h.setAlignment(Pos.TOP_LEFT);
        return h;
    }

    private static Label counter(javafx.beans.property.StringProperty text, int max) {
        Label l = new Label();
        l.getStyleClass().add("counter");
        l.textProperty().bind(Bindings.createStringBinding(
                () -> (text.get() == null ? 0 : text.get().length()) + " / " + max, text));
        return l;
    }

    public DialogWindow window() {
        return window;
    }

    public void show() {
        window.show();
    }
}
