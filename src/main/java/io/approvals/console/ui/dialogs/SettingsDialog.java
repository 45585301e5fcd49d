package io.approvals.console.ui.dialogs;

import io.approvals.console.ui.common.DialogWindow;
import io.approvals.console.ui.session.UiSettings;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Refresh interval and theme. Connection fields are changed through Add connection / Replace key. */
public final class SettingsDialog {
    private static final int[] INTERVALS = {0, 15, 30, 60, 120, 300, 600};
    private final DialogWindow window;

    public SettingsDialog(Window owner, UiSettings current, Consumer<UiSettings> onSave) {
        window = new DialogWindow(owner, "Settings", "Settings", current.theme());
        ComboBox<Integer> refresh = new ComboBox<>();
        refresh.setId("settingsRefresh");
        refresh.setAccessibleText("Refresh automatically");
        for (int i : INTERVALS) {
            refresh.getItems().add(i);
        }
        if (!refresh.getItems().contains(current.refreshSeconds())) {
            refresh.getItems().add(current.refreshSeconds());
        }
        refresh.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null ? "" : s == 0 ? "Never (F5 only)" : s < 60 ? "Every " + s + " s"
                        : "Every " + (s / 60) + " min";
            }

            @Override
            public Integer fromString(String string) {
                return null;
            }
        });
        refresh.setValue(current.refreshSeconds());
        ComboBox<ThemeChoice> theme = new ComboBox<>();
        theme.setId("settingsTheme");
        theme.setAccessibleText("Theme");
        theme.getItems().setAll(ThemeChoice.values());
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(ThemeChoice t) {
                return t == null ? "" : switch (t) {
                    case SYSTEM -> "Follow the system";
                    case LIGHT -> "Light";
                    case DARK -> "Dark";
                };
            }

            @Override
            public ThemeChoice fromString(String string) {
                return null;
            }
        });
        theme.setValue(current.theme());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        Label r = Forms.caption("Refresh the list", refresh);
        Label t = Forms.caption("Theme", theme);
        grid.addRow(0, r, refresh);
        grid.addRow(1, t, theme);
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> window.close());
        Button save = new Button("Save");
        save.setId("settingsSave");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            onSave.accept(new UiSettings(refresh.getValue(), theme.getValue()));
            window.close();
        });
        window.content(grid).buttons(cancel, save);
    }

    public void show() {
        window.show();
    }
}
