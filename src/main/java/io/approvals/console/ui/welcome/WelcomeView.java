package io.approvals.console.ui.welcome;

import atlantafx.base.controls.PasswordTextField;
import io.approvals.console.ui.common.Icons;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.session.ConsoleSession;
import java.io.File;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/** First run: start the sandbox in one click, or connect to an Approvals API. */
public final class WelcomeView extends ScrollPane {
    private final WelcomeViewModel vm;
    private final Consumer<ConsoleSession> onOpened;
    private final Button sandboxButton;

    /** onBack may be null (first run: there is nowhere to go back to). */
    public WelcomeView(WelcomeViewModel vm, Consumer<ConsoleSession> onOpened, Runnable onBack) {
        this.vm = vm;
        this.onOpened = onOpened;
        setId("welcomeView");
        getStyleClass().add("welcome");
        setFitToWidth(true);

        Label heading = new Label(Messages.get("welcome.heading"));
        heading.getStyleClass().add("title-1");
        Label lead = new Label(Messages.get("welcome.lead"));
        lead.setWrapText(true);
        lead.getStyleClass().add("text-muted");

        sandboxButton = Icons.button(Messages.get("welcome.sandbox.start"), Feather.PLAY);
        sandboxButton.setId("sandboxButton");
        sandboxButton.getStyleClass().addAll("accent", "large");
        sandboxButton.setDefaultButton(true);
        sandboxButton.setOnAction(e -> vm.startSandbox(onOpened));
        sandboxButton.disableProperty().bind(vm.busyProperty());

        HBox cards = new HBox(24, sandboxCard(), connectCard());
        cards.setAlignment(Pos.TOP_CENTER);
        HBox.setHgrow(cards.getChildren().get(1), Priority.ALWAYS);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        Label busy = new Label();
        busy.setId("welcomeBusy");
        busy.textProperty().bind(vm.busyTextProperty());
        HBox busyRow = new HBox(10, spinner, busy);
        busyRow.setAlignment(Pos.CENTER_LEFT);
        busyRow.visibleProperty().bind(vm.busyProperty());
        busyRow.managedProperty().bind(vm.busyProperty());

        Label error = new Label();
        error.setId("welcomeError");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox page = new VBox(18, heading, lead, cards, busyRow, error);
        if (onBack != null) {
            Button back = Icons.button(Messages.get("welcome.back"), Feather.ARROW_LEFT);
            back.setId("backButton");
            back.setCancelButton(true);
            back.setOnAction(e -> onBack.run());
            page.getChildren().add(0, back);
        }
        page.setPadding(new Insets(40, 48, 40, 48));
        page.setMaxWidth(1100);
        VBox outer = new VBox(page);
        outer.setAlignment(Pos.TOP_CENTER);
        setContent(outer);
    }

    /** Focus on the one-click path. */
    public void focusDefault() {
        sandboxButton.requestFocus();
    }

    private Node sandboxCard() {
        Label title = new Label(Messages.get("welcome.sandbox.title"));
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        Label text = new Label(Messages.get("welcome.sandbox.text"));
        text.setWrapText(true);
        VBox card = new VBox(14, Icons.of(Feather.BOX), title, text, sandboxButton);
        card.getStyleClass().addAll("card-pane", "sandbox-card");
        card.setPadding(new Insets(24));
        card.setPrefWidth(360);
        card.setMinWidth(300);
        return card;
    }

    private Node connectCard() {
        Label title = new Label(Messages.get("welcome.connect.title"));
        title.getStyleClass().add("title-3");

        TextField name = field("connectionName", Messages.get("welcome.name.accessible"), vm.nameProperty());
        TextField url = field("urlField", Messages.get("welcome.url"), vm.urlProperty());
        url.setPromptText(Messages.get("welcome.url.prompt"));

        ComboBox<String> mode = new ComboBox<>();
        mode.setId("authMode");
        mode.getItems().addAll(Messages.get("welcome.auth.header"), Messages.get("welcome.auth.bearer"));
        mode.getSelectionModel().select(vm.bearerProperty().get() ? 1 : 0);
        mode.setAccessibleText(Messages.get("welcome.auth.accessible"));
        mode.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> vm.bearerProperty()
                .set(i.intValue() == 1));
        // discovery may find that the server wants a bearer token
        vm.bearerProperty().addListener((o, a, b) -> mode.getSelectionModel().select(b ? 1 : 0));
        TextField header = field("headerField", Messages.get("welcome.header"), vm.headerNameProperty());
        header.disableProperty().bind(vm.bearerProperty());

        PasswordTextField key = new PasswordTextField();
        key.setId("keyField");
        key.setPromptText(Messages.get("welcome.key.prompt"));
        key.setAccessibleText(Messages.get("welcome.key.accessible"));
        // The field's text is bullets; the typed key is its password property.
        vm.keyProperty().bind(key.passwordProperty());
        var reveal = Icons.iconButton(Feather.EYE, Messages.get("welcome.key.reveal"));
        reveal.setFocusTraversable(true);
        reveal.setOnAction(e -> key.setRevealPassword(!key.getRevealPassword()));
        key.setRight(reveal);
        Label format = new Label();
        format.setId("keyFormat");
        format.setWrapText(true);
        format.textProperty().bind(vm.keyFormatProperty());
        vm.keyFormatBadProperty().addListener((o, a, bad) -> {
            format.getStyleClass().removeAll("error-text", "success-text");
            format.getStyleClass().add(bad ? "error-text" : "success-text");
            key.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), bad);
        });

        TextField ca = field("caField", Messages.get("welcome.ca.accessible"), vm.caCertProperty());
        ca.setPromptText(Messages.get("welcome.ca.prompt"));
        Button browse = Icons.button(Messages.get("welcome.ca.browse"), Feather.FOLDER);
        browse.setMinWidth(Region.USE_PREF_SIZE); // the field gives way, not the button ("Durchsuchen…" was cut)
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("welcome.ca.chooser"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.caCertProperty().set(f.getAbsolutePath());
            }
        });
        HBox caRow = new HBox(8, ca, browse);
        HBox.setHgrow(ca, Priority.ALWAYS);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(130);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        int r = 0;
        grid.addRow(r++, label(Messages.get("welcome.name"), name), name);
        grid.addRow(r++, label(Messages.get("welcome.url"), url), url);
        grid.addRow(r++, label(Messages.get("welcome.auth"), mode), mode);
        grid.addRow(r++, label(Messages.get("welcome.header"), header), header);
        grid.addRow(r++, label(Messages.get("welcome.key"), key), key);
        grid.add(format, 1, r++);
        grid.addRow(r++, label(Messages.get("welcome.ca"), ca), caRow);

        CheckBox sessionOnly = new CheckBox(Messages.get("welcome.sessionOnly"));
        sessionOnly.setId("sessionOnly");
        sessionOnly.setWrapText(true);
        sessionOnly.selectedProperty().bindBidirectional(vm.sessionOnlyProperty());
        sessionOnly.visibleProperty().bind(vm.offerSessionOnlyProperty());
        sessionOnly.managedProperty().bind(vm.offerSessionOnlyProperty());

        Label result = new Label();
        result.setId("verifyResult");
        result.setWrapText(true);
        result.getStyleClass().add("success-text");
        result.textProperty().bind(vm.resultProperty());

        Label discovery = new Label();
        discovery.setId("discoveryResult");
        discovery.setWrapText(true);
        discovery.setMinHeight(Region.USE_PREF_SIZE);
        discovery.getStyleClass().add("text-muted");
        discovery.textProperty().bind(vm.discoveryProperty());
        discovery.visibleProperty().bind(vm.discoveryProperty().isNotEmpty());
        discovery.managedProperty().bind(discovery.visibleProperty());

        Button verify = Icons.button(Messages.get("welcome.verify"), Feather.CHECK_CIRCLE);
        verify.setId("verifyButton");
        verify.disableProperty().bind(vm.readyProperty().not());
        verify.setOnAction(e -> vm.verify());
        Button save = Icons.button(Messages.get("welcome.save"), Feather.SAVE);
        save.setId("saveButton");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.readyProperty().not());
        save.setOnAction(e -> vm.save(onOpened));
        HBox buttons = new HBox(10, verify, save);

        VBox card = new VBox(14, Icons.of(Feather.LINK), title, grid, sessionOnly, discovery, result, buttons);
        card.getStyleClass().add("card-pane");
        card.setPadding(new Insets(24));
        return card;
    }

    private static TextField field(String id, String accessible, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.setAccessibleText(accessible);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static Label label(String text, Node target) {
        Label l = new Label(text);
        l.setLabelFor(target);
        return l;
    }
}
