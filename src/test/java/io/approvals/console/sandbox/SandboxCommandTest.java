package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.ApiKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `approvals-console sandbox` as a real process: the lines it prints, SIGTERM, and a clean restart. */
class SandboxCommandTest {
    @TempDir
    Path dir;

    private Process start(Path data) throws IOException {
        return start(List.of("sandbox", "--port", "0", "--data", data.toString()), null);
    }

    private Process start(List<String> args, Path home) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), "io.approvals.console.app.Main"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        if (home != null) {
            pb.environment().put("APPROVALS_CONSOLE_HOME", home.toString());
        }
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        return pb.start();
    }

    @Test
    @Timeout(120)
    void defaultsToTheDataDirUnderApprovalsConsoleHome() throws Exception {
        Path home = dir.resolve("home");
        Process p = start(List.of("sandbox", "--seed", "3"), home);
        try {
            List<String> lines = linesUntilListening(p);
            assertThat(lines).hasSize(2);
            Path keyFile = home.resolve("data").resolve("sandbox").resolve("admin.key");
            assertThat(Files.readString(keyFile).strip()).isEqualTo(lines.get(0).substring("Admin key: ".length()));
            URI base = URI.create(lines.get(1).substring("Sandbox listening on ".length()));
            ApiKey admin = ApiKey.of(Files.readString(keyFile));
            assertThat(new SandboxHttp(base)
                            .get("/approvals/GetApprovalNotComplete", admin)
                            .json()
                            .get("items"))
                    .hasSize(3);
        } finally {
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** Lines up to and including the "listening" line. */
    private static List<String> linesUntilListening(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (line.startsWith("Sandbox listening on ")) {
                break;
            }
        }
        return lines;
    }

    @Test
    @Timeout(120)
    void printsTheAdminKeyOnceAndTheListeningLineAndStopsCleanlyOnSigterm() throws Exception {
        Path data = dir.resolve("data");
        Process first = start(data);
        List<String> lines = linesUntilListening(first);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("Admin key: apv_[0-9A-Za-z]{38}");
        assertThat(lines.get(1)).matches("Sandbox listening on http://127\\.0\\.0\\.1:[0-9]+");
        ApiKey admin = ApiKey.of(lines.get(0).substring("Admin key: ".length()));
        assertThat(Files.readString(data.resolve("admin.key")).strip()).isEqualTo(admin.reveal());
        URI base = URI.create(lines.get(1).substring("Sandbox listening on ".length()));
        SandboxHttp.Answer created =
                new SandboxHttp(base).post("/approvals/CreateApproval", admin, "{\"title\":\"made before SIGTERM\"}");
        assertThat(created.status()).isEqualTo(201);

        first.destroy(); // SIGTERM
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Process second = start(data);
        try {
            List<String> again = linesUntilListening(second);
            assertThat(again).hasSize(1);
            assertThat(again.get(0)).startsWith("Sandbox listening on http://127.0.0.1:");
            URI base2 = URI.create(again.get(0).substring("Sandbox listening on ".length()));
            String page = new SandboxHttp(base2)
                    .get("/approvals/GetApprovalNotComplete?limit=1000", admin)
                    .text();
            assertThat(page).contains("made before SIGTERM");
        } finally {
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(dir.resolve("stderr.txt"))).doesNotContain(admin.reveal());
    }
}
