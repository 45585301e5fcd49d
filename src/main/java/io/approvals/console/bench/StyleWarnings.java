package io.approvals.console.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the warnings JavaFX's CSS code logs in the bench JVM (a style that could not be resolved is work done for
 * nothing, or a control drawn without its theme), and keeps where the first came from: the call path of the
 * thread that logged it, which is what a late restyle of a closed window needs to be found.
 */
final class StyleWarnings extends Handler {
    private final AtomicInteger count = new AtomicInteger();
    private volatile String first;

    static StyleWarnings install() {
        StyleWarnings w = new StyleWarnings();
        Logger.getLogger("").addHandler(w);
        return w;
    }

    @Override
    public void publish(LogRecord r) {
        if (r.getLevel().intValue() < Level.WARNING.intValue() || !isCss(r)) {
            return;
        }
        if (count.getAndIncrement() == 0) {
            StringWriter path = new StringWriter();
            new Throwable("logged here").printStackTrace(new PrintWriter(path));
            first = r.getMessage() + "\n" + path;
            System.err.println("bench: first JavaFX style warning, " + first);
        }
    }

    private static boolean isCss(LogRecord r) {
        String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
        String source = r.getSourceClassName() == null ? "" : r.getSourceClassName();
        return logger.startsWith("javafx.css") || source.startsWith("javafx.scene.CssStyleHelper");
    }

    /** Adds a note to the results when any was logged. */
    void report(Results results) {
        int n = count.get();
        if (n == 0) {
            return;
        }
        String where = first.lines()
                .filter(l -> l.contains("io.approvals.console"))
                .filter(l -> !l.contains("bench.StyleWarnings."))
                .map(String::strip)
                .findFirst()
                .orElse("no frame of the app's or the bench's code (whole path on stderr)");
        results.note(n + " JavaFX style warnings in the bench JVM; the first: "
                + first.lines().findFirst().orElse("") + "; logged " + where);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
