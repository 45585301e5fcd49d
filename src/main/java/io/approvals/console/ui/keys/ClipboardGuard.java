package io.approvals.console.ui.keys;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.ui.common.Messages;
import java.time.Duration;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Copies a key to the clipboard and takes it off again: after 30 seconds, when the app quits, and when
 * the key has been declared compromised, each time only if the clipboard still holds that key (something
 * the user copied since is left alone). One per app, so every window's copies are cleared on quit.
 * Call on the UI thread. status says what happened, for the window to show.
 */
public final class ClipboardGuard {
    public static final Duration CLEAR_AFTER = Duration.ofSeconds(30);

    private final SecretClipboard clipboard;
    private final Timers timers;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper holding =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "holding");
    private ApiKey copied;
    private Timers.Cancellable pending;

    public ClipboardGuard(SecretClipboard clipboard, Timers timers) {
        this.clipboard = clipboard;
        this.timers = timers;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True from a copy until the clipboard is cleared (or found to hold something else). */
    public javafx.beans.property.ReadOnlyBooleanProperty holdingProperty() {
        return holding.getReadOnlyProperty();
    }

    /** "Clear now": takes the copied key off the clipboard at once (if it is still there). */
    public void clearNow() {
        cancelTimer();
        clearIfStillHeld(Messages.get("clipboard.cleared"));
    }

    public void copy(ApiKey key) {
        cancelTimer();
        clipboard.putSecret(key);
        copied = key;
        holding.set(false);
        holding.set(true);
        status.set(Messages.format("clipboard.copied", key.masked(), CLEAR_AFTER.toSeconds()));
        pending = timers.after(
                CLEAR_AFTER,
                () -> clearIfStillHeld(Messages.format("clipboard.clearedAfter", CLEAR_AFTER.toSeconds())));
    }

    /** When the app quits. */
    public void onQuit() {
        cancelTimer();
        clearIfStillHeld(Messages.get("clipboard.clearedQuit"));
    }

    /** After "this key is compromised": the old key must not stay on the clipboard either. */
    public void forget(ApiKey key) {
        if (copied != null && copied.matches(key)) {
            cancelTimer();
            clearIfStillHeld(Messages.get("clipboard.clearedCompromised"));
        } else if (clipboard.holds(key)) {
            clipboard.clear();
            status.set(Messages.get("clipboard.clearedCompromised"));
        }
    }

    private void clearIfStillHeld(String message) {
        if (copied == null) {
            return;
        }
        if (clipboard.holds(copied)) {
            clipboard.clear();
            status.set(message);
        } else {
            status.set(Messages.get("clipboard.leftAlone"));
        }
        copied = null;
        holding.set(false);
    }

    private void cancelTimer() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
