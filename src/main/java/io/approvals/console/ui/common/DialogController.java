package io.approvals.console.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.stage.Stage;

/**
 * A dialog's controller as the {@link DialogService} sees it: its root, its window title, the control the user
 * needs first, and the button the dialog exists for (Enter and Ctrl+Enter run it). Never a destructive one.
 */
public abstract class DialogController {
    private Parent root;
    private Stage stage;

    void attach(Parent loaded) {
        this.root = loaded;
    }

    void shownIn(Stage s) {
        this.stage = s;
    }

    public Parent root() {
        return root;
    }

    /** The window this dialog is shown in (null before it is shown). */
    public Stage stage() {
        return stage;
    }

    public abstract String title();

    /** One window per kind (a second open brings the first to the front), or null for any number. */
    public String kind() {
        return null;
    }

    /** The control that has focus when the dialog opens. */
    public abstract Node initialFocus();

    /** The action the dialog exists for; null when it has none (only Close). */
    public abstract Button defaultButton();

    /** Modal to its owner (dialogs) or not (secondary windows such as the key window). */
    public boolean modal() {
        return true;
    }

    /** True for a window whose content can shrink (tables scroll): it is fitted to the screen, not put in a scroll pane. */
    public boolean shrinksToScreen() {
        return false;
    }

    /**
     * True for a dialog whose controls are shown again after it closes (its caller gives it the next view model):
     * they then wait, styled, in the next dialog's scene root, and the next open only restyles them.
     */
    public boolean reused() {
        return false;
    }

    /** Called when the window closes however it closes (Esc, Cancel, the title bar's ×). */
    public void closed() {}

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
