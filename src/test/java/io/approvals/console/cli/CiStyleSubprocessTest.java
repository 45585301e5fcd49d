package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.config.AppPaths;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Json;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CI runner: the real command in its own JVM with APPROVALS_URL and APPROVALS_API_KEY, no profile, and no D-Bus
 * session at all (DBUS_SESSION_BUS_ADDRESS unset, an empty home). It lists, approves one, and approves the rest
 * from a pipe; nothing is written anywhere and the key is printed nowhere.
 */
@EnabledOnOs(OS.LINUX)
class CiStyleSubprocessTest {
    @TempDir
    Path home;

    @TempDir
    Path sandboxDir;

    record Run(int code, String out, String err) {}

    @Test
    @Timeout(300)
    void listsAndApprovesWithTheEnvironmentOnly() throws Exception {
        try (Sandbox sandbox = Sandbox.start(new SandboxConfig(sandboxDir, 0, 3))) {
            ApiKey key = sandbox.issueKeyForTests("ci", "ci@example.com", Set.of("read", "write"), null);
            Map<String, String> env =
                    Map.of("APPROVALS_URL", sandbox.baseUri().toString(), "APPROVALS_API_KEY", key.reveal());

            Run list = run(env, "", "approvals", "list", "--json");
            assertThat(list.code()).as(list.err()).isZero();
            JsonNode items = Json.strict().readTree(list.out());
            assertThat(items).hasSize(3);
            String first = items.get(0).get("id").asText();

            Run approve = run(env, "", "approvals", "approve", first, "--comment", "from CI");
            assertThat(approve.code()).as(approve.err()).isZero();
            assertThat(approve.out()).contains("Approved " + first, "decidedBy:   ci@example.com");

            Run rest = run(
                    env,
                    run(env, "", "approvals", "list", "--json").out(),
                    "approvals",
                    "approve",
                    "--ids-from",
                    "-",
                    "--comment",
                    "bulk from CI");
            assertThat(rest.code()).as(rest.err()).isZero();
            assertThat(rest.out().lines()).hasSize(2).allSatisfy(l -> assertThat(l)
                    .contains("  approved  "));

            Run empty = run(env, "", "approvals", "list");
            assertThat(empty.err()).contains("No pending approvals.");

            for (Run r : List.of(list, approve, rest, empty)) {
                assertThat(r.out() + r.err()).doesNotContain(key.reveal()).doesNotContain("Exception");
            }
            CanaryScan.assertNoFileContains(key.reveal(), home);
            AppPaths paths = AppPaths.under(home.resolve("app"));
            assertThat(paths.configDir()).as("no profile file").doesNotExist();
            try (Stream<Path> files = Files.walk(home)) {
                assertThat(files.filter(Files::isRegularFile).toList())
                        .as("nothing written at all")
                        .isEmpty();
            }
        }
    }

    private Run run(Map<String, String> vars, String stdin, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(
                java.toString(), "-cp", System.getProperty("java.class.path"), "io.approvals.console.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.remove("DBUS_SESSION_BUS_ADDRESS");
        env.remove("APPROVALS_PROFILE");
        env.put(AppPaths.HOME_ENV, home.resolve("app").toString());
        env.put("HOME", home.resolve("user-home").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("xdg-config").toString());
        env.put("XDG_DATA_HOME", home.resolve("xdg-data").toString());
        env.put("XDG_RUNTIME_DIR", home.resolve("xdg-runtime").toString());
        env.putAll(vars);
        Path scratch = Files.createTempDirectory("ci-run");
        Path out = scratch.resolve("out.txt");
        Path err = scratch.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command finished").isTrue();
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        Files.delete(scratch);
        return r;
    }
}
