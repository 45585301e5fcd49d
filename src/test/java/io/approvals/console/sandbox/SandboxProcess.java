package io.approvals.console.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** `approvals-console sandbox` as a separate JVM on a data dir, as the crash tests need it. */
final class SandboxProcess implements AutoCloseable {
    final Process process;
    final URI base;
    /** The "Admin key: ..." line's key on a first start, else null. */
    final String adminKey;

    private SandboxProcess(Process process, URI base, String adminKey) {
        this.process = process;
        this.base = base;
        this.adminKey = adminKey;
    }

    static SandboxProcess start(Path data, Path log, String... extraArgs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "io.approvals.console.app.Main",
                "sandbox",
                "--port",
                "0",
                "--data",
                data.toString()));
        command.addAll(List.of(extraArgs));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String admin = null;
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("Admin key: ")) {
                admin = line.substring("Admin key: ".length()).strip();
            }
            if (line.startsWith("Sandbox listening on ")) {
                URI base = URI.create(
                        line.substring("Sandbox listening on ".length()).strip());
                // keep draining stdout so the process never blocks on a full pipe
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(Writer.nullWriter());
                    } catch (IOException e) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new SandboxProcess(p, base, admin);
            }
        }
        p.destroyForcibly();
        throw new IOException("the sandbox process ended before listening (exit " + waitQuietly(p) + ")");
    }

    private static int waitQuietly(Process p) {
        try {
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
