package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.approvals.console.config.AppPaths;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.TestKeys;
import io.approvals.console.credentials.SecretServiceAssumptions;
import io.approvals.console.testing.Canary;
import io.approvals.console.testing.KeychainFaultFigures;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keychain faults against a real gnome-keyring, each in a private {@code dbus-run-session}: an unlock
 * prompt the user cancels, and a Secret Service (or the whole session bus) that dies while a command's
 * keychain call waits on it. Each must end in exit 5 with one line that says what happened and what to
 * do, within a bounded time, with no secret in any output, and with the stored key still there afterwards.
 */
@EnabledOnOs(OS.LINUX)
class KeychainFaultsSubprocessTest {
    /** Shell functions the scripts (also {@link KeyRotationVanishSubprocessTest}'s) use. {@code step NAME CMD...}: stdin from NAME.in, NAME.out/.err/.rc. */
    static final String COMMON = String.join(
            "\n",
            "export XDG_DATA_HOME=\"$DIR/xdg\"; mkdir -p \"$XDG_DATA_HOME\"",
            "eval \"$(printf test-pw | gnome-keyring-daemon --unlock --components=secrets)\"",
            "printf '%s' \"$KEY\" | secret-tool store --label=test service approvals-console account p",
            "app() { \"$JAVA\" -cp \"$CP\" io.approvals.console.app.Main \"$@\"; }",
            "store() { \"$JAVA\" -cp \"$CP\" io.approvals.console.credentials.OsKeychainCall \"$@\"; }",
            "pid_of() { dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus "
                    + "org.freedesktop.DBus.GetConnectionUnixProcessID \"string:$1\" | awk '/uint32/ {print $2}'; }",
            "names() { dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus "
                    + "org.freedesktop.DBus.ListNames | grep -c '\":1\\.'; }",
            "now() { date +%s%3N; }",
            "step() { name=$1; shift; : >\"$DIR/prompts.txt\"; \"$@\" <\"$DIR/$name.in\" >\"$DIR/$name.out\" "
                    + "2>\"$DIR/$name.err\"; echo $? >\"$DIR/$name.rc\"; "
                    + "grep -c '^cancelled' \"$DIR/prompts.txt\" >\"$DIR/$name.prompts\"; }",
            // a fresh daemon over the same keyring file, unlocked as at login; returns once it answers
            "unlocked_again() { old=$(pid_of org.freedesktop.secrets 2>/dev/null); "
                    + "printf test-pw | gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null; i=0; "
                    + "while { new=$(pid_of org.freedesktop.secrets 2>/dev/null); [ -z \"$new\" ] || [ \"$new\" = \"$old\" ]; } "
                    + "&& [ $i -lt 100 ]; do i=$((i+1)); sleep 0.1; done; "
                    + "secret-tool lookup service approvals-console account p >/dev/null; }",
            "");

    /**
     * Starts {@code CancellingPrompter}, which cancels every unlock prompt, and waits until it answers; its bus going
     * away does not end it: it is stopped with the session. Ends with a newline.
     */
    static final String PROMPTER = String.join(
            "\n",
            "\"$JAVA\" -cp \"$CP\" io.approvals.console.testing.CancellingPrompter \"$DIR/prompts.txt\" \"$DIR/prompter-ready\" "
                    + ">\"$DIR/prompter.log\" 2>&1 &",
            "prompter=$!; trap 'kill $prompter 2>/dev/null' EXIT",
            "i=0; while [ ! -f \"$DIR/prompter-ready\" ]; do i=$((i+1)); [ $i -gt 600 ] && exit 7; sleep 0.1; done",
            "");

    /** The collection is locked; every unlock prompt is cancelled by {@code CancellingPrompter}. */
    private static final String CANCEL = COMMON
            + String.join(
                    "\n",
                    "dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets "
                            + "org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null",
                    PROMPTER + "set +e",
                    "step status app key status --profile p",
                    "step set app key set --profile p",
                    "step load store load p",
                    "step save store save p",
                    "unlocked_again",
                    "secret-tool lookup service approvals-console account p >\"$DIR/after.key\"",
                    "step after app key status --profile p",
                    "echo done >\"$DIR/finished\"");

    /**
     * {@code vanish NAME WHAT CMD...}: the Secret Service is stopped, the command starts and connects, its
     * keychain call waits on the stopped daemon, then the daemon (WHAT=service) or the session bus itself
     * (WHAT=bus) is killed. A fresh daemon over the same keyring file comes back unlocked afterwards.
     */
    private static final String VANISH = COMMON
            + String.join(
                    "\n",
                    "set +e",
                    "vanish() {",
                    "  name=$1; what=$2; shift 2",
                    "  gk=$(pid_of org.freedesktop.secrets); bus=$(pid_of org.freedesktop.DBus)",
                    "  kill -STOP \"$gk\"; before=$(names)",
                    "  \"$@\" <\"$DIR/$name.in\" >\"$DIR/$name.out\" 2>\"$DIR/$name.err\" &",
                    "  cli=$!",
                    "  i=0; while [ \"$(names)\" -le \"$before\" ] && [ $i -lt 600 ]; do i=$((i+1)); sleep 0.1; done",
                    "  sleep 1",
                    // still running: its keychain call is waiting on the stopped daemon (else the fault missed it)
                    "  if kill -0 $cli 2>/dev/null; then echo yes; else echo no; fi >\"$DIR/$name.midcall\"",
                    "  if [ \"$what\" = bus ]; then kill -KILL \"$bus\"; fi",
                    "  kill -KILL \"$gk\"; killed=$(now)",
                    "  wait $cli; echo $? >\"$DIR/$name.rc\"; echo $(( $(now) - killed )) >\"$DIR/$name.ms\"",
                    "}",
                    "vanish status service app key status --profile p",
                    "unlocked_again",
                    "step status-after app key status --profile p",
                    "vanish set service app key set --profile p",
                    "unlocked_again",
                    "secret-tool lookup service approvals-console account p >\"$DIR/set-after.key\"",
                    "step set-after app key status --profile p",
                    "vanish bus bus app key status --profile p",
                    // the session bus is gone: a new session over the same keyring file shows what is stored
                    "dbus-run-session -- sh -c 'eval \"$(printf test-pw | gnome-keyring-daemon --unlock --components=secrets)\"; "
                            + "secret-tool lookup service approvals-console account p >\"$DIR/bus-after.key\"' >/dev/null 2>&1",
                    "echo done >\"$DIR/finished\"");

    private static final int TIMEOUT_SECONDS = 10;

    @TempDir
    Path dir;

    private final String key = TestKeys.canaryText();
    private final String replacement =
            Canary.withRandom("REPLACEMENTreplacement0123456789").reveal();

    @BeforeEach
    void toolsAndProfile() throws IOException {
        requireKeychainTools();
        new ConnectionStore(AppPaths.under(dir)).put(Connection.of("p", URI.create("https://approvals.example.com")));
        for (String step : List.of("status", "set", "load", "save", "after", "status-after", "set-after", "bus")) {
            Files.writeString(
                    dir.resolve(step + ".in"), step.startsWith("set") || step.equals("save") ? replacement + "\n" : "");
        }
    }

    @Test
    @Timeout(150)
    void aCancelledUnlockPromptIsExit5WithALockedLineAndTheKeyStays() throws Exception {
        long start = System.nanoTime();
        runSession(CANCEL);

        // the fake prompter really was asked, once per command, and cancelled: no prompt comes back again
        for (String step : List.of("status", "set", "load", "save")) {
            assertThat(read(step + ".prompts"))
                    .as(step + ": prompts shown and cancelled")
                    .isEqualTo("1");
        }
        String line = "error: The keyring is locked: its unlock prompt was cancelled or could not be shown.";
        for (String step : List.of("status", "set")) {
            assertThat(read(step + ".rc")).as(step + ": " + read(step + ".err")).isEqualTo("5");
            assertThat(read(step + ".err").lines().toList()).as(step).hasSize(1);
            assertThat(read(step + ".err")).as(step).startsWith(line).contains("try again");
            assertThat(read(step + ".out")).as(step).doesNotContain("none stored");
        }
        // the store itself, without the CLI or a time-out around it
        for (String step : List.of("load", "save")) {
            assertThat(read(step + ".out"))
                    .as(step)
                    .startsWith("KeychainException LOCKED: The keyring is locked: its unlock prompt was cancelled");
        }
        // unlocked again with the password: the key stored before is there, unchanged
        assertThat(read("after.key")).isEqualTo(key);
        assertThat(read("after.rc")).as(read("after.err")).isEqualTo("0");
        assertThat(read("after.out")).contains("Stored in").doesNotContain("none stored");
        assertNoSecretInAnyOutput();

        KeychainFaultFigures.record(
                "unlock-cancelled",
                "unlock prompt cancelled (locked keyring, real gnome-keyring, " + "prompter answers Cancel)",
                read("status.err"),
                Integer.parseInt(read("status.rc")),
                key.equals(read("after.key")),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @Test
    @Timeout(150)
    void aSecretServiceOrBusThatDiesMidCallIsExit5InBoundedTimeAndTheKeyStays() throws Exception {
        runSession(VANISH);

        long bound = TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS + 3);
        for (String step : List.of("status", "set", "bus")) {
            String err = read(step + ".err");
            assertThat(read(step + ".midcall"))
                    .as(step + ": the command was still waiting when the kill came")
                    .isEqualTo("yes");
            assertThat(read(step + ".rc"))
                    .as(step + ": " + err + read(step + ".out") + "\n" + read("session.log"))
                    .isEqualTo("5");
            assertThat(err.lines().toList()).as(step).hasSize(1);
            // "locked … unlock it … then try again" when D-Bus brought a fresh, locked daemon up for the next
            // call; "No Secret Service answered … dbus-run-session …" (the CLI's terminal advice) when nothing
            // answers any more
            assertThat(err)
                    .as(step)
                    .startsWith("error: ")
                    .satisfiesAnyOf(
                            e -> assertThat(e).contains("The keyring is locked", "try again"),
                            e -> assertThat(e).contains("No Secret Service answered", "dbus-run-session"));
            assertThat(Long.parseLong(read(step + ".ms")))
                    .as(step + ": ms from the kill to the end")
                    .isLessThan(bound);
            assertThat(read(step + ".out")).as(step).doesNotContain("none stored");
        }
        // a fresh daemon over the same keyring file: the key is there, whole (the old one, or the new one
        // if the write got through before the daemon died)
        assertThat(read("status-after.rc")).as(read("status-after.err")).isEqualTo("0");
        assertThat(read("status-after.out")).contains("Stored in");
        assertThat(read("set-after.key")).isIn(key, replacement);
        assertThat(read("set-after.rc")).as(read("set-after.err")).isEqualTo("0");
        assertThat(read("bus-after.key")).isIn(key, replacement);
        assertNoSecretInAnyOutput();

        KeychainFaultFigures.record(
                "service-killed-mid-read",
                "Secret Service killed while `key status` waits on it",
                read("status.err"),
                Integer.parseInt(read("status.rc")),
                read("status-after.out").contains("Stored in"),
                Long.parseLong(read("status.ms")));
        KeychainFaultFigures.record(
                "service-killed-mid-write",
                "Secret Service killed while `key set` waits on it",
                read("set.err"),
                Integer.parseInt(read("set.rc")),
                List.of(key, replacement).contains(read("set-after.key")),
                Long.parseLong(read("set.ms")));
        KeychainFaultFigures.record(
                "bus-killed-mid-read",
                "D-Bus session bus killed while `key status` waits on it",
                read("bus.err"),
                Integer.parseInt(read("bus.rc")),
                List.of(key, replacement).contains(read("bus-after.key")),
                Long.parseLong(read("bus.ms")));
    }

    private void runSession(String script) throws IOException, InterruptedException {
        PrivateKeyringSession.run(dir, script, Map.of("KEY", key), TIMEOUT_SECONDS, 140);
    }

    private void assertNoSecretInAnyOutput() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().matches(".*\\.(out|err|log)$"))
                    .toList()) {
                assertThat(Files.readString(f))
                        .as(f.getFileName().toString())
                        .doesNotContain(TestKeys.CANARY_BODY)
                        .doesNotContain("REPLACEMENTreplacement")
                        .doesNotContain("Exception:")
                        .doesNotContain("\tat ");
            }
        }
    }

    private String read(String name) throws IOException {
        Path f = dir.resolve(name);
        return Files.exists(f) ? Files.readString(f).strip() : "(no " + name + ")";
    }

    /**
     * CI must have the private keyring session's tools (and the more a test names); elsewhere a test without them is
     * skipped.
     */
    static void requireKeychainTools(String... more) {
        List<String> needed = new java.util.ArrayList<>(
                List.of("dbus-run-session", "gnome-keyring-daemon", "secret-tool", "dbus-send"));
        needed.addAll(List.of(more));
        boolean tools = needed.stream().allMatch(KeychainFaultsSubprocessTest::onPath);
        String andMore = more.length == 0 ? "" : " and " + String.join(", ", more);
        if (SecretServiceAssumptions.isCi()) {
            assertTrue(tools, "CI must have dbus, gnome-keyring and libsecret-tools" + andMore);
        } else {
            assumeTrue(tools, "needs " + String.join(", ", needed));
        }
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null
                && Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
