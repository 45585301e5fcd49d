package io.approvals.console.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the app costs while it sits open all day: the app (main window with 40 approvals from a sandbox, automatic
 * refresh on, as a user leaves it) and the floor (the bare window) run side by side in processes of their own,
 * untouched, for the same minutes; measured from /proc between two snapshots: CPU time of all threads, context
 * switches of all threads (wake-ups), and at the end the heap after a full GC (jcmd) against the one at the start,
 * and RSS. Linux only.
 */
final class IdleBench {
    private static final String SECTION = "idle";

    private final Results results;
    private final boolean quick;

    IdleBench(Results results, boolean quick) {
        this.results = results;
        this.quick = quick;
    }

    void run(Optional<AppWorld> world) throws Exception {
        if (!Files.isDirectory(Path.of("/proc/self/task"))) {
            results.note("idle skipped: needs Linux's /proc");
            return;
        }
        Duration idle = quick ? Duration.ofSeconds(20) : Duration.ofMinutes(5);
        Duration warm = quick ? Duration.ofSeconds(15) : Duration.ofSeconds(40);
        List<Process> started = new ArrayList<>();
        Path tmp = Files.createTempDirectory("approvals-bench-idle");
        try {
            Process floor = StartupBench.start(
                    new StartupBench.Launch(
                            BareWindow.class.getName(),
                            List.of("-D" + BareWindow.STAY_OPEN + "=true"),
                            java.util.Map.of(),
                            () -> {}),
                    tmp.resolve("floor"));
            started.add(floor);
            Process app = null;
            if (world.isPresent()) {
                app = StartupBench.start(world.get().idleLaunch(), tmp.resolve("app"));
                started.add(app);
            } else {
                results.note("idle: the app needs a keychain for its key (none reachable here): floor only");
            }
            Thread.sleep(warm.toMillis()); // past start-up and the first refresh's set-up
            Snapshot f0 = Snapshot.of(floor.pid(), true);
            Snapshot a0 = app == null ? null : Snapshot.of(app.pid(), true);
            Thread.sleep(idle.toMillis());
            Snapshot f1 = Snapshot.of(floor.pid(), false);
            Snapshot a1 = app == null ? null : Snapshot.of(app.pid(), false);
            double seconds = idle.toMillis() / 1000.0;
            String over = String.format(Locale.ROOT, "%.0f s untouched", seconds);
            double floorCpu = (f1.cpuMs - f0.cpuMs) / 1000.0;
            results.add(new Figure(
                    SECTION,
                    "floor: bare window, CPU time (all threads)",
                    "s",
                    BenchCommand.single(floorCpu),
                    null,
                    "",
                    null,
                    over));
            double floorWakes = (f1.switches - f0.switches) / seconds;
            results.add(new Figure(
                    SECTION,
                    "floor: wake-ups (context switches, all threads)",
                    "/s",
                    BenchCommand.single(floorWakes),
                    null,
                    "",
                    null,
                    "voluntary + involuntary, /proc/PID/task/*/status"));
            if (a0 != null) {
                double appCpu = (a1.cpuMs - a0.cpuMs) / 1000.0;
                double share = appCpu / seconds * 100;
                results.add(new Figure(
                        SECTION,
                        "app: main window with 40 approvals, CPU time (all threads)",
                        "s",
                        BenchCommand.single(appCpu),
                        floorCpu,
                        "",
                        null,
                        over + ", auto-refresh every 60 s"));
                results.add(new Figure(
                        SECTION,
                        "app: share of one core",
                        "%",
                        BenchCommand.single(share),
                        null,
                        "<= 1 %",
                        share <= 1.0,
                        "CPU time / wall time"));
                results.add(new Figure(
                        SECTION,
                        "app: wake-ups (context switches, all threads)",
                        "/s",
                        BenchCommand.single((a1.switches - a0.switches) / seconds),
                        floorWakes,
                        "",
                        null,
                        ""));
                double growth = a1.heapAfterGcMb - a0.heapAfterGcMb;
                results.add(new Figure(
                        SECTION,
                        "app: heap after GC at the start",
                        "MB",
                        BenchCommand.single(a0.heapAfterGcMb),
                        f0.heapAfterGcMb,
                        "",
                        null,
                        "jcmd GC.run, GC.heap_info"));
                results.add(new Figure(
                        SECTION,
                        "app: heap after GC, growth over the idle time",
                        "MB",
                        BenchCommand.single(growth),
                        null,
                        "<= 1 MB",
                        growth <= 1.0,
                        String.format(
                                Locale.ROOT,
                                "%.1f → %.1f MB; floor %.1f → %.1f MB",
                                a0.heapAfterGcMb,
                                a1.heapAfterGcMb,
                                f0.heapAfterGcMb,
                                f1.heapAfterGcMb)));
                results.add(new Figure(
                        SECTION,
                        "app: RSS at the end",
                        "MB",
                        BenchCommand.single(a1.rssMb),
                        f1.rssMb,
                        "",
                        null,
                        "VmRSS"));
            }
        } finally {
            for (Process p : started) {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A process's totals at one moment. */
    private record Snapshot(double cpuMs, long switches, double heapAfterGcMb, double rssMb) {
        /** Heap after a full GC first (before the CPU count), or last (after it): the GC is not measured. */
        static Snapshot of(long pid, boolean gcFirst) throws IOException, InterruptedException {
            double heap = gcFirst ? heapAfterGc(pid) : Double.NaN;
            double cpu = ProcessHandle.of(pid)
                    .flatMap(h -> h.info().totalCpuDuration())
                    .map(d -> d.toNanos() / 1e6)
                    .orElse(Double.NaN);
            long switches = contextSwitches(pid);
            double rss = rssOf(pid);
            if (!gcFirst) {
                heap = heapAfterGc(pid);
            }
            return new Snapshot(cpu, switches, heap, rss);
        }
    }

    private static long contextSwitches(long pid) throws IOException {
        long n = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(t.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")
                                || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            n += Long.parseLong(line.replaceAll("[^0-9]", ""));
                        }
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return n;
    }

    private static double rssOf(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static final Pattern USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    /** jcmd PID GC.run, then the used heap from GC.heap_info; NaN when jcmd cannot attach. */
    static double heapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
