package io.approvals.console.ui.main;

import io.approvals.console.ui.common.Icons;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.session.ConsoleSession;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The main window's status bar: the connection, when the list was refreshed, the key's facts, a key notice. */
final class StatusBar {
    private StatusBar() {}

    static Node of(ApprovalsViewModel vm) {
        ConsoleSession s = vm.session();
        Label connection = new Label(
                Messages.format("status.connection", s.connectionName(), s.baseUrl()), Icons.of(Feather.SERVER));
        connection.setId("statusConnection");
        Label refreshed = new Label();
        refreshed.setId("statusRefreshed");
        refreshed.textProperty().bind(vm.lastRefreshedTextProperty());
        Label key = new Label(null, Icons.of(Feather.KEY));
        // after a 401 the key's facts would read as if all were well beside the banner that says it was rejected
        javafx.beans.binding.BooleanBinding rejected = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.bannerProperty().get() != null
                        && vm.bannerProperty().get().kind() == Banner.Kind.UNAUTHORIZED,
                vm.bannerProperty());
        key.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> rejected.get()
                                ? vm.keyStatus().keyTextProperty().get() + "  \u00b7  "
                                        + Messages.get("status.keyRejected")
                                : vm.keyStatus().keyTextProperty().get(),
                        vm.keyStatus().keyTextProperty(),
                        rejected));
        key.setId("statusKey");
        // Never cut short: each text keeps its whole width and the bar wraps onto a second line when the window is
        // too narrow for all of them; while they fit, the spacer pushes the key's facts to the right edge.
        for (Label l : List.of(connection, refreshed, key)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region spacer = new Region();
        FlowPane bar = new FlowPane(18, 2, connection, refreshed, spacer, key) {
            @Override
            protected void layoutChildren() {
                Insets in = getInsets();
                double used = in.getLeft()
                        + in.getRight()
                        + 3 * getHgap()
                        + 2
                        + snapSizeX(connection.prefWidth(-1))
                        + snapSizeX(refreshed.prefWidth(-1))
                        + snapSizeX(key.prefWidth(-1));
                double room = Math.max(0, Math.floor(getWidth() - used));
                if (Math.abs(spacer.getPrefWidth() - room) >= 1) {
                    spacer.setPrefWidth(room);
                }
                super.layoutChildren();
            }
        };
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        // what happened to the key gets a line of its own: next to the rest it would cut them (or itself) short
        Label keyNotice = new Label(null, Icons.of(Feather.REFRESH_CW));
        keyNotice.setId("statusKeyNotice");
        keyNotice.textProperty().bind(vm.keyStatus().noticeProperty());
        // an older "Key replaced" notice is not shown beside the banner that says the key was rejected
        keyNotice
                .visibleProperty()
                .bind(vm.keyStatus().noticeProperty().isNotEmpty().and(rejected.not()));
        keyNotice.managedProperty().bind(keyNotice.visibleProperty());
        HBox noticeRow = new HBox(keyNotice);
        noticeRow.getStyleClass().add("status-bar");
        noticeRow.visibleProperty().bind(keyNotice.visibleProperty());
        noticeRow.managedProperty().bind(keyNotice.visibleProperty());
        return new VBox(noticeRow, bar);
    }
}
