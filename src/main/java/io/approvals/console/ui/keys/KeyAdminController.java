package io.approvals.console.ui.keys;

import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.FxmlView;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.TimeText;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
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
import javafx.util.StringConverter;

/**
 * key_admin.fxml: the admin window of one connection. Keys (with the selected key's working secrets, and Expire now
 * for an older one in its grace period), Issue key…, Regenerate…, Revoke… (typed-name confirmation, danger), the
 * audit trail with key names, seconds and whole details. Every cell wraps and carries its full text in a tooltip;
 * the Keys tab's summary stays in the Keys tab.
 */
public final class KeyAdminController extends DialogController {
    public static final String KIND = "admin:";

    private final KeyAdminViewModel vm;
    private final ClipboardGuard clipboard;
    private final DialogService dialogs;
    private final Clock clock;

    @FXML
    TabPane tabs;

    @FXML
    Tab keysTab;

    @FXML
    Tab auditTab;

    @FXML
    TextField filter;

    @FXML
    Button refresh;

    @FXML
    Button issue;

    @FXML
    Button regenerate;

    @FXML
    Button revoke;

    @FXML
    Label summary;

    @FXML
    TableView<KeyRow> table;

    @FXML
    Label legend;

    @FXML
    Label secretsHeading;

    @FXML
    TableView<KeySecrets.Secret> secretTable;

    @FXML
    Label secretsNote;

    @FXML
    Label actionCaption;

    @FXML
    ChoiceBox<String> action;

    @FXML
    TextField actor;

    @FXML
    Button auditRefresh;

    @FXML
    TableView<AuditEntry> auditTable;

    @FXML
    ProgressIndicator busy;

    @FXML
    Label status;

    @FXML
    Label clip;

    @FXML
    Button close;

    public KeyAdminController(KeyAdminViewModel vm, ClipboardGuard clipboard, DialogService dialogs, Clock clock) {
        this.vm = vm;
        this.clipboard = clipboard;
        this.dialogs = dialogs;
        this.clock = clock;
    }

    @FXML
    void initialize() {
        filter.textProperty().bindBidirectional(vm.keyFilterProperty());
        refresh.setOnAction(e -> vm.refresh());
        issue.setOnAction(e -> dialogs()
                .show(
                        FxmlView.ISSUE_KEY,
                        new IssueKeyController(
                                clock,
                                (name, owner, scopes, expires) -> vm.issue(
                                        name,
                                        owner,
                                        scopes,
                                        expires,
                                        k -> showOnce(Messages.get("admin.issued.heading"), k)))));
        regenerate
                .disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> table.getSelectionModel().getSelectedItem() == null
                                || table.getSelectionModel().getSelectedItem().revoked(),
                        table.getSelectionModel().selectedItemProperty(),
                        table.itemsProperty()));
        revoke.disableProperty().bind(regenerate.disableProperty());
        regenerate.setOnAction(e -> {
            KeyRow row = table.getSelectionModel().getSelectedItem();
            dialogs()
                    .show(
                            FxmlView.REGENERATE,
                            RegenerateController.handingOver(
                                    row.name(),
                                    row.owner(),
                                    grace -> vm.regenerate(
                                            row, grace, k -> showOnce(Messages.get("admin.regenerated.heading"), k))));
        });
        revoke.setOnAction(e -> {
            KeyRow row = table.getSelectionModel().getSelectedItem();
            dialogs().show(FxmlView.CONFIRM_TYPED, revokeConfirmation(row, () -> vm.revoke(row)));
        });
        summary.textProperty().bind(vm.summaryProperty());
        keyTable();
        new WorkingSecretsTable(secretTable, secretsHeading, secretsNote, vm, clock, this::confirmExpire).install();
        auditTab();

        status.textProperty().bind(vm.statusProperty());
        vm.statusIsProblemProperty().addListener((o, a, problem) -> statusStyle(problem));
        statusStyle(false);
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        clip.textProperty().bind(clipboard.statusProperty());
        clip.visibleProperty().bind(clip.textProperty().isNotEmpty());
        clip.managedProperty().bind(clip.visibleProperty());
        busy.visibleProperty().bind(vm.busyProperty());
        close.setOnAction(e -> close());
    }

    private void statusStyle(boolean problem) {
        status.getStyleClass().removeAll("error-text", "success-text");
        status.getStyleClass().add(problem ? "error-text" : "success-text");
    }

    /** The revoke confirmation: the key's name typed to enable a fixed "Revoke key" (danger, never the default). */
    public static ConfirmTypedController revokeConfirmation(KeyRow row, Runnable action) {
        return new ConfirmTypedController(
                Messages.get("admin.revoke.title"),
                Messages.format("admin.revoke.heading", row.name(), row.owner(), row.hint()),
                Messages.format("admin.revoke.text", row.owner()),
                row.name(),
                Messages.get("admin.revoke.button"),
                action);
    }

    /**
     * The expire-now confirmation for an older secret in its grace period: the key's name typed to enable a fixed
     * "Expire now" (danger, never the default). inGrace: how many older secrets of the key the server will stop.
     */
    public static ConfirmTypedController expireConfirmation(
            KeyRow row, KeySecrets.Secret secret, long inGrace, String until, Runnable action) {
        return new ConfirmTypedController(
                Messages.get("admin.expire.title"),
                Messages.format("admin.expire.heading", secret.hint(), row.name(), row.owner()),
                Messages.format("admin.expire.text", until, row.hint(), Math.max(0, inGrace - 1)),
                row.name(),
                Messages.get("admin.expire.button"),
                action);
    }

    private void confirmExpire(KeySecrets.Secret secret) {
        KeyRow row = vm.selectedProperty().get();
        if (row == null || secret == null) {
            return;
        }
        String until = TimeText.moment(secret.until(), clock.instant(), clock.getZone());
        dialogs()
                .show(
                        FxmlView.CONFIRM_TYPED,
                        expireConfirmation(
                                row, secret, vm.secretsInGrace(), until, () -> vm.expirePrevious(row, secret)));
    }

    private void keyTable() {
        table.setItems(vm.keys());
        table.getColumns()
                .setAll(List.of(
                        column("admin.col.name", KeyRow::name, 140),
                        column("admin.col.owner", KeyRow::owner, 170),
                        column("admin.col.key", KeyRow::hint, 130),
                        column("admin.col.scopes", KeyRow::scopes, 110),
                        column("admin.col.created", KeyRow::created, 150),
                        column("admin.col.lastUsed", KeyRow::lastUsed, 150),
                        column("admin.col.expires", KeyRow::expires, 150),
                        column("admin.col.status", KeyRow::statusText, 90)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(KeyRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("revoked-row", "expiring-row", "unused-row");
                if (empty || row == null) {
                    setTooltip(null);
                    return;
                }
                if (row.revoked()) {
                    // revoked keys look revoked: struck through and muted, "Revoked" in the status, a tooltip
                    getStyleClass().add("revoked-row");
                    setTooltip(new Tooltip(Messages.get("admin.row.revoked")));
                    return;
                }
                if (row.expiresSoon()) {
                    getStyleClass().add("expiring-row");
                }
                if (row.neverUsed()) {
                    getStyleClass().add("unused-row");
                }
                String tip = ((row.expiresSoon() ? Messages.get("admin.row.soon") + " " : "")
                                + (row.neverUsed() ? Messages.get("admin.row.unused") : ""))
                        .strip();
                setTooltip(tip.isEmpty() ? null : new Tooltip(tip));
            }
        });
        table.setPlaceholder(new Label(Messages.get("admin.noKeys")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> vm.selectedProperty()
                .set(row));
        vm.selectedProperty().addListener((o, a, row) -> {
            if (row != null && table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
            }
        });
    }

    private void auditTab() {
        action.getItems()
                .setAll(
                        "",
                        AuditEntry.KEY_ISSUED,
                        AuditEntry.KEY_REGENERATED,
                        AuditEntry.KEY_REVOKED,
                        AuditEntry.KEY_GRACE_ENDED,
                        AuditEntry.APPROVAL_CREATED,
                        AuditEntry.APPROVAL_APPROVED,
                        AuditEntry.APPROVAL_REJECTED);
        action.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? Messages.get("admin.audit.any") : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        action.setValue("");
        action.valueProperty().addListener((o, a, v) -> vm.auditActionProperty().set(v));
        actionCaption.setLabelFor(action);
        actor.textProperty().bindBidirectional(vm.auditOwnerProperty());
        auditRefresh.setOnAction(e -> vm.refreshAudit());
        auditTable.setItems(vm.audit());
        auditTable.getColumns().setAll(new AuditColumns(vm, clock).columns());
        auditTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        auditTable.setPlaceholder(new Label(Messages.get("admin.audit.empty")));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            if (tab == auditTab && vm.audit().isEmpty()) {
                vm.refreshAudit();
            }
        });
    }

    private DialogService dialogs() {
        return dialogs != null ? dialogs.ownedBy(stage()) : new DialogService(stage(), () -> null);
    }

    private void showOnce(String headline, IssuedKey k) {
        dialogs().show(FxmlView.SHOW_ONCE, new ShowOnceController(headline, k, clipboard));
    }

    private static TableColumn<KeyRow, String> column(String key, Function<KeyRow, String> value, double width) {
        return WrappingColumns.text(key, value, width);
    }

    public KeyAdminViewModel viewModel() {
        return vm;
    }

    public void start() {
        vm.refresh();
    }

    @Override
    public String title() {
        return Messages.format("admin.title", vm.profile());
    }

    @Override
    public String kind() {
        return KIND + vm.profile();
    }

    @Override
    public Node initialFocus() {
        return filter;
    }

    /** None: issuing, regenerating and revoking are each picked on purpose. */
    @Override
    public Button defaultButton() {
        return null;
    }

    @Override
    public boolean modal() {
        return false;
    }

    @Override
    public boolean shrinksToScreen() {
        return true;
    }
}
