package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.approvals.console.config.AppPaths;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.credentials.OsKeychainStore;
import io.approvals.console.credentials.TimeoutSecretStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * key set on a real terminal (a pseudo-terminal from util-linux's script): the prompt appears, the key
 * typed after it is not echoed, and the command goes on to verify and store it.
 */
@EnabledOnOs(OS.LINUX)
class TerminalKeyEntryTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void theKeyTypedOnATerminalIsNotEchoed() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs util-linux script for a pseudo-terminal");
        String profile = "tty-" + UUID.randomUUID().toString().substring(0, 8);
        try (Sandbox sandbox = Sandbox.start(new SandboxConfig(dir.resolve("sandbox"), 0, 1))) {
            ApiKey key = sandbox.issueKeyForTests("tty", "tty@example.com", Set.of("read"), null);
            Path home = dir.resolve("home");
            new ConnectionStore(AppPaths.under(home)).put(Connection.of(profile, sandbox.baseUri()));

            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String command = "'" + java + "' -cp '" + System.getProperty("java.class.path")
                    + "' io.approvals.console.app.Main key set --profile " + profile;
            ProcessBuilder pb =
                    new ProcessBuilder("/usr/bin/script", "-qfec", command, "/dev/null").redirectErrorStream(true);
            pb.environment().put(AppPaths.HOME_ENV, home.toString());
            pb.environment().put(TimeoutSecretStore.TIMEOUT_ENV, "60");
            Process p = pb.start();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(p.getInputStream(), seen), "tty-reader");
            reader.setDaemon(true);
            reader.start();

            while (!text(seen).contains("input hidden") && p.isAlive()) {
                Thread.sleep(50); // the key may only be typed once echo is off, as a person would
            }
            OutputStream typing = p.getOutputStream();
            typing.write((key.reveal() + "\r").getBytes(StandardCharsets.US_ASCII));
            typing.flush();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            String transcript = text(seen);

            assertThat(transcript).contains("API key for profile '" + profile + "' (input hidden)");
            assertThat(transcript)
                    .doesNotContain(key.reveal())
                    .doesNotContain(key.reveal().substring(4, 20));
            boolean keychain = new TimeoutSecretStore(new OsKeychainStore(), Duration.ofSeconds(20))
                    .probe()
                    .reachable();
            if (keychain) {
                assertThat(p.exitValue()).as(transcript).isZero();
                assertThat(transcript).contains("Key verified and stored");
                assertThat(new OsKeychainStore().load(profile)).contains(key);
            } else {
                assertThat(p.exitValue()).as(transcript).isEqualTo(ExitCodes.KEYCHAIN);
            }
        } finally {
            try {
                new TimeoutSecretStore(new OsKeychainStore(), Duration.ofSeconds(20)).delete(profile);
            } catch (RuntimeException e) {
                // no keychain here: nothing was stored
            }
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
        } catch (java.io.IOException e) {
            // the process ended
        }
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
