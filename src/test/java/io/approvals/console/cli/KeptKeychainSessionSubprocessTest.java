package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.TestKeys;
import io.approvals.console.testing.Canary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keychain store keeps one Secret Service connection for its life (Linux), against a real gnome-keyring in a
 * private {@code dbus-run-session}: between one store's reads another program replaces the key, the keyring daemon is
 * restarted, and the key is removed. Each read sees what is stored then; the store opens a new connection (with its
 * key exchange) only after the restart, and to make sure before it says a key it read before is gone. A collection
 * locked between reads is prompted for on the kept connection, and a cancelled prompt is reported as before.
 */
@EnabledOnOs(OS.LINUX)
class KeptKeychainSessionSubprocessTest {
    private static final String REPLACE =
            "printf '%s' \"$NEW\" | secret-tool store --label=test service approvals-console account p\n";
    private static final String CLEAR = "secret-tool clear service approvals-console account p\n";

    @TempDir
    Path dir;

    private final String key = TestKeys.canaryText();
    private final String replacement =
            Canary.withRandom("REPLACEMENTreplacement0123456789").reveal();

    @Test
    @Timeout(150)
    void eachReadSeesWhatIsStoredAndTheConnectionIsKeptUntilTheDaemonRestarts() throws Exception {
        KeychainFaultsSubprocessTest.requireKeychainTools();
        writeScripts();
        String script = KeychainFaultsSubprocessTest.COMMON
                + "reads() { \"$JAVA\" -cp \"$CP\" io.approvals.console.credentials.OsKeychainReads \"$@\"; }\n"
                + "reads p load load \"$DIR/replace.sh\" load \"$DIR/restart.sh\" load load \"$DIR/clear.sh\" load "
                + ">\"$DIR/reads.out\" 2>\"$DIR/reads.err\"\n"
                + "echo done >\"$DIR/finished\"\n";

        PrivateKeyringSession.run(dir, script, Map.of("KEY", key, "NEW", replacement), 10, 140);

        String before = ApiKey.of(key).fingerprint();
        String after = ApiKey.of(replacement).fingerprint();
        assertThat(Files.readString(dir.resolve("reads.out")).lines().toList())
                .as(Files.readString(dir.resolve("reads.err")))
                .containsExactly(
                        "present " + before + " opened 1",
                        "present " + before + " opened 1",
                        "present " + after + " opened 1", // replaced by another program: seen on the same connection
                        "present " + after + " opened 2", // the daemon restarted: one new connection
                        "present " + after + " opened 2",
                        "absent opened 3"); // gone: confirmed on a new connection before it is said
        assertNoSecretIn("reads.out", "reads.err", "session.log");
    }

    /** The collection locked while the connection is kept: the unlock prompt (cancelled here) is shown and reported. */
    @Test
    @Timeout(150)
    void aCollectionLockedBetweenReadsIsPromptedForAndReportedOnTheKeptConnection() throws Exception {
        KeychainFaultsSubprocessTest.requireKeychainTools();
        writeScripts();
        Files.writeString(
                dir.resolve("lock.sh"),
                "dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets "
                        + "org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login\n");
        String script = KeychainFaultsSubprocessTest.COMMON
                + KeychainFaultsSubprocessTest.PROMPTER
                + "\"$JAVA\" -cp \"$CP\" io.approvals.console.credentials.OsKeychainReads p load \"$DIR/lock.sh\" load "
                + "\"$DIR/restart.sh\" load >\"$DIR/reads.out\" 2>\"$DIR/reads.err\"\n"
                + "echo done >\"$DIR/finished\"\n";

        PrivateKeyringSession.run(dir, script, Map.of("KEY", key, "NEW", replacement), 10, 140);

        String fingerprint = ApiKey.of(key).fingerprint();
        assertThat(Files.readString(dir.resolve("reads.out")).lines().toList())
                .as(Files.readString(dir.resolve("reads.err")))
                .containsExactly(
                        "present " + fingerprint + " opened 1",
                        "KeychainException LOCKED opened 1", // the prompt was cancelled: said at once
                        "present " + fingerprint + " opened 2"); // unlocked by a restarted daemon
        assertThat(Files.readString(dir.resolve("prompts.txt"))).contains("cancelled");
        assertNoSecretIn("reads.out", "reads.err", "session.log");
    }

    private void writeScripts() throws IOException {
        Files.writeString(dir.resolve("replace.sh"), REPLACE);
        Files.writeString(dir.resolve("clear.sh"), CLEAR);
        // the COMMON function, as a script of its own: a fresh daemon over the same keyring file, unlocked
        Files.writeString(
                dir.resolve("restart.sh"),
                KeychainFaultsSubprocessTest.COMMON
                                .lines()
                                .filter(l -> l.startsWith("pid_of()") || l.startsWith("unlocked_again()"))
                                .reduce("", (a, b) -> a + b + "\n")
                        + "unlocked_again\n");
    }

    private void assertNoSecretIn(String... names) throws IOException {
        for (String name : names) {
            Path f = dir.resolve(name);
            if (Files.exists(f)) {
                assertThat(Files.readString(f))
                        .as(name)
                        .doesNotContain(TestKeys.CANARY_BODY)
                        .doesNotContain("REPLACEMENTreplacement");
            }
        }
    }
}
