package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.KeyStatus;
import io.approvals.console.testing.CliProcess;
import io.approvals.console.testing.RotationWorld;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes rotating one profile's key (two terminals, the app and a script) against a real sandbox and the real
 * Secret Service: the first holds the rotation lock (stopped after a step by the test), the second waits for it or
 * refuses naming it, and a lock whose owner was killed is taken over. Every case ends with one stored key the
 * server accepts and no pending entry.
 */
@EnabledOnOs(OS.LINUX)
class ConcurrentRotationSubprocessTest {
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
    void aSecondRotationWaitsForTheFirstThenRotatesFromItsKey() throws Exception {
        CliProcess first = world.cli(dir, "first")
                .pausingAfter("regenerate")
                .start("key", "rotate", "--profile", world.profile, "--grace", "1h");
        assertThat(first.awaitPaused(LONG)).as(first.err()).isTrue();
        CliProcess second =
                world.cli(dir, "second").start("key", "rotate", "--profile", world.profile, "--grace", "1h");
        first.resume();

        assertThat(first.exitCode(LONG)).as(first.err()).isZero();
        assertThat(second.exitCode(LONG)).as(second.err()).isZero();
        assertThat(first.out()).contains("Rotated the key of profile '" + world.profile + "'");
        assertThat(second.out()).contains("Rotated the key of profile '" + world.profile + "'");
        assertOneWorkingKeyAndNoLock();
        ApiKey stored = world.stored().orElseThrow();
        // the second rotation started from the first one's new key, not from the key both processes began with
        assertThat(stored.matches(world.firstKey)).isFalse();
        assertThat(second.out()).contains(stored.fingerprint());
        assertThat(first.out()).doesNotContain(stored.fingerprint());
    }

    @Test
    @Timeout(300)
    void aSecondRotationRefusesNamingTheFirstWhenItsWaitRunsOut() throws Exception {
        CliProcess first = world.cli(dir, "first")
                .pausingAfter("storePending")
                .start("key", "rotate", "--profile", world.profile, "--compromised");
        assertThat(first.awaitPaused(LONG)).as(first.err()).isTrue();
        CliProcess second = world.cli(dir, "second")
                .lockWait(Duration.ofSeconds(1))
                .start("key", "rotate", "--profile", world.profile, "--grace", "1h");

        assertThat(second.exitCode(LONG)).as(second.err()).isEqualTo(ExitCodes.OTHER);
        assertThat(second.err())
                .contains(
                        "error: Another rotation of the key of profile '" + world.profile + "' is under way (pid "
                                + first.pid() + " on host ",
                        "Not rotating twice");
        // while the first runs, key status says so and exits 8
        CliProcess status = CliProcess.run(world.home, dir, "status", "key", "status", "--profile", world.profile);
        assertThat(status.exitCode(LONG)).as(status.err()).isEqualTo(ExitCodes.KEY_ATTENTION);
        assertThat(status.err())
                .contains("warning: A rotation of the key of profile '" + world.profile
                        + "' is under way in another program (pid " + first.pid());

        first.resume();
        assertThat(first.exitCode(LONG)).as(first.err()).isZero();
        assertOneWorkingKeyAndNoLock();
    }

    @Test
    @Timeout(300)
    void theLockOfARotationKilledMidwayIsTakenOverAndItsKeyKept() throws Exception {
        CliProcess first = world.cli(dir, "first")
                .pausingAfter("storePending")
                .start("key", "rotate", "--profile", world.profile, "--compromised");
        assertThat(first.awaitPaused(LONG)).as(first.err()).isTrue();
        ApiKey issued = world.pending().orElseThrow();
        first.kill9();
        assertThat(world.lockHeld())
                .as("the dead owner's claim is still on disk")
                .isTrue();

        CliProcess second =
                CliProcess.run(world.home, dir, "second", "key", "rotate", "--profile", world.profile, "--grace", "1h");
        assertThat(second.exitCode(LONG)).as(second.err()).isZero();
        assertThat(second.err())
                .contains("note: An earlier rotation of profile '" + world.profile
                        + "' was interrupted. It has been completed");
        assertOneWorkingKeyAndNoLock();
        // the killed rotation's new key was kept and then rotated with a grace period: it still works for now
        assertThat(world.ask(issued).status()).isEqualTo(KeyStatus.EXPIRING);
    }

    private void assertOneWorkingKeyAndNoLock() throws Exception {
        ApiKey stored = world.stored().orElseThrow();
        assertThat(world.ask(stored).status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(world.pending()).isEmpty();
        assertThat(world.lockHeld()).isFalse();
        CliProcess status =
                CliProcess.run(world.home, dir, "status-after", "key", "status", "--profile", world.profile);
        assertThat(status.exitCode(LONG)).as(status.err()).isZero();
        assertThat(status.err()).isEmpty();
    }
}
