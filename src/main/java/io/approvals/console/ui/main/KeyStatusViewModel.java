package io.approvals.console.ui.main;

import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.KeyInfo;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The main window's view of its key: the status bar's key text, what last happened to the key ("Key replaced from
 * another program, fingerprint 4b3c…"), and what needs attention until resolved (the key banner). Never the key.
 * Called on the UI thread.
 */
public final class KeyStatusViewModel {
    private final ReadOnlyStringWrapper keyText = new ReadOnlyStringWrapper(this, "keyText", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyObjectWrapper<KeyAttentionBanner> attention = new ReadOnlyObjectWrapper<>(this, "attention");

    KeyStatusViewModel(ConsoleSession session) {
        show(session);
    }

    void show(ConsoleSession s) {
        KeyInfo k = s.key();
        String scopes = !k.scopesKnown()
                ? Messages.get("status.scopesUnknown")
                : k.scopes().isEmpty() ? Messages.get("status.noScopes") : String.join(", ", k.scopes());
        keyText.set(Messages.format(
                "status.key",
                k.masked(),
                scopes,
                k.owner() == null ? 0 : 1,
                k.owner() == null ? "" : k.owner(),
                backendText(s.backendName())));
    }

    /** Where the key lives: a keychain's own name ("Secret Service"), or "this session only" in the user's words. */
    private static String backendText(String backend) {
        return io.approvals.console.credentials.SessionOnlyStore.BACKEND.equals(backend)
                ? Messages.get("status.sessionOnly")
                : backend;
    }

    /** Says what happened to the key, in the status bar, until the next such news. */
    public void setNotice(String text) {
        notice.set(text == null ? "" : text);
    }

    /** What needs attention (null: nothing); the banner stays until this is set to null. */
    public void setAttention(KeyAttentionBanner a) {
        attention.set(a);
    }

    public ReadOnlyStringProperty keyTextProperty() {
        return keyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KeyAttentionBanner> attentionProperty() {
        return attention.getReadOnlyProperty();
    }
}
