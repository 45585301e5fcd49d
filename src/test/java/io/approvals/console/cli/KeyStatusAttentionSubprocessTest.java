package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.config.AppPaths;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.credentials.TimeoutSecretStore;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.testing.CliProcess;
import io.approvals.console.testing.RotationWorld;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code key status} after a rotation killed (SIGKILL) once the server had regenerated the key and before its
 * answer was stored: the first run settles the marker, and every run until the key is fixed prints one warning
 * line and exits 8, instead of "Status: Active" and exit 0 after the first time.
 */
@EnabledOnOs(OS.LINUX)
class KeyStatusAttentionSubprocessTest {
    private static final Duration LONG = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    RotationWorld world;

    @BeforeEach
    void world() throws Exception {
        world = RotationWorld.start(dir);
    }

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    @Timeout(300)
    void aKeyLeftExpiringByALostAnswerWarnsUntilRotatedAgain() throws Exception {
        killAfterRegenerate("--grace", "1h");

        CliProcess first = status("status-1");
        assertThat(first.exitCode(LONG)).as(first.err()).isEqualTo(ExitCodes.KEY_ATTENTION);
        assertThat(first.err()).contains("The server did regenerate the key");
        CliProcess second = status("status-2");
        assertThat(second.exitCode(LONG)).as(second.err()).isEqualTo(ExitCodes.KEY_ATTENTION);
        assertThat(second.err().lines().toList()).hasSize(1);
        assertThat(second.err())
                .startsWith("warning: The stored key " + world.firstKey.masked())
                .contains(
                        "is Expiring", "Next: approvals-console key rotate --profile " + world.profile + " --grace 1h");
        assertThat(second.out()).contains("Expiring");

        CliProcess again =
                CliProcess.run(world.home, dir, "again", "key", "rotate", "--profile", world.profile, "--grace", "1h");
        assertThat(again.exitCode(LONG)).as(again.err()).isZero();
        CliProcess fixed = status("status-3");
        assertThat(fixed.exitCode(LONG)).as(fixed.err()).isZero();
        assertThat(fixed.err()).isEmpty();
    }

    @Test
    @Timeout(300)
    void aKeyRefusedAfterALostCompromisedRotationWarnsUntilReplaced() throws Exception {
        killAfterRegenerate("--compromised");

        CliProcess first = status("status-1");
        assertThat(first.exitCode(LONG)).as(first.err()).isEqualTo(ExitCodes.KEY_ATTENTION);
        CliProcess second = status("status-2");
        assertThat(second.exitCode(LONG)).as(second.err()).isEqualTo(ExitCodes.KEY_ATTENTION);
        assertThat(second.err().lines().toList()).hasSize(1);
        assertThat(second.err())
                .startsWith("warning: The server refused the stored key " + world.firstKey.masked())
                .contains("Next: approvals-console key set --profile " + world.profile);
        assertThat(second.out()).contains("Refused").doesNotContain("Active");

        // what the line says: an administrator issues a key, key set stores it
        ApiKey issued = world.sandbox.issueKeyForTests("again", world.profile + "@example.com", Set.of("read"), null);
        new ConnectionService(
                        new ConnectionStore(AppPaths.under(world.home)),
                        new TimeoutSecretStore(world.keychain),
                        new HttpClientFactory())
                .setKey(world.profile, issued);
        CliProcess fixed = status("status-3");
        assertThat(fixed.exitCode(LONG)).as(fixed.err()).isZero();
        assertThat(fixed.err()).isEmpty();
    }

    private void killAfterRegenerate(String... grace) throws Exception {
        String[] args = new String[4 + grace.length];
        args[0] = "key";
        args[1] = "rotate";
        args[2] = "--profile";
        args[3] = world.profile;
        System.arraycopy(grace, 0, args, 4, grace.length);
        CliProcess rotate = world.cli(dir, "rotate").pausingAfter("regenerate").start(args);
        assertThat(rotate.awaitPaused(LONG)).as(rotate.err()).isTrue();
        rotate.kill9();
    }

    private CliProcess status(String name) throws Exception {
        return CliProcess.run(world.home, dir, name, "key", "status", "--profile", world.profile);
    }
}
