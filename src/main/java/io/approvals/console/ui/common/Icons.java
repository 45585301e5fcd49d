package io.approvals.console.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons, and icon buttons that always carry accessible text and a tooltip. */
public final class Icons {
    private Icons() {}

    public static FontIcon of(Feather icon) {
        FontIcon f = new FontIcon(icon);
        f.getStyleClass().add("icon");
        return f;
    }

    /** A button with an icon and a text label. */
    public static Button button(String text, Feather icon) {
        Button b = new Button(text, of(icon));
        b.setAccessibleText(text.replace("_", "").replace("\u2026", ""));
        b.setMnemonicParsing(true);
        return b;
    }

    /** An icon-only button: accessibleText and tooltip say what it does. */
    public static Button iconButton(Feather icon, String what) {
        Button b = new Button(null, of(icon));
        decorate(b, what);
        b.getStyleClass().addAll("button-icon", "flat");
        return b;
    }

    public static void decorate(ButtonBase b, String what) {
        b.setAccessibleText(what);
        Tooltips.install(b, what);
    }
}
