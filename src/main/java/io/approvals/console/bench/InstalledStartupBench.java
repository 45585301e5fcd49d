package io.approvals.console.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The installed app's start-up: the .deb unpacked as dpkg would install it (dpkg-deb -x into a directory of the
 * bench's; the start-up archive made there as postinst makes it when the package ships a class list), its
 * launcher (bin/approvals-console) → the first frame with the 40 approvals of the bench's sandbox; interleaved
 * with the installed floor: the bare window on the package's own runtime (lib/runtime/bin/java, the launcher's
 * JVM options), with an archive of its own made the same way the package's is (a dynamic AppCDS archive on a
 * JDK 17 runtime, an AOT cache on a JDK 25 one). Unpacked rather than installed: the bench never changes the
 * machine's packages, and the archive of either kind does not depend on where the files are.
 */
final class InstalledStartupBench {
    private static final String SECTION = "installed";

    private final Results results;
    private final Path work;
    private final boolean quick;

    InstalledStartupBench(Results results, Path work, boolean quick) {
        this.results = results;
        this.work = work;
        this.quick = quick;
    }

    /** The newest .deb under target/installer, if any. */
    static Optional<Path> findDeb() throws IOException {
        Path dir = Path.of("target", "installer");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".deb"))
                    .max(java.util.Comparator.comparingLong(f -> f.toFile().lastModified()));
        }
    }

    void run(Path deb, AppWorld world) throws Exception {
        int runs = quick ? 2 : 11;
        Path root = Files.createTempDirectory(work, "installed");
        exec(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), Map.of());
        Path app = root.resolve("opt/approvals-console");
        Path launcher = app.resolve("bin/approvals-console");
        Path appDir = app.resolve("lib/app");
        Path java = app.resolve("lib/runtime/bin/java");
        String runtime = exec(List.of(java.toString(), "-version"), Map.of());
        boolean aot = Files.exists(appDir.resolve("app.aot"));
        // JavaFX copies the icon font to a temporary file it deletes at exit, and a measured launch halts at its
        // first frame: in the machine's /tmp, each run left two dozen copies behind
        Path tmp = Files.createDirectory(root.resolve("tmp"));
        if (!aot && Files.exists(appDir.resolve("app.classlist"))) {
            // as postinst does it
            exec(
                    List.of(launcher.toString()),
                    Map.of(
                            "JAVA_TOOL_OPTIONS",
                            "-Xshare:dump -XX:SharedClassListFile=" + appDir.resolve("app.classlist")));
        }
        String archive = aot
                ? "AOT cache (JDK 25, shipped in the package)"
                : Files.exists(appDir.resolve("app.jsa")) ? "AppCDS archive (made as postinst makes it)" : "no archive";
        // The floor: the bare window on the package's runtime, with an archive trained on its own start-up.
        List<String> floorCmd =
                new ArrayList<>(List.of(java.toString(), "-Dprism.order=sw", "-Djava.io.tmpdir=" + tmp));
        floorCmd.addAll(LauncherOptions.read());
        Path floorArchive = root.resolve(aot ? "floor.aot" : "floor.jsa");
        List<String> train = new ArrayList<>(floorCmd);
        train.add(aot ? "-XX:AOTCacheOutput=" + floorArchive : "-XX:ArchiveClassesAtExit=" + floorArchive);
        train.addAll(List.of("-cp", appDir.resolve("approvals-console.jar").toString(), BareWindow.class.getName()));
        StartupBench.measure(new ProcessBuilder(train), "floor training run");
        waitFor(floorArchive);
        floorCmd.add(aot ? "-XX:AOTCache=" + floorArchive : "-XX:SharedArchiveFile=" + floorArchive);
        floorCmd.addAll(List.of("-cp", appDir.resolve("approvals-console.jar").toString(), BareWindow.class.getName()));

        List<Double> floor = new ArrayList<>();
        List<Double> appMs = new ArrayList<>();
        Map<String, String> env = new java.util.HashMap<>(world.environment());
        env.put("JAVA_TOOL_OPTIONS", "-Dapprovals.exitAfterFirstFrame=true -Dprism.order=sw -Djava.io.tmpdir=" + tmp);
        measureApp(launcher, env); // warms the page cache; not counted
        StartupBench.measure(new ProcessBuilder(floorCmd), "installed floor");
        for (int i = 0; i < runs; i++) {
            floor.add(StartupBench.measure(new ProcessBuilder(floorCmd), "installed floor")
                    .wallMs());
            appMs.add(measureApp(launcher, env));
        }
        String javaVersion = runtime.lines().findFirst().orElse("?");
        Stats f = Stats.of(floor);
        Stats a = Stats.of(appMs);
        results.add(new Figure(
                SECTION,
                "floor: bare window on the package's runtime, its own archive",
                "ms",
                f,
                null,
                "",
                null,
                javaVersion));
        results.add(new Figure(
                SECTION,
                "app: the .deb's launcher → main window with 40 approvals",
                "ms",
                a,
                f.median(),
                "<= 1.4 × floor",
                a.median() <= 1.4 * f.median(),
                deb.getFileName() + ", unpacked; " + archive));
    }

    private static double measureApp(Path launcher, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(launcher.toString());
        pb.environment().putAll(env);
        return StartupBench.measure(pb, "the installed launcher").wallMs();
    }

    /** AOTCacheOutput writes its cache in a process of its own after the training run exits. */
    private static void waitFor(Path archive) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.exists(archive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(500);
    }

    private static String exec(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed:\n" + out);
        }
        return out;
    }
}
