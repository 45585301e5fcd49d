package io.approvals.console.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** approvals-console bench [--quick]: measures, compares with floors, writes results.md/json. */
@Command(name = "bench", mixinStandardHelpOptions = true)
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick")
    boolean quick;

    @Option(names = "--out")
    Path out = Path.of("target", "bench");

    static final List<String> SECTIONS =
            List.of("startup", "interaction", "big", "sandbox", "bulk", "idle", "installed");

    @Option(names = "--only", split = ",")
    List<String> only = SECTIONS;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--docs")
    Path docs;

    @Override
    public Integer call() throws Exception {
        // a misspelt section ran nothing and wrote empty results with exit 0
        List<String> unknown = only.stream().filter(o -> !SECTIONS.contains(o)).toList();
        if (!unknown.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "Unknown bench section " + unknown + ": --only takes " + String.join(",", SECTIONS));
        }
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("approvals-bench");
        try {
            return run(work);
        } finally {
            deleteTree(work); // sandboxes with 100,000 approvals: hundreds of MB per run
        }
    }

    private Integer run(Path work) throws Exception {
        Results results = new Results(quick);
        StyleWarnings styleWarnings = StyleWarnings.install();
        if (only.contains("startup")) {
            startup(results, work);
        }
        if (only.contains("interaction")) {
            if (hasDisplay()) {
                new InteractionBench(results, work, quick).run();
                if (System.getProperty("os.name").startsWith("Linux")
                        && "root".equals(System.getProperty("user.name"))) {
                    results.note("interaction latency measured as root: libX11 keeps no Compose cache for root (the"
                            + " installed launcher gives every other user one), so each new dialog whose text field"
                            + " takes focus parses the Compose table again in JavaFX 21's X input method, about 10 ms"
                            + " of each dialog figure here; docs/performance-notes.md, session 20");
                }
            } else {
                results.note("interaction latency skipped: no display (run under xvfb-run -a, or scripts/bench.sh)");
            }
        }
        if (only.contains("big")) {
            if (hasDisplay()) {
                new BigQueueBench(results, work, quick).run();
            } else {
                results.note("100,000 approvals skipped: no display (run under xvfb-run -a, or scripts/bench.sh)");
            }
        }
        if (only.contains("sandbox")) {
            sandbox(results, work);
        }
        if (only.contains("bulk")) {
            if (hasDisplay()) {
                new BulkBench(results, work, quick).run();
            } else {
                results.note("bulk approve skipped: no display (run under xvfb-run -a, or scripts/bench.sh)");
            }
        }
        if (only.contains("idle")) {
            idle(results, work);
        }
        if (only.contains("installed")) {
            installed(results, work);
        }
        styleWarnings.report(results);
        results.write(out);
        System.out.println("Wrote " + out.resolve("results.md") + " and results.json");
        if (docs != null) {
            PerformancePage.write(out.resolve("results.md"), docs);
            System.out.println("Wrote " + docs);
        }
        return 0;
    }

    private void startup(Results results, Path work) throws Exception {
        if (!hasDisplay()) {
            results.note("start-up skipped: no display (run under xvfb-run -a, or scripts/bench.sh)");
            return;
        }
        int runs = quick ? 2 : 7;
        StartupBench.Launch floor = new StartupBench.Launch(BareWindow.class.getName());
        Path floorArchive = StartupBench.train(floor, work.resolve("floor.jsa"));
        Optional<AppWorld> world = AppWorld.create(work);
        if (world.isEmpty()) {
            results.note("start-up of the app skipped: it needs a keychain for its key (none reachable here): "
                    + "run scripts/bench.sh");
        }
        try {
            StartupBench.Launch app = world.map(AppWorld::launch).orElse(null);
            Path appArchive = app == null ? null : StartupBench.train(app, work.resolve("app.jsa"));
            if (app != null && appArchive == null) {
                results.note("the app's AppCDS training run wrote no archive: the app is measured without one");
            }
            // Interleaved run by run, so that the machine's noise hits floor and app alike.
            List<StartupBench.Sample> f = new ArrayList<>();
            List<StartupBench.Sample> fc = new ArrayList<>();
            List<StartupBench.Sample> a = new ArrayList<>();
            List<StartupBench.Sample> ac = new ArrayList<>();
            StartupBench.once(floor, null); // warms the page cache; not counted
            for (int i = 0; i < runs; i++) {
                f.add(StartupBench.once(floor, null));
                fc.add(StartupBench.once(floor, floorArchive));
                if (app != null) {
                    a.add(StartupBench.once(app, null));
                    if (appArchive != null) {
                        ac.add(StartupBench.once(app, appArchive));
                    }
                }
            }
            Stats floorStats = wall(f);
            Stats floorCds = wall(fc);
            results.add(new Figure(
                    "start-up",
                    "floor: bare window, 3×20 TableView, no archive",
                    "ms",
                    floorStats,
                    null,
                    "",
                    null,
                    "launch → first frame"));
            results.add(
                    new Figure("start-up", "floor: bare window, AppCDS archive", "ms", floorCds, null, "", null, ""));
            if (!a.isEmpty()) {
                Stats appStats = wall(a);
                results.add(new Figure(
                        "start-up",
                        "app: main window with 40 approvals, no archive",
                        "ms",
                        appStats,
                        floorStats.median(),
                        "<= 1.2 × floor",
                        appStats.median() <= 1.2 * floorStats.median(),
                        "launch → first frame with the table's rows (StartupProbe)"));
            }
            if (!ac.isEmpty()) {
                Stats appCds = wall(ac);
                // The issue: "≤ 1.2 × the floor (with the archive: ≤ 1 s absolute when the floor is ≤ 0.8 s)". Read
                // as both, the 1 s clause could never decide anything (1.2 × a floor ≤ 0.8 s is < 1 s), so it is
                // the bound with the archive on a machine that fast, and the ratio the bound on a slower one.
                boolean fastFloor = floorCds.median() <= 800;
                boolean met = fastFloor ? appCds.median() <= 1000 : appCds.median() <= 1.2 * floorCds.median();
                results.add(new Figure(
                        "start-up",
                        "app: main window with 40 approvals, AppCDS archive",
                        "ms",
                        appCds,
                        floorCds.median(),
                        "<= 1000 ms when the floor is <= 800 ms, else <= 1.2 × floor",
                        met,
                        "archive trained on the app's own start-up"
                                + (fastFloor ? "" : "; floor > 800 ms, so the ratio is the bound")));
            }
            // Why the app is slower than the floor: the work it does, on a machine with 2 cores.
            addCpu(results, "no archive", cpu(f), cpu(a));
            addCpu(results, "AppCDS archive", cpu(fc), cpu(ac));
        } finally {
            if (world.isPresent()) {
                world.get().close();
            }
        }
    }

    private void installed(Results results, Path work) throws Exception {
        Optional<Path> deb = InstalledStartupBench.findDeb();
        if (deb.isEmpty() || !hasDisplay()) {
            results.note("installed start-up skipped: "
                    + (deb.isEmpty()
                            ? "no .deb in target/installer (packaging/build-linux.sh builds one)"
                            : "no display"));
            return;
        }
        Optional<AppWorld> world = AppWorld.create(work);
        if (world.isEmpty()) {
            results.note("installed start-up skipped: the app needs a keychain for its key (run scripts/bench.sh)");
            return;
        }
        try {
            new InstalledStartupBench(results, work, quick).run(deb.get(), world.get());
        } finally {
            world.get().close();
        }
    }

    private void idle(Results results, Path work) throws Exception {
        if (!hasDisplay()) {
            results.note("idle skipped: no display (run under xvfb-run -a, or scripts/bench.sh)");
            return;
        }
        Optional<AppWorld> world = AppWorld.create(work);
        try {
            new IdleBench(results, quick).run(world);
        } finally {
            if (world.isPresent()) {
                world.get().close();
            }
        }
    }

    private static void addCpu(Results results, String variant, Stats floor, Stats app) {
        if (floor == null) {
            return;
        }
        results.add(new Figure(
                "start-up",
                "floor: CPU time to first frame, " + variant,
                "ms",
                floor,
                null,
                "",
                null,
                "all threads (JIT and GC included)"));
        if (app != null) {
            results.add(new Figure(
                    "start-up", "app: CPU time to first frame, " + variant, "ms", app, floor.median(), "", null, ""));
        }
    }

    private static Stats wall(List<StartupBench.Sample> samples) {
        return Stats.of(samples.stream().map(StartupBench.Sample::wallMs).toList());
    }

    /** Null when the OS did not tell the CPU time of a launch. */
    private static Stats cpu(List<StartupBench.Sample> samples) {
        List<Double> cpu = samples.stream()
                .map(StartupBench.Sample::cpuMs)
                .filter(ms -> ms >= 0)
                .toList();
        return cpu.isEmpty() ? null : Stats.of(cpu);
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    static boolean hasDisplay() {
        return System.getenv("DISPLAY") != null || "Monocle".equals(System.getProperty("glass.platform"));
    }

    private void sandbox(Results results, Path work) throws Exception {
        Duration d = quick ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
        SandboxThroughput.Result r = SandboxThroughput.measure(work, d);
        double floorRps = r.floor().requestsPerSecond();
        results.add(new Figure(
                "sandbox",
                "floor: bare HttpServer, fixed 50-item JSON",
                "req/s",
                single(floorRps),
                null,
                "",
                null,
                ""));
        boolean rpsMet = r.sandbox().requestsPerSecond() >= 0.5 * floorRps;
        results.add(new Figure(
                "sandbox",
                "GetApprovalNotComplete?limit=50, 16 clients",
                "req/s",
                single(r.sandbox().requestsPerSecond()),
                floorRps,
                ">= 0.5 x floor",
                rpsMet,
                r.sandbox().requests() + " requests, " + r.sandbox().failures() + " failures"));
        results.add(new Figure(
                "sandbox",
                "latency p50",
                "ms",
                single(r.sandbox().latencyMs().median()),
                r.floor().latencyMs().median(),
                "",
                null,
                ""));
        results.add(new Figure(
                "sandbox",
                "latency p99",
                "ms",
                single(r.sandbox().latencyMs().p99()),
                r.floor().latencyMs().p99(),
                "<= 20 ms",
                r.sandbox().latencyMs().p99() <= 20,
                ""));
        results.add(new Figure(
                "sandbox",
                "key verification per request",
                "µs",
                single(r.authNanos() / 1000.0),
                null,
                "<= 5 µs",
                r.authNanos() <= 5000,
                "format + checksum + SHA-256 + registry lookup"));
    }

    static Stats single(double v) {
        return new Stats(v, v, v, v, v, 1);
    }
}
