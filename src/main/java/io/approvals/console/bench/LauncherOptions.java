package io.approvals.console.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The installed launchers' JVM options (resource {@value #RESOURCE}, also read by the packaging scripts). */
final class LauncherOptions {
    static final String RESOURCE = "/io/approvals/console/launcher.options";

    private LauncherOptions() {}

    static List<String> read() {
        try (InputStream in = LauncherOptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
