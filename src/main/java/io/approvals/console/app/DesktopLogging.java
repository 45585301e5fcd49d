package io.approvals.console.app;

import io.approvals.console.credentials.QuietLibraryLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Logging for the desktop app: INFO and up to a rotating file in the cache directory (what support
 * asks for), only warnings on the console, and the chatty D-Bus libraries kept to warnings. No key
 * is ever logged; tests check that with a canary.
 */
public final class DesktopLogging {
    /** Held strongly: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
    private static final Logger H2 = Logger.getLogger("org.h2");

    private DesktopLogging() {}

    /** Keeps the D-Bus libraries to warnings; cheap, so it can come before anything asks the keychain. */
    public static void quietLibraries() {
        QuietLibraryLogs.setLevel(Level.WARNING);
    }

    /**
     * Returns the log file, or null when it could not be opened (then only the console logs). Call
     * {@link #quietLibraries()} first.
     */
    public static Path configure(Path logDir) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof ConsoleHandler) {
                h.setLevel(Level.WARNING);
            }
        }
        root.setLevel(Level.INFO);
        H2.setLevel(Level.WARNING);
        try {
            Files.createDirectories(logDir);
            FileHandler handler =
                    new FileHandler(logDir.resolve("approvals-console.%g.log").toString(), 1_000_000, 3, true);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.INFO);
            root.addHandler(handler);
            return logDir.resolve("approvals-console.0.log");
        } catch (IOException | RuntimeException e) {
            Logger.getLogger(DesktopLogging.class.getName())
                    .warning("No log file in " + logDir + ": " + e.getMessage());
            return null;
        }
    }
}
