package io.approvals.console.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real command line in a process of its own (this test run's java and class path), sharing the test's Secret
 * Service (scripts/test.sh's private session bus is inherited) and an app home directory with the app under test.
 * With {@link #pausingAfter} the rotation stops after one step until {@link #resume()} (or {@link #kill9()}).
 */
public final class CliProcess {
    private final Path home;
    private final Path dir;
    private final String name;
    private final List<String> properties = new ArrayList<>();
    private Process process;

    public CliProcess(Path home, Path dir, String name) {
        this.home = home;
        this.dir = dir;
        this.name = name;
    }

    /** Stops the rotation after this step (prepare, regenerate, storePending, verify, promote, removePending). */
    public CliProcess pausingAfter(String step) {
        properties.add("-Dapprovals.rotation.pauseAfter=" + step);
        properties.add("-Dapprovals.rotation.pauseFile=" + pauseFile());
        return this;
    }

    /** How long a rotation waits for another one's lock before refusing. */
    public CliProcess lockWait(Duration wait) {
        properties.add("-Dapprovals.rotationLock.waitSeconds=" + wait.toSeconds());
        return this;
    }

    public CliProcess start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(properties);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.approvals.console.app.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("APPROVALS_CONSOLE_HOME", home.toString());
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.redirectOutput(dir.resolve(name + ".out").toFile());
        pb.redirectError(dir.resolve(name + ".err").toFile());
        process = pb.start();
        return this;
    }

    /** Waits until the rotation stopped at its step; false if the process ended or the time ran out first. */
    public boolean awaitPaused(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(pauseFile())) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    public void resume() throws IOException {
        Files.writeString(pauseFile().resolveSibling(pauseFile().getFileName() + ".go"), "");
    }

    /** SIGKILL: no shutdown hook, no finally block runs. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, waiting up to the timeout; -1 if still running. */
    public int exitCode(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    public String out() throws IOException {
        return read(name + ".out");
    }

    public String err() throws IOException {
        return read(name + ".err");
    }

    private String read(String file) throws IOException {
        Path p = dir.resolve(file);
        return Files.exists(p) ? Files.readString(p) : "";
    }

    private Path pauseFile() {
        return dir.resolve(name + ".paused");
    }

    /** Runs a command to its end. */
    public static CliProcess run(Path home, Path dir, String name, String... args) throws Exception {
        CliProcess p = new CliProcess(home, dir, name).start(args);
        if (p.exitCode(Duration.ofSeconds(120)) < 0) {
            p.kill9();
        }
        return p;
    }
}
