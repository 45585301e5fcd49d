package io.approvals.console.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Captures every log record (all levels) and what goes to System.err, as text. */
public final class LogCapture implements AutoCloseable {
    private final StringBuilder text = new StringBuilder();
    private final Logger root = Logger.getLogger("");
    private final Level oldLevel = root.getLevel();
    private final PrintStream oldErr = System.err;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Handler handler = new Handler() {
        private final SimpleFormatter f = new SimpleFormatter();

        @Override
        public synchronized void publish(LogRecord r) {
            text.append(f.format(r));
            if (r.getThrown() != null) {
                text.append(r.getThrown());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    public LogCapture() {
        handler.setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        root.addHandler(handler);
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    public synchronized String text() {
        return text + err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        root.setLevel(oldLevel);
        System.setErr(oldErr);
    }
}
