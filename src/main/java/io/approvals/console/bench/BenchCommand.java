package io.approvals.console.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** approvals-console bench [--quick]: measures, compares with floors, writes results.md/json. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure start-up, big queues, sandbox throughput and bulk decisions against floors "
                + "measured in the same run; writes results.md and results.json.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Fewer and shorter runs: proves the benchmark works, not the numbers.")
    boolean quick;

    @Option(names = "--out", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "bench");

    @Option(names = "--only", split = ",", description = "Sections to run: startup, big, sandbox, bulk (default: all).")
    List<String> only = List.of("startup", "big", "sandbox", "bulk");

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("approvals-bench");
        Results results = new Results(quick);
        if (only.contains("startup")) {
            startup(results, work);
        }
        if (only.contains("sandbox")) {
            sandbox(results, work);
        }
        results.write(out);
        System.out.println("Wrote " + out.resolve("results.md") + " and results.json");
        return 0;
    }

    private void startup(Results results, Path work) throws Exception {
        if (System.getenv("DISPLAY") == null && !"Monocle".equals(System.getProperty("glass.platform"))) {
            results.note("start-up skipped: no display (run under xvfb-run -a)");
            return;
        }
        int runs = quick ? 2 : 7;
        String floorMain = BareWindow.class.getName();
        Stats floor = Stats.of(StartupBench.measure(floorMain, List.of(), Map.of(), null, runs));
        results.add(new Figure("start-up", "bare window (floor), no archive", "ms", floor, null, "", null, ""));
        Path floorArchive = StartupBench.train(floorMain, List.of(), Map.of(), work.resolve("floor.jsa"));
        Stats floorCds = Stats.of(StartupBench.measure(floorMain, List.of(), Map.of(), floorArchive, runs));
        results.add(new Figure("start-up", "bare window (floor), AppCDS", "ms", floorCds, null, "", null, ""));
    }

    private void sandbox(Results results, Path work) throws Exception {
        Duration d = quick ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
        SandboxThroughput.Result r = SandboxThroughput.measure(work, d);
        double floorRps = r.floor().requestsPerSecond();
        results.add(new Figure("sandbox", "floor: bare HttpServer, fixed 50-item JSON", "req/s",
                single(floorRps), null, "", null, ""));
        boolean rpsMet = r.sandbox().requestsPerSecond() >= 0.5 * floorRps;
        results.add(new Figure("sandbox", "GetApprovalNotComplete?limit=50, 16 clients", "req/s",
                single(r.sandbox().requestsPerSecond()), floorRps, ">= 0.5 x floor", rpsMet,
                r.sandbox().requests() + " requests, " + r.sandbox().failures() + " failures"));
        results.add(new Figure("sandbox", "latency p50", "ms", single(r.sandbox().latencyMs().median()),
                r.floor().latencyMs().median(), "", null, ""));
        results.add(new Figure("sandbox", "latency p99", "ms", single(r.sandbox().latencyMs().p99()),
                r.floor().latencyMs().p99(), "<= 20 ms", r.sandbox().latencyMs().p99() <= 20, ""));
        results.add(new Figure("sandbox", "key verification per request", "µs", single(r.authNanos() / 1000.0),
                null, "<= 5 µs", r.authNanos() <= 5000, "format + checksum + SHA-256 + registry lookup"));
    }

    static Stats single(double v) {
        return new Stats(v, v, v, v, v, 1);
    }
}
