package io.approvals.console.ui.common;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A window whose content is built in code (the key and admin windows), shown through the {@link DialogService}
 * like every FXML dialog: with a Close button under it (it has no Cancel), Esc and one instance per kind.
 */
public final class CodeDialog extends DialogController {
    private final String title;
    private final String kind;
    private final Node focus;
    private final Button close = new Button(Messages.get("common.close"));
    private Runnable onClosed = () -> { };

    public CodeDialog(Parent content, String title, String kind, Node focus) {
        this.title = title;
        this.kind = kind;
        this.focus = focus;
        close.setId("windowClose");
        close.setOnAction(e -> close());
        HBox buttons = new HBox(10, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(0, 16, 16, 16));
        VBox.setVgrow(content, Priority.ALWAYS);
        attach(new VBox(content, buttons));
    }

    public CodeDialog onClosed(Runnable r) {
        this.onClosed = r;
        return this;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Node initialFocus() {
        return focus == null ? close : focus;
    }

    @Override
    public Button defaultButton() {
        return null;
    }

    @Override
    public boolean modal() {
        return false;
    }

    @Override
    public void closed() {
        onClosed.run();
    }
}
