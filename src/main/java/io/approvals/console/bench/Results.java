package io.approvals.console.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.approvals.console.config.AppInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects figures and writes results.md and results.json. */
final class Results {
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final boolean quick;
    private final String startLoad = load();

    Results(boolean quick) {
        this.quick = quick;
    }

    void add(Figure f) {
        figures.add(f);
        System.out.println(line(f));
    }

    void note(String text) {
        notes.add(text);
        System.out.println("note: " + text);
    }

    List<String> notes() {
        return notes;
    }

    List<Figure> figures() {
        return figures;
    }

    static String machine() {
        long mem = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + (mem >> 30) + " GiB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    /** The CPU's name (Linux), or empty. */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown CPU";
    }

    /** The 1-minute load average: how busy the shared machine was. */
    static String load() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", l);
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder();
        md.append("Measured ")
                .append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .append(" on ")
                .append(machine())
                .append(quick ? " — **quick run** (fewer, shorter runs)" : "")
                .append("; load average ")
                .append(startLoad)
                .append(" at the start, ")
                .append(load())
                .append(" at the end")
                .append(". Median (min–max) of n runs; ratio = median / the floor's median in the same run.\n\n");
        md.append("| section | figure | median | min–max | n | floor | ratio | target | met |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append("| ")
                    .append(f.section())
                    .append(" | ")
                    .append(f.name())
                    .append(" | ")
                    .append(num(f.stats().median()))
                    .append(' ')
                    .append(f.unit())
                    .append(" | ")
                    .append(num(f.stats().min()))
                    .append('–')
                    .append(num(f.stats().max()))
                    .append(" | ")
                    .append(f.stats().n())
                    .append(" | ")
                    .append(f.floorMedian() == null ? "" : num(f.floorMedian()) + " " + f.unit())
                    .append(" | ")
                    .append(f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f×", f.ratio()))
                    .append(" | ")
                    .append(f.target() == null ? "" : f.target())
                    .append(" | ")
                    .append(f.met() == null ? "" : f.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        Files.writeString(dir.resolve("results.md"), md.toString());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", AppInfo.version());
        json.put("machine", machine());
        json.put("quick", quick);
        json.put("figures", figures);
        json.put("notes", notes);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve("results.json").toFile(), json);
    }

    private static String line(Figure f) {
        return f.section() + " / " + f.name() + ": " + num(f.stats().median()) + " " + f.unit()
                + (f.ratio() == null ? "" : String.format(Locale.ROOT, " (%.2f× floor)", f.ratio()))
                + (f.met() == null ? "" : f.met() ? " [target met]" : " [TARGET MISSED: " + f.target() + "]");
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
