package io.approvals.console.ui.common;

import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A modal window with a heading, content and a row of buttons; Escape closes it. */
public final class DialogWindow {
    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final HBox buttons = new HBox(10);

    public DialogWindow(Window owner, String title, String heading, ThemeChoice theme) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        root.getStyleClass().add("dialog-window");
        Label h = new Label(heading);
        h.getStyleClass().add("title-3");
        h.setWrapText(true);
        VBox top = new VBox(h);
        top.setPadding(new Insets(20, 24, 8, 24));
        root.setTop(top);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(12, 24, 20, 24));
        root.setBottom(buttons);
        Scene scene = new Scene(root);
        Themes.style(scene, theme);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed()) {
                stage.close();
            }
        });
        // Ctrl+Enter runs the dialog's purpose from any field, a multi-line one included.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                for (Node n : buttons.getChildren()) {
                    if (n instanceof Button b && b.isDefaultButton()) {
                        e.consume();
                        if (!b.isDisabled()) {
                            b.fire();
                        }
                    }
                }
            }
        });
        stage.setScene(scene);
    }

    public DialogWindow content(Parent content) {
        BorderPane.setMargin(content, new Insets(4, 24, 4, 24));
        root.setCenter(content);
        return this;
    }

    public DialogWindow buttons(Node... nodes) {
        buttons.getChildren().setAll(nodes);
        return this;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.sizeToScene();
        stage.show();
    }

    public void close() {
        stage.close();
    }
}
