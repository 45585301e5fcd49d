package io.approvals.console.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures a reliability test measured, written to target/reliability/NAME.json for the report
 * (scripts/reliability-report.sh renders docs/reliability.md from them).
 */
public final class ReliabilityFigures {
    public static final Path DIR = Path.of("target", "reliability");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String name;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    public ReliabilityFigures(String name, String what) {
        this.name = name;
        figures.put("suite", name);
        figures.put("what", what);
        figures.put("mode", Slow.enabled() ? "full" : "short (CI)");
    }

    public ReliabilityFigures put(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    public ReliabilityFigures putAll(Map<String, ?> values) {
        figures.putAll(values);
        return this;
    }

    public void write() {
        writeTo(DIR);
    }

    /** Like {@link #write()}, into another directory (a step run outside the project directory). */
    public void writeTo(Path dir) {
        figures.put("finishedAt", Instant.now().toString());
        try {
            Files.createDirectories(dir);
            // the full runs keep their own files, so a later CI-length run does not overwrite them
            JSON.writeValue(
                    dir.resolve(name + (Slow.enabled() ? "-full" : "") + ".json")
                            .toFile(),
                    figures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** -Dreliability.full=true (the -Pslow profile) runs the long versions. */
    public static final class Slow {
        private Slow() {}

        public static boolean enabled() {
            return Boolean.getBoolean("reliability.full");
        }

        /** The short figure in CI, the long one with -Pslow; a system property can override either. */
        public static long pick(String property, long ci, long full) {
            String set = System.getProperty(property);
            if (set != null && !set.isBlank()) {
                return Long.parseLong(set.trim());
            }
            return enabled() ? full : ci;
        }
    }
}
