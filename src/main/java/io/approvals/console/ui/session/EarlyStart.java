package io.approvals.console.ui.session;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the app found out before its window opened, while the JavaFX toolkit started: the saved settings, the
 * connection that was current at the last exit, the opening of that connection (key from the keychain), still
 * running or done, null when there is no current connection; and when the opening has settled: the session and
 * its first page of data are there, or it failed; where the main window was last time (null: the first time).
 */
public record EarlyStart(
        UiSettings settings,
        Optional<String> current,
        CompletableFuture<ConsoleSession> opening,
        CompletableFuture<Void> settled,
        WindowState window) {

    public EarlyStart(
            UiSettings settings,
            Optional<String> current,
            CompletableFuture<ConsoleSession> opening,
            CompletableFuture<Void> settled) {
        this(settings, current, opening, settled, null);
    }

    /** Settled once the opening is done (no first page comes along with it). */
    public EarlyStart(UiSettings settings, Optional<String> current, CompletableFuture<ConsoleSession> opening) {
        this(
                settings,
                current,
                opening,
                opening == null ? CompletableFuture.completedFuture(null) : opening.handle((session, failed) -> null));
    }
}
