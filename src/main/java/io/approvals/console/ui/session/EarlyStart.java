package io.approvals.console.ui.session;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the app found out before its window opened, while the JavaFX toolkit started: the saved settings, the
 * connection that was current at the last exit, and the opening of that connection (key from the keychain, first
 * page of data), still running or done; null when there is no current connection.
 */
public record EarlyStart(UiSettings settings, Optional<String> current, CompletableFuture<ConsoleSession> opening) {
}
