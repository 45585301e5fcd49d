package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.config.AppPaths;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.Json;
import io.approvals.console.contract.Scope;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.testing.FaultProxy;
import io.approvals.console.testing.KeychainFaultFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real keychain vanishing at the riskiest moment of {@code key rotate}: the server has issued the new key but
 * the CLI has not stored it yet. A real sandbox issues the key, a {@link FaultProxy} holds the regenerate answer
 * while the test kills gnome-keyring (and, in the second case, the session bus) of a private
 * {@code dbus-run-session}, then lets the answer through. The command must end in bounded time with exit 5 and
 * one line; a fresh gnome-keyring over the same keyring file must then give the profile a key the server accepts,
 * with no {@code #pending} entry left after {@code key status} ran the rotation recovery.
 */
@EnabledOnOs(OS.LINUX)
class KeyRotationVanishSubprocessTest {
    private static final int TIMEOUT_SECONDS = 5;

    /** What runs once the keychain is back: what is stored, then recovery (key status), verify, a real list. */
    private static final String AFTER = String.join(
            "\n",
            "app() { \"$JAVA\" -cp \"$CP\" io.approvals.console.app.Main \"$@\"; }",
            "run() { name=$1; shift; \"$@\" </dev/null >\"$DIR/$name.out\" 2>\"$DIR/$name.err\"; echo $? >\"$DIR/$name.rc\"; }",
            // secret-tool prints the attributes on stderr, the secrets on stdout (dropped)
            "accounts() { secret-tool search --all service approvals-console 2>&1 >/dev/null "
                    + "| grep '^attribute.account' | sort >\"$DIR/$1\"; }",
            "accounts accounts-before-recovery.txt",
            "run status app key status --profile p",
            "accounts accounts-after-recovery.txt",
            "secret-tool lookup service approvals-console account p >\"$DIR/after.key\"",
            "run verify app key verify --profile p",
            "run list app approvals list --profile p",
            // what the messages advise: rotate again, with the keychain back
            "run again app key rotate --profile p --grace 1h",
            "accounts accounts-after-again.txt",
            "secret-tool lookup service approvals-console account p >\"$DIR/again.key\"",
            "run list-again app approvals list --profile p",
            "echo done >\"$DIR/finished\"",
            "");

    /**
     * WHAT=service: gnome-keyring-daemon is killed (D-Bus may activate a fresh, locked one for the next call);
     * WHAT=bus: the session bus is killed as well. The daemon dies while the proxy holds the server's answer.
     */
    private static final String ROTATE = KeychainFaultsSubprocessTest.COMMON
            + String.join(
                    "\n",
                    "set +e",
                    "step before app key verify --profile p",
                    "gk=$(pid_of org.freedesktop.secrets); bus=$(pid_of org.freedesktop.DBus)",
                    "app key rotate --profile p --grace 1h </dev/null >\"$DIR/rotate.out\" 2>\"$DIR/rotate.err\" &",
                    "cli=$!",
                    // the server has issued the new key; its answer waits in the proxy
                    "i=0; while [ ! -f \"$DIR/held\" ] && [ $i -lt 600 ]; do i=$((i+1)); sleep 0.05; done",
                    "if [ -f \"$DIR/held\" ] && kill -0 $cli 2>/dev/null; then echo yes; else echo no; fi >\"$DIR/rotate.midcall\"",
                    "if [ \"$WHAT\" = bus ]; then kill -KILL \"$bus\"; fi",
                    "kill -KILL \"$gk\"",
                    // gone (or a zombie nobody reaps) before the answer is let through
                    "i=0; while s=$(awk '{print $3}' /proc/$gk/stat 2>/dev/null); [ -n \"$s\" ] && [ \"$s\" != Z ] "
                            + "&& [ $i -lt 100 ]; do i=$((i+1)); sleep 0.05; done",
                    "killed=$(now); : >\"$DIR/release\"",
                    "wait $cli; echo $? >\"$DIR/rotate.rc\"; echo $(( $(now) - killed )) >\"$DIR/rotate.ms\"",
                    "if [ \"$WHAT\" = bus ]; then",
                    // the session bus is gone: a new session over the same keyring file, unlocked as at login
                    "  dbus-run-session -- sh -c 'eval \"$(printf test-pw | gnome-keyring-daemon --unlock "
                            + "--components=secrets)\" >/dev/null; eval \"$AFTER\"'",
                    "else",
                    "  unlocked_again",
                    "  eval \"$AFTER\"",
                    "fi",
                    "");

    @TempDir
    Path dir;

    private Sandbox sandbox;
    private FaultProxy proxy;
    private String oldKey;

    @BeforeEach
    void toolsSandboxAndProfile() throws IOException {
        KeychainFaultsSubprocessTest.requireKeychainTools("awk");
        sandbox = Sandbox.start(new SandboxConfig(dir.resolve("sandbox"), 0, 1));
        oldKey = sandbox.issueKeyForTests("cli", "cli@example.com", Set.of(Scope.READ), null)
                .reveal();
        proxy = new FaultProxy(sandbox.baseUri());
        proxy.fail(FaultProxy.Fault.HOLD, "/apikeys/current/regenerate");
        new ConnectionStore(AppPaths.under(dir)).put(Connection.of("p", proxy.uri()));
        Files.writeString(dir.resolve("before.in"), "");
    }

    @AfterEach
    void stop() throws IOException {
        if (proxy != null) {
            proxy.release();
            proxy.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @ParameterizedTest(name = "{0} killed")
    @ValueSource(strings = {"service", "bus"})
    @Timeout(90)
    void aKeychainThatVanishesAfterTheServerIssuedTheNewKeyLosesNoWorkingKey(String what) throws Exception {
        long start = System.nanoTime();
        Thread releaser = releaseOnceKilled();
        runSession(what);
        releaser.join(TimeUnit.SECONDS.toMillis(5));

        assertThat(read("before.rc"))
                .as("the key works before: " + read("before.err"))
                .isEqualTo("0");
        List<String> issued = new ArrayList<>();
        for (String body : proxy.heldBodies()) {
            issued.add(Json.tolerant().readValue(body, IssuedKey.class).key().reveal());
        }
        assertThat(issued)
                .as("the server issued a new key in the faulty rotation and in the one after; the rotation after: rc "
                        + read("again.rc") + ", " + read("again.err") + "\nsession: " + read("session.log"))
                .hasSize(2);
        String newKey = issued.get(0);
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(read("rotate.midcall"))
                .as("the CLI was waiting for the held answer when the kill came")
                .isEqualTo("yes");

        // the rotation: bounded, exit 5, one line that says what happened and what to do
        String err = read("rotate.err");
        assertThat(read("rotate.rc"))
                .as(err + read("rotate.out") + "\n" + read("session.log"))
                .isEqualTo("5");
        assertThat(err.lines().toList()).as(err).hasSize(1);
        assertThat(err)
                .startsWith("error: The server issued a new key")
                .contains("The old key keeps working until", "rotate again before the old key expires");
        assertThat(Long.parseLong(read("rotate.ms")))
                .as("ms from the kill to the end")
                .isLessThan(TimeUnit.SECONDS.toMillis(3L * TIMEOUT_SECONDS + 5));

        // the keychain back: the marker of the rotation is there until key status settles it
        assertThat(read("accounts-before-recovery.txt").lines())
                .contains("attribute.account = p", "attribute.account = p#pending");
        // settled, and the key left Expiring stays flagged (exit 8, a second warning line) until rotated again
        assertThat(read("status.rc")).as(read("status.err")).isEqualTo(String.valueOf(ExitCodes.KEY_ATTENTION));
        assertThat(read("status.out")).contains("Stored in").doesNotContain("none stored");
        assertThat(read("status.err"))
                .startsWith("warning: ")
                .contains("was never stored on this computer", "keeps working until", "rotate again now");
        assertThat(read("status.err").lines().toList()).hasSize(2);
        assertThat(read("status.err").lines().toList().get(1))
                .startsWith("warning: The stored key")
                .contains("is Expiring", "Next: approvals-console key rotate --profile p --grace 1h");
        assertThat(read("accounts-after-recovery.txt").lines()).containsExactly("attribute.account = p");
        // the key stored is one the server accepts: the old one, in its grace period (the new one was lost)
        String stored = read("after.key");
        assertThat(stored).isIn(oldKey, newKey);
        assertThat(read("verify.rc")).as(read("verify.err")).isEqualTo("0");
        assertThat(read("verify.out")).contains("Key verified.");
        assertThat(read("list.rc")).as(read("list.err")).isEqualTo("0");
        // and rotating again, as the messages say, works: the key the server issued then is stored
        assertThat(read("again.rc")).as(read("again.err")).isEqualTo("0");
        assertThat(read("again.out")).contains("Rotated the key of profile 'p'");
        assertThat(read("again.key")).isEqualTo(issued.get(1));
        assertThat(read("accounts-after-again.txt").lines()).containsExactly("attribute.account = p");
        assertThat(read("list-again.rc")).as(read("list-again.err")).isEqualTo("0");
        assertNoKeyInAnyOutput(oldKey, newKey, issued.get(1));

        String id = what.equals("bus") ? "bus-killed-mid-rotation" : "service-killed-mid-rotation";
        String fault = what.equals("bus")
                ? "D-Bus session bus and Secret Service killed after the server issued the new key, before `key rotate` stored it"
                : "Secret Service killed after the server issued the new key, before `key rotate` stored it";
        KeychainFaultFigures.record(
                id,
                fault,
                err,
                Integer.parseInt(read("rotate.rc")),
                read("list.rc").equals("0") && read("verify.rc").equals("0"),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** When the proxy holds the answer: says so to the script, and lets it go once the script killed the keyring. */
    private Thread releaseOnceKilled() {
        Thread t = new Thread(
                () -> {
                    try {
                        if (proxy.awaitHeld(Duration.ofSeconds(60))) {
                            Files.writeString(dir.resolve("held"), "");
                            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                            while (!Files.exists(dir.resolve("release")) && System.nanoTime() < until) {
                                Thread.sleep(20);
                            }
                        }
                    } catch (InterruptedException | IOException e) {
                        // the test ends
                    } finally {
                        proxy.release();
                    }
                },
                "release-held-answer");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void runSession(String what) throws IOException, InterruptedException {
        PrivateKeyringSession.run(
                dir, ROTATE, Map.of("KEY", oldKey, "WHAT", what, "AFTER", AFTER), TIMEOUT_SECONDS, 80);
    }

    private void assertNoKeyInAnyOutput(String... keys) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().matches(".*\\.(out|err|log|txt)$"))
                    .toList()) {
                String text = Files.readString(f);
                for (String k : keys) {
                    assertThat(text).as(f.getFileName().toString()).doesNotContain(k);
                }
                assertThat(text)
                        .as(f.getFileName().toString())
                        .doesNotContain("Exception:")
                        .doesNotContain("\tat ");
            }
        }
    }

    private String read(String name) throws IOException {
        Path f = dir.resolve(name);
        return Files.exists(f) ? Files.readString(f).strip() : "(no " + name + ")";
    }
}
