package io.approvals.console.ui.main;

import io.approvals.console.ui.common.Icons;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.Tooltips;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
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
    private final ActionFactory actions;

    MainToolBar(ApprovalsViewModel vm, ActionFactory actions, TableView<ApprovalRow> table) {
        this.actions = actions;
        search.setId("searchField");
        search.setPromptText(Messages.format(
                "main.search.prompt", MainAction.SEARCH.firstKey().getDisplayText()));
        Tooltips.install(search, Messages.get("main.search.tip"));
        search.setAccessibleText(Messages.get("main.search.accessible"));
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

        ToggleButton mine = actions.toggle(MainAction.FILTER_MINE, vm.assignedToMeProperty());
        mine.setId("filterMine");
        String owner = vm.session().key().owner();
        Node mineHolder = withTooltip(
                mine,
                owner == null
                        ? Messages.get("main.filter.mine.unknown")
                        : Messages.format(
                                "action.withKey",
                                Messages.format("action.filterMine.tip", owner),
                                MainAction.FILTER_MINE.firstKey().getDisplayText()));
        ToggleButton overdue = actions.toggle(MainAction.FILTER_OVERDUE, vm.overdueOnlyProperty());
        overdue.setId("filterOverdue");
        Tooltips.install(overdue, actions.tooltip(MainAction.FILTER_OVERDUE));
        ToggleButton pressing = actions.toggle(MainAction.FILTER_PRESSING, vm.highAndUrgentProperty());
        pressing.setId("filterPressing");
        Tooltips.install(pressing, actions.tooltip(MainAction.FILTER_PRESSING));
        FieldCompletion.install(search);
        HBox filters = new HBox(mineHolder, overdue, pressing);
        filters.getStyleClass().add("filters");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button refresh = actions.iconButton(MainAction.REFRESH);
        refresh.setId("refreshButton");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setMaxSize(18, 18);
        busy.visibleProperty().bind(vm.refreshingProperty());
        busy.setAccessibleText(Messages.get("main.refreshing"));

        Button create = actions.button(MainAction.NEW_APPROVAL);
        create.setId("newButton");
        create.getStyleClass().add("accent");
        Button approve = actions.button(MainAction.APPROVE);
        approve.setId("approveButton");
        approve.getStyleClass().add("success");
        Button reject = actions.button(MainAction.REJECT);
        reject.setId("rejectButton");
        reject.getStyleClass().add("danger");
        actionButtons = List.of(approve, reject, create);
        setSpacing(10);
        getChildren()
                .addAll(
                        searchBox,
                        filters,
                        spacer,
                        busy,
                        refresh,
                        withTooltip(approve, actions.tooltip(MainAction.APPROVE)),
                        withTooltip(reject, actions.tooltip(MainAction.REJECT)),
                        withTooltip(create, actions.tooltip(MainAction.NEW_APPROVAL)));
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
        ToggleButton details = actions.toggle(MainAction.TOGGLE_DETAILS, drawerOpen);
        details.setId("detailsToggle");
        details.visibleProperty().bind(narrow);
        details.managedProperty().bind(narrow);
        getChildren().add(details);
        for (Button b : actionButtons) {
            b.contentDisplayProperty()
                    .bind(javafx.beans.binding.Bindings.when(narrow)
                            .then(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY)
                            .otherwise(javafx.scene.control.ContentDisplay.LEFT));
        }
        search.prefColumnCountProperty()
                .bind(javafx.beans.binding.Bindings.when(narrow).then(14).otherwise(26));
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
}
