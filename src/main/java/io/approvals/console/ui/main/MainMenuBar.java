package io.approvals.console.ui.main;

import io.approvals.console.contract.ApprovalStatus;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The main window's menus: connections, approvals, settings, about. */
final class MainMenuBar extends MenuBar {

    MainMenuBar(ApprovalsViewModel vm, MainActions actions, Consumer<ApprovalStatus> decideSelected,
                BooleanBinding noDecision) {
        Menu connection = new Menu("_Connection");
        connection.setId("connectionMenu");
        Runnable fill = () -> {
            connection.getItems().clear();
            ToggleGroup group = new ToggleGroup();
            for (String name : actions.connections()) {
                RadioMenuItem item = new RadioMenuItem(name);
                item.setToggleGroup(group);
                item.setSelected(name.equals(vm.session().connectionName()));
                item.setOnAction(e -> actions.switchTo(name));
                connection.getItems().add(item);
            }
            MenuItem add = new MenuItem("Add connection\u2026");
            add.setOnAction(e -> actions.addConnection());
            MenuItem replace = new MenuItem("Replace key\u2026");
            replace.setOnAction(e -> actions.replaceKey());
            MenuItem key = new MenuItem("Key\u2026");
            key.setId("keyMenuItem");
            key.setOnAction(e -> actions.keyPanel());
            MenuItem admin = new MenuItem("Admin\u2026");
            admin.setId("adminMenuItem");
            admin.setOnAction(e -> actions.keyAdmin());
            var keyInfo = vm.session().key();
            admin.setDisable(keyInfo.scopesKnown() && !keyInfo.scopes().contains("admin"));
            MenuItem quit = new MenuItem("Quit");
            quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
            quit.setOnAction(e -> actions.quit());
            connection.getItems().addAll(new SeparatorMenuItem(), add, replace, key, admin, new SeparatorMenuItem(), quit);
        };
        fill.run();
        connection.setOnShowing(e -> fill.run());

        Menu approvals = new Menu("_Approvals");
        MenuItem create = new MenuItem("New approval\u2026");
        create.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        create.setOnAction(e -> actions.newApproval());
        create.disableProperty().bind(vm.canWriteProperty().not());
        MenuItem approve = new MenuItem("Approve selected\u2026   A");
        approve.setOnAction(e -> decideSelected.accept(ApprovalStatus.APPROVED));
        MenuItem reject = new MenuItem("Reject selected\u2026   R");
        reject.setOnAction(e -> decideSelected.accept(ApprovalStatus.REJECTED));
        approve.disableProperty().bind(noDecision);
        reject.disableProperty().bind(noDecision);
        MenuItem refresh = new MenuItem("Refresh");
        refresh.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        refresh.setOnAction(e -> vm.refresh());
        approvals.getItems().addAll(create, approve, reject, new SeparatorMenuItem(), refresh);

        Menu tools = new Menu("_Tools");
        MenuItem settings = new MenuItem("Settings\u2026");
        settings.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        settings.setOnAction(e -> actions.settings());
        tools.getItems().add(settings);

        Menu help = new Menu("_Help");
        MenuItem about = new MenuItem("About Approvals Console");
        about.setOnAction(e -> actions.about());
        help.getItems().add(about);
        getMenus().addAll(connection, approvals, tools, help);
        setId("menuBar");
    }

}
