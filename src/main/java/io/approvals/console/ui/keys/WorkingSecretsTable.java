package io.approvals.console.ui.keys;

import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.TimeText;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The admin window's table of the selected key's working secrets: the current one, older ones in their grace period
 * (with Expire now, danger) and revoked ones; its heading and the note under it.
 */
final class WorkingSecretsTable {
    private final TableView<KeySecrets.Secret> secretTable;
    private final Label secretsHeading;
    private final Label secretsNote;
    private final KeyAdminViewModel vm;
    private final Clock clock;
    private final Consumer<KeySecrets.Secret> onExpire;

    WorkingSecretsTable(
            TableView<KeySecrets.Secret> table,
            Label heading,
            Label note,
            KeyAdminViewModel vm,
            Clock clock,
            Consumer<KeySecrets.Secret> onExpire) {
        this.secretTable = table;
        this.secretsHeading = heading;
        this.secretsNote = note;
        this.vm = vm;
        this.clock = clock;
        this.onExpire = onExpire;
    }

    void install() {
        secretsHeading
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.selectedProperty().get() == null
                                ? Messages.get("admin.secrets.none")
                                : Messages.format(
                                        "admin.secrets.heading",
                                        vm.selectedProperty().get().name()),
                        vm.selectedProperty()));
        secretTable.setItems(vm.secrets());
        TableColumn<KeySecrets.Secret, String> hint = new TableColumn<>(Messages.get("admin.secrets.col.secret"));
        hint.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().hint()));
        hint.setCellFactory(c -> new WrappingColumns.WrappingCell<>());
        hint.setPrefWidth(160);
        TableColumn<KeySecrets.Secret, String> state = new TableColumn<>(Messages.get("admin.secrets.col.state"));
        state.setCellValueFactory(cd -> new ReadOnlyStringWrapper(secretState(cd.getValue())));
        state.setCellFactory(c -> new WrappingColumns.WrappingCell<>());
        state.setPrefWidth(260);
        TableColumn<KeySecrets.Secret, String> until = new TableColumn<>(Messages.get("admin.secrets.col.until"));
        until.setCellValueFactory(cd -> new ReadOnlyStringWrapper(
                cd.getValue().revoked()
                        ? ""
                        : cd.getValue().until() == null
                                ? Messages.get("admin.never")
                                : TimeText.moment(cd.getValue().until(), clock.instant(), clock.getZone())));
        until.setCellFactory(c -> new WrappingColumns.WrappingCell<>());
        until.setPrefWidth(300);
        for (TableColumn<KeySecrets.Secret, String> c : List.of(hint, state, until)) {
            c.setMinWidth(Math.ceil(new Text(c.getText()).getLayoutBounds().getWidth()) + 40);
        }
        TableColumn<KeySecrets.Secret, KeySecrets.Secret> act =
                new TableColumn<>(Messages.get("admin.secrets.col.action"));
        act.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        act.setCellFactory(c -> new ExpireCell());
        act.setSortable(false);
        Text widest = new Text(Messages.get("admin.secrets.expire"));
        widest.setStyle("-fx-font-weight: bold;");
        act.setMinWidth(Math.ceil(Math.max(
                        widest.getLayoutBounds().getWidth(),
                        new Text(act.getText()).getLayoutBounds().getWidth()))
                + 50);
        act.setPrefWidth(act.getMinWidth());
        act.setMaxWidth(act.getMinWidth() + 60); // the time column before it takes the room left
        secretTable.getColumns().setAll(List.of(hint, state, until, act));
        secretTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        secretTable.setPlaceholder(new Label(Messages.get("admin.secrets.empty")));
        secretsNote
                .textProperty()
                .bind(Bindings.when(vm.graceEndUnsupportedProperty())
                        .then(Messages.get("admin.secrets.note.unsupported"))
                        .otherwise(Messages.get("admin.secrets.note")));
    }

    /** "Expire now" (danger) on a row of an older secret in its grace period; nothing on the current secret's row. */
    private final class ExpireCell extends TableCell<KeySecrets.Secret, KeySecrets.Secret> {
        private final Button button = new Button(Messages.get("admin.secrets.expire"));

        ExpireCell() {
            button.setId("expireNowButton");
            button.getStyleClass().add("danger");
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.disableProperty().bind(vm.busyProperty().or(vm.graceEndUnsupportedProperty()));
            button.setOnAction(e -> onExpire.accept(getItem()));
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(KeySecrets.Secret secret, boolean empty) {
            super.updateItem(secret, empty);
            boolean inGrace = !empty && secret != null && secret.inGrace();
            if (inGrace) {
                button.setAccessibleText(Messages.format("admin.secrets.expire.for", secret.hint()));
            }
            setGraphic(inGrace ? button : null);
        }
    }

    private static String secretState(KeySecrets.Secret s) {
        return s.revoked()
                ? Messages.get("admin.secret.revoked")
                : s.current() ? Messages.get("admin.secret.current") : Messages.get("admin.secret.grace");
    }
}
