package io.approvals.console.ui.session;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.service.ConnectionService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the desktop app needs from the rest of the program: connections, keys, the sandbox and
 * settings. Blocking methods (marked) must run off the JavaFX thread. The app package wires the real
 * one; tests can wire their own.
 */
public interface ConsoleEnvironment extends AutoCloseable {

    /** Names of the configured connections. Blocking (reads a file). */
    List<String> connectionNames();

    /** The connection to open at start, if any is configured. Blocking. */
    Optional<String> currentConnection();

    /** Opens a configured connection with its stored key. Blocking (keychain). */
    ConsoleSession open(String connectionName) throws Exception;

    /**
     * Asks the server about the key of a session opened with its last verified facts ({@link
     * ConsoleSession#keyChecked()} false): a session with the new facts when they differ (scopes changed). Blocking.
     */
    default Optional<ConsoleSession> recheckKey(ConsoleSession opened) throws Exception {
        return Optional.empty();
    }

    /**
     * Looks at the keychain entry of an open session's connection (one keychain call): when another program replaced
     * or rotated the key, switches the session's client to the stored key; settles a rotation left half-done by a
     * program that died; says what needs attention. Blocking.
     */
    default KeyLook lookAtKey(ConsoleSession opened) throws Exception {
        return KeyLook.nothing();
    }

    /**
     * Looks for the server's OpenAPI document at the usual places (as {@code profiles add} does) and returns the
     * draft as it says: header name or bearer (unless keepAuth: the user chose them), field names and spellings.
     * Sends no key and stores nothing. Blocking (network). Default: nothing found.
     */
    default Discovered discover(ConnectionDraft draft, boolean keepAuth) throws Exception {
        return Discovered.nothing(draft);
    }

    /** Checks a key against a server without storing anything. Blocking (network). */
    KeyInfo verify(ConnectionDraft draft, ApiKey key) throws Exception;

    /**
     * Verifies, stores the connection and its key (in the keychain, or in memory for this session only
     * when sessionOnly) and opens it. Blocking.
     */
    ConsoleSession save(ConnectionDraft draft, ApiKey key, boolean sessionOnly) throws Exception;

    /** A connection's fields as the Settings dialog edits them (no key). Blocking (reads a file). */
    ConnectionDraft connection(String connectionName);

    /** Changes a connection's URL, authentication, header or CA certificate and opens it again. Blocking. */
    ConsoleSession updateConnection(ConnectionDraft draft) throws Exception;

    /** Replaces the key of a connection after verifying it. Blocking. */
    ConsoleSession replaceKey(String connectionName, ApiKey key) throws Exception;

    /**
     * The flows behind a connection's key (the key and admin windows): the service that holds its key,
     * in the keychain or for this session only. Not blocking.
     */
    ConnectionService keyService(String connectionName);

    /** Where the main window was when the app last closed; null the first time. Blocking (reads a file). */
    default WindowState windowState() {
        return null;
    }

    /** Keeps where the main window is, for the next start. Blocking (writes a file). */
    default void saveWindowState(WindowState state) {}

    /** Starts (or reuses) the bundled sandbox and opens a "sandbox" connection to it. Blocking. */
    ConsoleSession startSandbox() throws Exception;

    /** Desktop notifications (new approvals while the window is away). Default: none. */
    default io.approvals.console.notify.DesktopNotifier notifier() {
        return io.approvals.console.notify.DesktopNotifier.NONE;
    }

    /** Where the read-only cache of the last list lives. */
    Path cacheDir();

    UiSettings settings();

    void saveSettings(UiSettings settings);

    /** Stops the sandbox if this app started it. */
    @Override
    void close();
}
