package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.config.AppPaths;
import io.approvals.console.contract.TestKeys;
import io.approvals.console.credentials.TimeoutSecretStore;
import io.approvals.console.testing.KeychainFaultFigures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command, in its own JVM, with the session bus pointing at a socket that does not exist:
 * the keychain is unreachable, so the command exits 5 with one clear line and the key is written nowhere.
 */
@EnabledOnOs(OS.LINUX)
class DeadKeychainSubprocessTest {
    @TempDir
    Path home;

    record Run(int code, String out, String err) {}

    @Test
    @Timeout(180)
    void noSessionBusMeansExit5AClearLineAndNoSecretAnywhere() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String canary = TestKeys.canaryText();

        Run add = run("", "profiles", "add", "prod", "--url", "http://127.0.0.1:" + closedPort);
        long setStart = System.nanoTime();
        Run set = run(canary + "\n", "key", "set", "--profile", "prod");
        long setMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - setStart);
        Run status = run("", "key", "status", "--profile", "prod");

        assertThat(add.code()).as(add.err()).isZero();
        assertThat(set.code()).as(set.err()).isEqualTo(ExitCodes.KEYCHAIN);
        assertThat(set.err().strip().lines().toList()).hasSize(1);
        assertThat(set.err()).startsWith("error: ").contains("Secret Service");
        assertThat(status.code()).isEqualTo(ExitCodes.KEYCHAIN);
        for (Run r : List.of(add, set, status)) {
            assertThat(r.out() + r.err())
                    .doesNotContain(canary)
                    .doesNotContain(TestKeys.CANARY_BODY)
                    .doesNotContain("SLF4J")
                    .doesNotContain("Exception");
        }
        AppPaths paths = AppPaths.under(home);
        CanaryScan.assertNoFileContains(canary, home, paths.configDir(), paths.dataDir(), paths.cacheDir());
        KeychainFaultFigures.record(
                "no-session-bus",
                "no D-Bus session bus (`key set`; the key is written nowhere, the user still has it)",
                set.err(),
                set.code(),
                true,
                setMillis);
    }

    private Run run(String stdin, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new java.util.ArrayList<>(List.of(
                java.toString(), "-cp", System.getProperty("java.class.path"), "io.approvals.console.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
        env.put(AppPaths.HOME_ENV, home.toString());
        env.put("HOME", home.resolve("user-home").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("xdg-config").toString());
        env.put("XDG_DATA_HOME", home.resolve("xdg-data").toString());
        env.put(TimeoutSecretStore.TIMEOUT_ENV, "60");
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command finished").isTrue();
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
