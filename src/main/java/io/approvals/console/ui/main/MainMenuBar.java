package io.approvals.console.ui.main;

import io.approvals.console.ui.common.Messages;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

/** The main window's menus: connections, approvals, settings, about; every item from a {@link MainAction}. */
final class MainMenuBar extends MenuBar {

    MainMenuBar(ApprovalsViewModel vm, MainActions app, ActionFactory actions) {
        Menu connection = new Menu(Messages.get("main.menu.connection"));
        connection.setId("connectionMenu");
        MenuItem add = actions.menuItem(MainAction.ADD_CONNECTION);
        MenuItem replace = actions.menuItem(MainAction.REPLACE_KEY);
        MenuItem key = actions.menuItem(MainAction.KEY_WINDOW);
        key.setId("keyMenuItem");
        MenuItem admin = actions.menuItem(MainAction.ADMIN);
        admin.setId("adminMenuItem");
        MenuItem quit = actions.menuItem(MainAction.QUIT);
        Runnable fill = () -> {
            connection.getItems().clear();
            ToggleGroup group = new ToggleGroup();
            for (String name : app.connections()) {
                RadioMenuItem item = new RadioMenuItem(name);
                item.setToggleGroup(group);
                item.setSelected(name.equals(vm.session().connectionName()));
                item.setOnAction(e -> app.switchTo(name));
                connection.getItems().add(item);
            }
            connection
                    .getItems()
                    .addAll(new SeparatorMenuItem(), add, replace, key, admin, new SeparatorMenuItem(), quit);
        };
        fill.run();
        connection.setOnShowing(e -> fill.run());

        Menu approvals = new Menu(Messages.get("main.menu.approvals"));
        approvals
                .getItems()
                .addAll(
                        actions.menuItem(MainAction.NEW_APPROVAL),
                        actions.menuItem(MainAction.APPROVE),
                        actions.menuItem(MainAction.REJECT),
                        actions.menuItem(MainAction.QUICK_APPROVE),
                        actions.menuItem(MainAction.UNDO_QUICK_APPROVE),
                        new SeparatorMenuItem(),
                        actions.menuItem(MainAction.REFRESH),
                        actions.menuItem(MainAction.SEARCH),
                        actions.menuItem(MainAction.JUMP_TO_NEW));

        Menu view = new Menu(Messages.get("main.menu.view"));
        view.getItems()
                .addAll(
                        actions.menuItem(MainAction.FILTER_MINE),
                        actions.menuItem(MainAction.FILTER_OVERDUE),
                        actions.menuItem(MainAction.FILTER_PRESSING),
                        new SeparatorMenuItem(),
                        actions.menuItem(MainAction.TOGGLE_DETAILS));

        Menu tools = new Menu(Messages.get("main.menu.tools"));
        tools.getItems().add(actions.menuItem(MainAction.SETTINGS));

        Menu help = new Menu(Messages.get("main.menu.help"));
        help.getItems().add(actions.menuItem(MainAction.ABOUT));
        getMenus().addAll(connection, approvals, view, tools, help);
        setId("menuBar");
    }
}
