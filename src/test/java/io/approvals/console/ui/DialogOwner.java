package io.approvals.console.ui;

import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The window dialog tests open their dialogs from: English, the light theme, 1000×700, shown. */
public final class DialogOwner {
    private DialogOwner() {}

    /** Call in a TestFX {@code @Start} with its stage. */
    public static void show(Stage stage) {
        Messages.useLanguage("en");
        Themes.apply(ThemeChoice.LIGHT);
        stage.setWidth(1000);
        stage.setHeight(700);
        stage.setScene(new Scene(new StackPane()));
        stage.show();
    }
}
