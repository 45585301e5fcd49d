package io.approvals.console.ui.main;

import io.approvals.console.contract.ApprovalStatus;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.binding.BooleanBinding;
import io.approvals.console.ui.common.Icons;
import io.approvals.console.ui.common.Tooltips;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;

/** Search, quick filters, refresh and the actions; actions that need `write` explain themselves when disabled. */
final class MainToolBar extends HBox {
    private final TextField search = new TextField();
    private final List<Button> actionButtons;

    MainToolBar(ApprovalsViewModel vm, MainActions actions, TableView<ApprovalRow> table,
                Consumer<ApprovalStatus> decideSelected, BooleanBinding noDecision) {
        search.setId("searchField");
        search.setPromptText("Search  (Ctrl+F)");
        Tooltips.install(search, "Words anywhere, or in one field: requester:dana approver:lee priority:high "
                + "status:\"in progress\"");
        search.setAccessibleText("Search approvals");
        search.setPrefColumnCount(26);
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                table.requestFocus();
            } else if (e.getCode() == KeyCode.DOWN) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                    table.getSelectionModel().select(0);
                }
            }
        });
        Label searchIcon = new Label(null, Icons.of(Feather.SEARCH));
        HBox searchBox = new HBox(6, searchIcon, search);
        searchBox.setAlignment(Pos.CENTER_LEFT);

        ToggleButton mine = filter("Assigned to me", "filterMine", vm.assignedToMeProperty());
        mine.setDisable(vm.session().key().owner() == null);
        Node mineHolder = withTooltip(mine, vm.session().key().owner() == null
                ? "The server did not say who owns this key, so \u201cme\u201d is unknown."
                : "Approvals waiting for " + vm.session().key().owner() + "  (Alt+1)");
        ToggleButton overdue = filter("Overdue", "filterOverdue", vm.overdueOnlyProperty());
        Tooltips.install(overdue, "Only approvals past their due date  (Alt+2)");
        ToggleButton pressing = filter("High and Urgent", "filterPressing", vm.highAndUrgentProperty());
        Tooltips.install(pressing, "Only High and Urgent approvals  (Alt+3)");
        FieldCompletion.install(search);
        HBox filters = new HBox(mineHolder, overdue, pressing);
        filters.getStyleClass().add("filters");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button refresh = Icons.iconButton(Feather.REFRESH_CW, "Refresh (F5)");
        refresh.setId("refreshButton");
        refresh.setOnAction(e -> vm.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(vm.refreshingProperty());
        busy.setAccessibleText("Refreshing");

        Button create = Icons.button("New", Feather.PLUS);
        create.setId("newButton");
        create.getStyleClass().add("accent");
        create.setOnAction(e -> actions.newApproval());
        create.disableProperty().bind(vm.canWriteProperty().not());
        Button approve = Icons.button("Approve", Feather.CHECK);
        approve.setId("approveButton");
        approve.getStyleClass().add("success");
        approve.setOnAction(e -> decideSelected.accept(ApprovalStatus.APPROVED));
        Button reject = Icons.button("Reject", Feather.X);
        reject.setId("rejectButton");
        reject.getStyleClass().add("danger");
        reject.setOnAction(e -> decideSelected.accept(ApprovalStatus.REJECTED));
        approve.disableProperty().bind(noDecision);
        reject.disableProperty().bind(noDecision);
        actionButtons = List.of(approve, reject, create);
        for (Button b : actionButtons) {
            b.setAccessibleText(b.getText());
        }
        boolean writes = vm.canWriteProperty().get();
        setSpacing(10);
        getChildren().addAll(searchBox, filters, spacer, busy, refresh,
                withTooltip(approve, writes ? "Approve the selected approvals (A)" : MainView.NEEDS_WRITE),
                withTooltip(reject, writes ? "Reject the selected approvals (R)" : MainView.NEEDS_WRITE),
                withTooltip(create, writes ? "Create an approval (Ctrl+N)" : MainView.NEEDS_WRITE));
        setId("toolBar");
        getStyleClass().add("tool-bar-pane");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 12, 8, 12));
    }

    /**
     * Narrow window: the action buttons show their icons only (their tooltips and accessible texts say what they
     * do), the search field is shorter, and a Details button opens the details drawer.
     */
    void adaptTo(ReadOnlyBooleanProperty narrow, BooleanProperty drawerOpen) {
        ToggleButton details = new ToggleButton(null, Icons.of(Feather.SIDEBAR));
        details.setId("detailsToggle");
        details.setAccessibleText("Details");
        Tooltips.install(details, "Show the details of the selected approval (Ctrl+I)");
        details.selectedProperty().bindBidirectional(drawerOpen);
        details.visibleProperty().bind(narrow);
        details.managedProperty().bind(narrow);
        getChildren().add(details);
        for (Button b : actionButtons) {
            b.contentDisplayProperty().bind(javafx.beans.binding.Bindings.when(narrow)
                    .then(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY)
                    .otherwise(javafx.scene.control.ContentDisplay.LEFT));
        }
        search.prefColumnCountProperty().bind(javafx.beans.binding.Bindings.when(narrow).then(14).otherwise(26));
    }

    TextField searchField() {
        return search;
    }

    /** Disabled controls show no tooltip in JavaFX, so the tooltip sits on a holder around it. */
    private static Node withTooltip(Node control, String text) {
        StackPane holder = new StackPane(control);
        Tooltips.install(holder, text);
        holder.setAccessibleHelp(text);
        if (control instanceof javafx.scene.control.Control c) {
            c.setAccessibleHelp(text);
        }
        return holder;
    }

    private static ToggleButton filter(String text, String id, javafx.beans.property.BooleanProperty target) {
        ToggleButton t = new ToggleButton(text);
        t.setId(id);
        t.setAccessibleText("Filter: " + text);
        t.selectedProperty().bindBidirectional(target);
        return t;
    }

}
