package io.approvals.console.app;

import io.approvals.console.ui.session.WindowState;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * window.properties in the config directory: the main window's last place and size. Not worth an error: a file
 * that is missing, unreadable or odd reads as none (the window opens in the middle), and a failed write is dropped.
 */
final class WindowStateFile {
    static final String NAME = "window.properties";
    private final Path file;

    WindowStateFile(Path configDir) {
        this.file = configDir.resolve(NAME);
    }

    WindowState read() {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            double x = number(p, "x");
            double y = number(p, "y");
            double w = number(p, "width");
            double h = number(p, "height");
            if (w < 1 || h < 1 || w > 100_000 || h > 100_000 || Math.abs(x) > 100_000 || Math.abs(y) > 100_000) {
                return null;
            }
            return new WindowState(x, y, w, h, Boolean.parseBoolean(p.getProperty("maximized")));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static double number(Properties p, String name) {
        double v = Double.parseDouble(p.getProperty(name, "x")); // missing: NumberFormatException, read as none
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name);
        }
        return v;
    }

    void write(WindowState s) {
        if (s == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("x", Long.toString(Math.round(s.x())));
        p.setProperty("y", Long.toString(Math.round(s.y())));
        p.setProperty("width", Long.toString(Math.round(s.width())));
        p.setProperty("height", Long.toString(Math.round(s.height())));
        p.setProperty("maximized", Boolean.toString(s.maximized()));
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), NAME, ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Approvals Console: the main window's last place and size");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the next start opens the window in the middle of the screen
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // a stray temporary file in the config directory, harmless
        }
    }
}
