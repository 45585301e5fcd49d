package io.approvals.console.credentials;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The D-Bus and Secret Service libraries under java-keyring log through SLF4J into java.util.logging,
 * whose console handler writes INFO lines to stderr ("Using transport ... to connect to ..."). A headless
 * command promises one clear line on stderr per failure, so for the CLI those loggers are turned off;
 * everything a user needs is in our own messages.
 */
public final class QuietLibraryLogs {
    /** Held strongly: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final List<Logger> QUIETED = List.of(
            Logger.getLogger("org.freedesktop"),
            Logger.getLogger("de.swiesend"),
            Logger.getLogger("com.github.javakeyring"),
            Logger.getLogger("com.github.hypfvieh"),
            Logger.getLogger("pt.davidafsilva"));

    private QuietLibraryLogs() {}

    public static void apply() {
        setLevel(Level.OFF);
    }

    /** The desktop app keeps their warnings (it has a log file); the CLI turns them off. */
    public static void setLevel(Level level) {
        QUIETED.forEach(l -> l.setLevel(level));
    }
}
