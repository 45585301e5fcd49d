package io.approvals.console.ui.dialogs;

import io.approvals.console.contract.Dialect;
import io.approvals.console.ui.common.DialectText;
import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.session.ConnectionDraft;
import io.approvals.console.ui.session.UiSettings;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** settings.fxml: refresh interval, theme, notifications, language, and the open connection's fields. */
public final class SettingsController extends DialogController {
    private static final int[] INTERVALS = {0, 15, 30, 60, 120, 300, 600};
    /** The language choice that follows the OS. */
    static final String SYSTEM_LANGUAGE = "";

    private final UiSettings current;
    private final ConnectionDraft connection;
    private final boolean editable;
    private final BiConsumer<UiSettings, ConnectionDraft> onSave;

    @FXML
    Label refreshCaption;

    @FXML
    ComboBox<Integer> refresh;

    @FXML
    Label themeCaption;

    @FXML
    ComboBox<ThemeChoice> theme;

    @FXML
    CheckBox notify;

    @FXML
    Label languageCaption;

    @FXML
    ComboBox<String> language;

    @FXML
    VBox connectionBox;

    @FXML
    Label section;

    @FXML
    Label urlCaption;

    @FXML
    TextField url;

    @FXML
    CheckBox bearer;

    @FXML
    Label headerCaption;

    @FXML
    TextField header;

    @FXML
    Label caCaption;

    @FXML
    TextField ca;

    @FXML
    Label sandboxNote;

    @FXML
    Label dialectSource;

    @FXML
    Label dialectHeader;

    @FXML
    TitledPane dialectPane;

    @FXML
    GridPane dialectGrid;

    @FXML
    Label dialectError;

    private DialectEditor dialectEditor;

    @FXML
    Button cancel;

    @FXML
    Button save;

    /**
     * connection may be null (no connection open); editable is false for the sandbox, whose address the app
     * manages. onSave gets the settings and the connection fields when they changed (else null).
     */
    public SettingsController(
            UiSettings current,
            ConnectionDraft connection,
            boolean editable,
            BiConsumer<UiSettings, ConnectionDraft> onSave) {
        this.current = current;
        this.connection = connection;
        this.editable = editable;
        this.onSave = onSave;
    }

    @FXML
    void initialize() {
        refreshCaption.setLabelFor(refresh);
        themeCaption.setLabelFor(theme);
        languageCaption.setLabelFor(language);
        for (int i : INTERVALS) {
            refresh.getItems().add(i);
        }
        if (!refresh.getItems().contains(current.refreshSeconds())) {
            refresh.getItems().add(current.refreshSeconds());
        }
        refresh.setConverter(converter(s -> s == 0
                ? Messages.get("settings.refresh.never")
                : s < 60
                        ? Messages.format("settings.refresh.seconds", s)
                        : Messages.format("settings.refresh.minutes", s / 60)));
        refresh.setValue(current.refreshSeconds());
        theme.getItems().setAll(ThemeChoice.values());
        theme.setConverter(converter(t -> Messages.get("settings.theme." + t.name())));
        theme.setValue(current.theme());
        notify.setSelected(current.notifications());
        language.getItems().add(SYSTEM_LANGUAGE);
        language.getItems().addAll(Messages.LANGUAGES);
        language.setConverter(converter(tag -> tag.isEmpty()
                ? Messages.get("settings.language.system")
                : Locale.forLanguageTag(tag).getDisplayLanguage(Locale.forLanguageTag(tag))));
        language.setValue(current.language() == null ? SYSTEM_LANGUAGE : current.language());

        boolean hasConnection = connection != null;
        connectionBox.setVisible(hasConnection);
        connectionBox.setManaged(hasConnection);
        if (hasConnection) {
            section.setText(Messages.format("settings.connection", connection.name()));
            urlCaption.setLabelFor(url);
            headerCaption.setLabelFor(header);
            caCaption.setLabelFor(ca);
            url.setText(connection.baseUrl());
            header.setText(connection.headerName());
            bearer.setSelected(connection.bearer());
            header.disableProperty().bind(bearer.selectedProperty());
            ca.setText(connection.caCert() == null ? "" : connection.caCert().toString());
            for (Node n : new Node[] {url, bearer, ca}) {
                n.setDisable(!editable);
            }
            if (!editable) {
                header.disableProperty().unbind();
                header.setDisable(true);
            }
            sandboxNote.setVisible(!editable);
            sandboxNote.setManaged(!editable);
            dialectSource.setText(Messages.format("settings.dialect.source", DialectText.source(connection.dialect()))
                    + " \u00b7 " + DialectText.summary(connection.dialect()));
            dialectHeader.setText(
                    Messages.format("settings.dialect.headerFrom", DialectText.headerOrigin(connection.dialect())));
            dialectEditor = new DialectEditor(dialectGrid, connection.dialectOrContract(), editable);
        }
        Forms.bindMessage(dialectError, dialectErrorText);
        cancel.setOnAction(e -> close());
        save.setOnAction(e -> {
            ConnectionDraft changed = null;
            if (connection != null && editable) {
                Dialect dialect;
                try {
                    dialect = dialectEditor.edited();
                } catch (IllegalArgumentException bad) {
                    // said next to the names; nothing is saved and the dialog stays open with what was typed
                    dialectPane.setExpanded(true);
                    dialectErrorText.set(Messages.format("settings.dialect.invalid", bad.getMessage()));
                    return;
                }
                if (dialect.equals(connection.dialectOrContract())) {
                    dialect = connection.dialect();
                }
                String caText = ca.getText() == null ? "" : ca.getText().strip();
                ConnectionDraft edited = new ConnectionDraft(
                        connection.name(),
                        url.getText().strip(),
                        bearer.isSelected(),
                        header.getText().strip(),
                        caText.isEmpty() ? null : Path.of(caText),
                        dialect);
                if (!edited.equals(connection)) {
                    changed = edited;
                }
            }
            String lang = language.getValue() == null || language.getValue().isEmpty() ? null : language.getValue();
            onSave.accept(new UiSettings(refresh.getValue(), theme.getValue(), notify.isSelected(), lang), changed);
            close();
        });
    }

    private final javafx.beans.property.StringProperty dialectErrorText =
            new javafx.beans.property.SimpleStringProperty(this, "dialectError", "");

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    @Override
    public String title() {
        return Messages.get("settings.title");
    }

    @Override
    public String kind() {
        return "settings";
    }

    @Override
    public Node initialFocus() {
        return refresh;
    }

    @Override
    public Button defaultButton() {
        return save;
    }
}
