package io.approvals.console.ui.dialogs;

import io.approvals.console.ui.common.DialogWindow;
import io.approvals.console.ui.session.UiSettings;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import io.approvals.console.ui.session.ConnectionDraft;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Refresh interval, theme, and the open connection's fields (URL, authentication, header, CA certificate). */
public final class SettingsDialog {
    private static final int[] INTERVALS = {0, 15, 30, 60, 120, 300, 600};
    private final DialogWindow window;

    /**
     * connection may be null (no connection open); editable is false for the sandbox, whose address the
     * app manages. onSave gets the settings and the connection fields when they changed (else null).
     */
    public SettingsDialog(Window owner, UiSettings current, ConnectionDraft connection, boolean editable,
                          BiConsumer<UiSettings, ConnectionDraft> onSave) {
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
        CheckBox notify = new CheckBox("Notify me of new approvals while the window is in the background");
        notify.setId("settingsNotify");
        notify.setSelected(current.notifications());
        grid.addRow(1, t, new javafx.scene.layout.VBox(12, theme, notify));
        TextField url = new TextField();
        TextField header = new TextField();
        CheckBox bearer = new CheckBox("Send as Authorization: Bearer (SSO, DeskToken)");
        TextField ca = new TextField();
        if (connection != null) {
            Label section = new Label("Connection \u2018" + connection.name() + "\u2019");
            section.getStyleClass().add("detail-section");
            grid.add(section, 0, 2, 2, 1);
            url.setId("settingsUrl");
            url.setText(connection.baseUrl());
            url.setPrefColumnCount(28);
            header.setId("settingsHeader");
            header.setText(connection.headerName());
            bearer.setSelected(connection.bearer());
            header.disableProperty().bind(bearer.selectedProperty());
            ca.setId("settingsCa");
            ca.setPromptText("optional: PEM file of a private CA");
            ca.setText(connection.caCert() == null ? "" : connection.caCert().toString());
            grid.addRow(3, Forms.caption("Server URL", url), url);
            grid.add(bearer, 1, 4);
            grid.addRow(5, Forms.caption("Header name", header), header);
            grid.addRow(6, Forms.caption("CA certificate", ca), ca);
            for (javafx.scene.Node n : new javafx.scene.Node[] {url, bearer, ca}) {
                n.setDisable(!editable);
            }
            if (!editable) {
                header.disableProperty().unbind();
                header.setDisable(true);
                Label note = new Label("The sandbox\u2019s address is managed by the app.");
                note.getStyleClass().add("text-muted");
                grid.add(note, 1, 7);
            }
        }
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> window.close());
        Button save = new Button("Save");
        save.setId("settingsSave");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            ConnectionDraft changed = null;
            if (connection != null && editable) {
                String caText = ca.getText() == null ? "" : ca.getText().strip();
                ConnectionDraft edited = new ConnectionDraft(connection.name(), url.getText().strip(),
                        bearer.isSelected(), header.getText().strip(), caText.isEmpty() ? null : Path.of(caText));
                if (!edited.equals(connection)) {
                    changed = edited;
                }
            }
            onSave.accept(new UiSettings(refresh.getValue(), theme.getValue(), notify.isSelected()), changed);
            window.close();
        });
        window.content(grid).buttons(cancel, save);
    }

    public void show() {
        window.show();
    }
}
