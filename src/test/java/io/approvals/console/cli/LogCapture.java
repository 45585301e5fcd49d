package io.approvals.console.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records every java.util.logging record (ours, and the D-Bus/Secret Service libraries' via SLF4J) at
 * every level while a test runs, so the test can prove a secret reached no log line.
 */
final class LogCapture implements AutoCloseable {
    private static final List<String> LOGGERS =
            List.of("", "io.approvals", "org.freedesktop", "de.swiesend", "com.github", "jdk.internal.httpclient");
    private final Map<Logger, Level> before = new HashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (lines) {
                lines.add(formatter.format(r));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private final List<Logger> held = new ArrayList<>();

    LogCapture() {
        handler.setLevel(Level.ALL);
        for (String name : LOGGERS) {
            Logger l = Logger.getLogger(name);
            held.add(l);
            before.put(l, l.getLevel());
            l.setLevel(Level.ALL);
        }
        Logger.getLogger("").addHandler(handler);
    }

    String text() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
        before.forEach(Logger::setLevel);
    }
}
