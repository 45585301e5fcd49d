package io.approvals.console.ui.keys;

import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.IssuedKey;
import java.time.ZoneId;
import java.util.List;
import atlantafx.base.theme.Styles;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.FxmlView;
import io.approvals.console.ui.common.TimeText;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The admin view: every key in a table (filter; keys expiring within 7 days and keys never used
 * highlighted), Issue key…, Regenerate…, Revoke…, and the audit trail filterable by action and owner.
 */
public final class KeyAdminView extends BorderPane {
    private final KeyAdminViewModel vm;
    private final ClipboardGuard clipboard;
    private final TableView<KeyRow> table = new TableView<>();
    private final TableView<AuditEntry> auditTable = new TableView<>();
    private final DialogService dialogs;

    public KeyAdminView(KeyAdminViewModel vm, ClipboardGuard clipboard) {
        this(vm, clipboard, null);
    }

    /** dialogs: how this window's dialogs are shown (null: a plain service owned by this window). */
    public KeyAdminView(KeyAdminViewModel vm, ClipboardGuard clipboard, DialogService dialogs) {
        this.vm = vm;
        this.clipboard = clipboard;
        this.dialogs = dialogs;
        setId("keyAdminView");
        TabPane tabs = new TabPane(new Tab("Keys", keysTab()), new Tab("Audit", auditTab()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() == 1 && vm.audit().isEmpty()) {
                vm.refreshAudit();
            }
        });
        setCenter(tabs);
        Label status = KeyStyles.wrapped("");
        status.setId("adminStatus");
        status.textProperty().bind(vm.statusProperty());
        status.styleProperty().bind(Bindings.when(vm.statusIsProblemProperty()).then(KeyStyles.PROBLEM).otherwise(""));
        Label clip = KeyStyles.wrapped("");
        clip.textProperty().bind(clipboard.statusProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.busyProperty());
        VBox bottom = new VBox(4, new HBox(8, busy, status), clip);
        bottom.setPadding(new Insets(8, 12, 10, 12));
        setBottom(bottom);
        setPrefSize(1100, 600);
    }

    public void start() {
        vm.refresh();
    }

    private VBox keysTab() {
        TextField filter = new TextField();
        filter.setId("keyFilter");
        filter.setPromptText("Filter: name, owner, scope, status\u2026");
        filter.textProperty().bindBidirectional(vm.keyFilterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Button issue = new Button("Issue key\u2026");
        issue.setId("issueKeyButton");
        issue.setOnAction(e -> IssueKeyDialog.show(window(), (name, owner, scopes, expires) ->
                vm.issue(name, owner, scopes, expires, k -> showOnce("A new key was issued.", k))));
        Button regenerate = new Button("Regenerate\u2026");
        regenerate.setId("adminRegenerateButton");
        Button revoke = new Button("Revoke\u2026");
        revoke.setId("revokeButton");
        revoke.getStyleClass().add(Styles.DANGER);
        regenerate.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        revoke.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        regenerate.setOnAction(e -> {
            KeyRow row = table.getSelectionModel().getSelectedItem();
            dialogs().show(FxmlView.REGENERATE, new RegenerateController(row.name() + "\u2019 of \u2018" + row.owner(),
                    row.name(), false, grace -> vm.regenerate(row, grace, k -> showOnce("The key was regenerated.", k))));
        });
        revoke.setOnAction(e -> confirmRevoke(table.getSelectionModel().getSelectedItem()));

        table.setId("keyTable");
        table.setItems(vm.keys());
        table.getColumns().setAll(List.of(
                column("Name", KeyRow::name, 140), column("Owner", KeyRow::owner, 170),
                column("Key", KeyRow::hint, 145), column("Scopes", KeyRow::scopes, 130),
                column("Created", KeyRow::created, 125), column("Last used", KeyRow::lastUsed, 125),
                column("Expires", KeyRow::expires, 125), column("Status", KeyRow::status, 80)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(KeyRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("revoked-row");
                if (empty || row == null) {
                    setStyle("");
                    setTooltip(null);
                    return;
                }
                if ("revoked".equalsIgnoreCase(row.status())) {
                    // revoked keys look revoked: struck through and muted, with a tooltip that says so
                    getStyleClass().add("revoked-row");
                    setStyle("");
                    setTooltip(new Tooltip("Revoked: this key no longer works."));
                    return;
                }
                String style = (row.expiresSoon() ? KeyStyles.SOON_ROW : "") + (row.neverUsed() ? KeyStyles.UNUSED_ROW : "");
                setStyle(style);
                String tip = (row.expiresSoon() ? "Expires within 7 days. " : "") + (row.neverUsed() ? "Never used." : "");
                setTooltip(tip.isEmpty() ? null : new Tooltip(tip.strip()));
            }
        });
        table.setPlaceholder(new Label("No keys."));
        Label legend = new Label("Yellow: expires within 7 days.  Italic: never used.");
        HBox bar = new HBox(8, filter, refresh, issue, regenerate, revoke);
        VBox box = new VBox(8, bar, table, legend);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    private VBox auditTab() {
        ChoiceBox<String> action = new ChoiceBox<>();
        action.setId("auditAction");
        action.getItems().setAll("", AuditEntry.KEY_ISSUED, AuditEntry.KEY_REGENERATED, AuditEntry.KEY_REVOKED,
                AuditEntry.APPROVAL_CREATED, AuditEntry.APPROVAL_APPROVED, AuditEntry.APPROVAL_REJECTED);
        action.setValue("");
        action.valueProperty().addListener((o, a, v) -> vm.auditActionProperty().set(v));
        TextField owner = new TextField();
        owner.setId("auditOwner");
        owner.setPromptText("Actor (owner) contains\u2026");
        owner.textProperty().bindBidirectional(vm.auditOwnerProperty());
        Button refresh = new Button("Refresh");
        refresh.setId("auditRefresh");
        refresh.setOnAction(e -> vm.refreshAudit());
        ZoneId zone = ZoneId.systemDefault();
        auditTable.setId("auditTable");
        auditTable.setItems(vm.audit());
        TableColumn<AuditEntry, String> detail = auditColumn("Detail", AuditEntry::detail, 320);
        detail.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            private final Label text = new Label();

            {
                text.setWrapText(true);
                text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                setGraphic(text);
                setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
                text.maxWidthProperty().bind(widthProperty().subtract(12));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        auditTable.getColumns().setAll(List.of(
                auditColumn("At", e -> e.at() == null ? "" : TimeText.moment(e.at(), java.time.Instant.now(), zone), 200),
                auditColumn("Actor", e -> e.actor() == null ? "" : e.actor().owner(), 180),
                auditColumn("Action", AuditEntry::action, 140),
                auditColumn("Target", e -> targetName(e.target()), 180),
                detail));
        auditTable.setPlaceholder(new Label("No audit entries (match the filter)."));
        VBox box = new VBox(8, new HBox(8, new Label("Action"), action, owner, refresh), auditTable);
        VBox.setVgrow(auditTable, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    /** An audit target that is a key shows as its name and owner (the id is what the server records). */
    private String targetName(String target) {
        if (target == null) {
            return "";
        }
        for (KeyRow r : vm.keys()) {
            if (target.equals(r.id())) {
                return "\u2018" + r.name() + "\u2019 of " + r.owner();
            }
        }
        return target;
    }

    private void confirmRevoke(KeyRow row) {
        dialogs().show(FxmlView.CONFIRM_TYPED, new ConfirmTypedController("Revoke key",
                "Revoke \u2018" + row.name() + "\u2019 of " + row.owner() + " (" + row.hint() + ")?",
                "It stops working at once, with any older secret still in its grace period. This cannot "
                        + "be undone: " + row.owner() + " will need a new key.", row.name(),
                "Revoke \u2018" + row.name() + "\u2019", () -> vm.revoke(row)));
    }

    private DialogService dialogs() {
        return dialogs != null ? dialogs.ownedBy(window()) : new DialogService(window(), () -> null);
    }

    private void showOnce(String headline, IssuedKey k) {
        dialogs().show(FxmlView.SHOW_ONCE, new ShowOnceController(headline, k, clipboard));
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static TableColumn<KeyRow, String> column(String title, Function<KeyRow, String> value, double width) {
        TableColumn<KeyRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<AuditEntry, String> auditColumn(String title, Function<AuditEntry, String> value,
                                                               double width) {
        TableColumn<AuditEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setComparator(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        c.setPrefWidth(width);
        return c;
    }

    public KeyAdminViewModel viewModel() {
        return vm;
    }
}
