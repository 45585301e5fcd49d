package io.approvals.console.ui.common;

import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.time.LocalDate;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * Once per run, soon after the main window first shows its rows, builds a dialog of the kinds of controls the
 * decision and create dialogs are made of, never shown, and gives it its styles and layout: their classes, skins
 * and style look-ups are then ready when the user first presses A or Ctrl+N. Without it the first dialog took
 * 3–4× as long to appear as the next ones (bench "interaction"). Off the start-up path: it starts after the first
 * frame with rows, and the classes are loaded on a background thread first. Its controls then style the first
 * dialog's scene root in advance (DialogService.prepareSpare).
 */
public final class DialogWarmUp {
    private static boolean scheduled;

    private DialogWarmUp() {}

    /**
     * Call on the UI thread; does something only the first time. loadDialogs: runs a moment after the warm-up, to
     * load the dialogs themselves (their classes and styles are then warm).
     */
    public static void afterFirstRows(TableView<?> table, Window owner, ThemeChoice theme, Runnable loadDialogs) {
        if (scheduled || Boolean.getBoolean("approvals.noDialogWarmUp")) {
            return;
        }
        scheduled = true;
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            Scene scene = table.getScene();
            if (scene != null && !table.getItems().isEmpty()) {
                Platform.runLater(() -> scene.removePostLayoutPulseListener(check[0]));
                loadClasses();
                PauseTransition later = new PauseTransition(Duration.millis(300));
                later.setOnFinished(e -> {
                    build(owner, theme);
                    PauseTransition then = new PauseTransition(Duration.millis(300));
                    then.setOnFinished(x -> loadDialogs.run());
                    then.play();
                });
                later.play();
            }
        };
        table.sceneProperty().addListener((o, was, scene) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(check[0]);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(check[0]);
            }
        });
        if (table.getScene() != null) {
            table.getScene().addPostLayoutPulseListener(check[0]);
        }
    }

    /** The dialogs' control skins and helpers, loaded off the UI thread (class loading is most of a first open). */
    private static void loadClasses() {
        Thread t = new Thread(
                () -> {
                    for (String name : new String[] {
                        "javafx.scene.control.skin.TextAreaSkin",
                        "javafx.scene.control.skin.TextFieldSkin",
                        "javafx.scene.control.skin.ToggleButtonSkin",
                        "javafx.scene.control.skin.ComboBoxListViewSkin",
                        "javafx.scene.control.skin.DatePickerSkin",
                        "javafx.scene.control.skin.DatePickerContent",
                        "javafx.scene.control.skin.ProgressIndicatorSkin",
                        "javafx.scene.control.skin.ButtonSkin",
                        "javafx.scene.control.skin.ScrollPaneSkin",
                        "javafx.scene.control.skin.ListViewSkin",
                        "javafx.stage.Stage",
                        "javafx.fxml.FXMLLoader",
                        "io.approvals.console.ui.dialogs.DecisionController",
                        "io.approvals.console.ui.dialogs.DecisionViewModel",
                        "io.approvals.console.ui.dialogs.CreateApprovalController",
                        "io.approvals.console.ui.dialogs.CreateApprovalViewModel"
                    }) {
                        try {
                            Class.forName(name, true, DialogWarmUp.class.getClassLoader());
                        } catch (ClassNotFoundException | LinkageError e) {
                            // a renamed class is only a missed warm-up
                        }
                    }
                },
                "dialog-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void build(Window owner, ThemeChoice theme) {
        // the dialogs' shape as DialogService shows them (never shown itself)
        javafx.scene.layout.BorderPane shape = new javafx.scene.layout.BorderPane();
        shape.getStyleClass().add("dialog-window");
        Label heading = new Label("Warm-up");
        heading.getStyleClass().addAll("title-3", DialogService.HEADING);
        heading.setWrapText(true);
        shape.setTop(heading);
        ToggleButton approve = new ToggleButton("Approve", Icons.of(Feather.CHECK));
        ToggleButton reject = new ToggleButton("Reject", Icons.of(Feather.X));
        HBox choice = new HBox(approve, reject);
        choice.getStyleClass().add("segmented");
        Label muted = new Label("Requested by someone");
        muted.getStyleClass().add("text-muted");
        muted.setWrapText(true);
        TextArea area = new TextArea();
        area.setWrapText(true);
        area.setPrefRowCount(3);
        ComboBox<String> combo = new ComboBox<>();
        combo.getItems().setAll("Normal", "High");
        DatePicker date = new DatePicker(LocalDate.now());
        Label error = new Label("error");
        error.getStyleClass().add("error-text");
        VBox content = new VBox(10, muted, choice, new TextField(), area, new HBox(16, combo, date), error);
        content.setPrefWidth(520);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        Button ok = new Button("Approve");
        ok.getStyleClass().add("success");
        Button cancel = new Button("Cancel");
        shape.setCenter(content);
        shape.setBottom(new HBox(10, busy, cancel, ok));
        Scene scene = new Scene(shape);
        Themes.style(scene, theme);
        Parent root = scene.getRoot();
        root.applyCss();
        root.resize(root.prefWidth(-1), root.prefHeight(-1));
        root.layout();
        // and the first dialog's scene root gets these controls' styles ready (DialogService.takeSpare)
        scene.setRoot(new javafx.scene.Group());
        DialogService.prepareSpare(shape, theme);
    }
}
