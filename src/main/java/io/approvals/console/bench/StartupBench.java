package io.approvals.console.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Launches a fresh JVM that prints FIRST_FRAME_EPOCH_MS=n (the wall clock) at its first frame and exits, the same
 * way for the floor and for the app; optionally with an AppCDS archive made by a training run. Time is measured from
 * just before the launch, on this JVM's clock: the process start time the JDK reports on Linux
 * ({@code ProcessHandle.Info.startInstant}) is derived from the boot time in whole seconds, so it is off by a
 * constant of up to a second (645 ms on the machine where this was found), which inflated both times and
 * flattered their ratio.
 */
final class StartupBench {
    private StartupBench() {}

    private static final String FIRST_FRAME_EPOCH = "FIRST_FRAME_EPOCH_MS=";
    private static final String FIRST_FRAME_CPU = "FIRST_FRAME_CPU_MS=";

    /** Extra options for every launch, floor and app alike (separated by commas or spaces): for trying JVM flags. */
    static final String EXTRA_OPTIONS = "approvals.bench.launchOptions";

    /**
     * Java options every measured launch gets, floor and app alike: software rendering, the installed launcher's
     * options, and those given in {@value #EXTRA_OPTIONS}.
     */
    private static final List<String> COMMON = common();

    private static List<String> common() {
        List<String> opts = new ArrayList<>(List.of("-Dprism.order=sw", "-Xshare:auto"));
        opts.addAll(LauncherOptions.read());
        String extra = System.getProperty(EXTRA_OPTIONS, "").trim();
        if (!extra.isEmpty()) {
            opts.addAll(List.of(extra.split("[,\\s]+")));
        }
        return List.copyOf(opts);
    }

    /** The options of one launch of l: the common ones, then its own. */
    private static List<String> optionsFor(Launch l) {
        List<String> opts = new ArrayList<>(COMMON);
        opts.addAll(l.jvmOptions());
        return opts;
    }

    /** What to launch: a main class, its JVM options and environment, and what to do before each launch. */
    record Launch(String mainClass, List<String> jvmOptions, Map<String, String> env, Runnable beforeEach) {
        Launch(String mainClass) {
            this(mainClass, List.of(), Map.of(), () -> {});
        }
    }

    /** One launch: ms from just before it to the first frame, and the CPU time the process had used by then. */
    record Sample(double wallMs, double cpuMs) {}

    /** One measured launch; with the archive when not null. */
    static Sample once(Launch l, Path archive) throws IOException, InterruptedException {
        List<String> opts = optionsFor(l);
        if (archive != null) {
            opts.add("-XX:SharedArchiveFile=" + archive);
        }
        l.beforeEach().run();
        return launch(l.mainClass(), opts, List.of(), l.env());
    }

    /** A training run that writes a dynamic AppCDS archive of the classes loaded up to the first frame. */
    static Path train(Launch l, Path archive) throws IOException, InterruptedException {
        Files.deleteIfExists(archive);
        List<String> opts = optionsFor(l);
        opts.add("-XX:ArchiveClassesAtExit=" + archive);
        l.beforeEach().run();
        launch(l.mainClass(), opts, List.of(), l.env());
        return Files.exists(archive) ? archive : null;
    }

    /**
     * Starts l as a measured launch would start it, without waiting for anything (its output is dropped), with tmp
     * as its temporary directory: for processes that stay open (the idle section).
     */
    static Process start(Launch l, Path tmp) throws IOException {
        Files.createDirectories(tmp);
        l.beforeEach().run();
        ProcessBuilder pb = new ProcessBuilder(command(l.mainClass(), optionsFor(l), List.of(), tmp))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(l.env());
        return pb.start();
    }

    private static List<String> command(String mainClass, List<String> opts, List<String> args, Path tmp) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(opts);
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.add("-cp");
        cmd.add(
                System.getProperty("java.class.path").contains(File.pathSeparator)
                        ? System.getProperty("java.class.path")
                        : classPathOfJar());
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    private static Sample launch(String mainClass, List<String> opts, List<String> args, Map<String, String> env)
            throws IOException, InterruptedException {
        // A temporary directory of the launch's own: JavaFX copies the icon font to a temp file it deletes at exit,
        // and a measured launch halts at its first frame, so thousands of launches left thousands of copies.
        Path tmp = Files.createTempDirectory("approvals-bench-launch");
        try {
            return launch(mainClass, opts, args, env, tmp);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temp file is not worth failing a benchmark for
        }
    }

    private static Sample launch(
            String mainClass, List<String> opts, List<String> args, Map<String, String> env, Path tmp)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(mainClass, opts, args, tmp)).redirectErrorStream(true);
        pb.environment().putAll(env);
        return measure(pb, mainClass);
    }

    /** Starts pb (a process that prints FIRST_FRAME_EPOCH_MS= at its first frame) and times it from just before. */
    static Sample measure(ProcessBuilder pb, String what) throws IOException, InterruptedException {
        pb.redirectErrorStream(true);
        long launched = System.currentTimeMillis();
        Process p = pb.start();
        Long ms = null;
        long cpu = -1;
        StringBuilder tail = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(FIRST_FRAME_EPOCH)) {
                    ms = Long.parseLong(
                                    line.substring(FIRST_FRAME_EPOCH.length()).trim())
                            - launched;
                } else if (line.startsWith(FIRST_FRAME_CPU)) {
                    cpu = Long.parseLong(
                            line.substring(FIRST_FRAME_CPU.length()).trim());
                } else if (tail.length() < 4000) {
                    tail.append(line).append('\n');
                }
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (ms == null) {
            throw new IOException(what + " did not report a first frame:\n" + tail);
        }
        return new Sample(ms, cpu);
    }

    /** java -jar puts only the jar on java.class.path; its manifest names the rest. */
    private static String classPathOfJar() {
        Path jar = Path.of(System.getProperty("java.class.path")).toAbsolutePath();
        Path lib = jar.getParent().resolve("lib");
        StringBuilder cp = new StringBuilder(jar.toString());
        try (var files = Files.list(lib)) {
            files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(f -> cp.append(File.pathSeparator)
                    .append(f));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + lib, e);
        }
        return cp.toString();
    }
}
