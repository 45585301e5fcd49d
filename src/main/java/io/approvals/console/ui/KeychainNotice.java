package io.approvals.console.ui;

import io.approvals.console.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * Shown over every screen while a keychain call waits (typically for the user to unlock the keyring in the OS
 * prompt), so a slow keychain never looks like a frozen app.
 */
final class KeychainNotice extends Label {
    KeychainNotice() {
        localize();
        setId("keychainWaiting");
        getStyleClass().add("keychain-waiting");
        setMouseTransparent(true);
        setVisible(false);
        StackPane.setMargin(this, new Insets(0, 0, 48, 0));
        StackPane.setAlignment(this, Pos.BOTTOM_CENTER);
    }

    /** In the current language (the screen under it may be built after a language change). */
    void localize() {
        setText(Messages.get("main.keychainWaiting"));
    }
}
