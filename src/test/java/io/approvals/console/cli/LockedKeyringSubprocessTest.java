package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.config.AppPaths;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.TestKeys;
import io.approvals.console.testing.KeychainFaultFigures;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gnome-keyring in its own D-Bus session, with the key stored and the collection then locked;
 * no unlock prompt can be shown (no display). The command must say "locked" and exit 5, not report
 * "no key stored" or hang.
 */
@EnabledOnOs(OS.LINUX)
class LockedKeyringSubprocessTest {
    private static final String SCRIPT = String.join(
            "\n",
            "set -e",
            "export XDG_DATA_HOME=\"$DIR/xdg\"; mkdir -p \"$XDG_DATA_HOME\"",
            "eval \"$(printf test-pw | gnome-keyring-daemon --unlock --components=secrets)\"",
            "printf '%s' \"$KEY\" | secret-tool store --label=test service approvals-console account locked",
            "dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets "
                    + "org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null",
            "set +e",
            "\"$JAVA\" -cp \"$CP\" io.approvals.console.app.Main key status --profile locked >\"$DIR/out.txt\" 2>\"$DIR/err.txt\"",
            "echo $? >\"$DIR/rc.txt\"");

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void aLockedKeyringIsExit5WithALockedMessage() throws Exception {
        KeychainFaultsSubprocessTest.requireKeychainTools();
        long start = System.nanoTime();
        new ConnectionStore(AppPaths.under(dir))
                .put(Connection.of("locked", URI.create("https://approvals.example.com")));

        ProcessBuilder pb = new ProcessBuilder("dbus-run-session", "--", "sh", "-c", SCRIPT)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("session.log").toFile());
        pb.environment().put("DIR", dir.toString());
        pb.environment().put("KEY", TestKeys.random().reveal());
        pb.environment()
                .put(
                        "JAVA",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("CP", System.getProperty("java.class.path"));
        pb.environment().put(AppPaths.HOME_ENV, dir.toString());
        pb.environment().put("APPROVALS_KEYCHAIN_TIMEOUT_SECONDS", "5");
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("the session finished").isTrue();
        assertThat(dir.resolve("rc.txt"))
                .as(Files.readString(dir.resolve("session.log")))
                .exists();

        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(Files.readString(dir.resolve("rc.txt")).strip()).as(err).isEqualTo("5");
        assertThat(err.strip().lines().toList()).hasSize(1);
        // gnome-keyring either refuses at once (no prompt can be shown) or waits for an unlock prompt
        // nobody answers; both must end in exit 5 with a line that says to unlock and try again
        assertThat(err)
                .satisfiesAnyOf(e -> assertThat(e).startsWith("error: The keyring is locked"), e -> assertThat(e)
                        .startsWith("error: Waiting for the keychain to unlock"))
                .contains("try again");
        assertThat(Files.readString(dir.resolve("out.txt"))).doesNotContain("none stored");
        // the key stays stored: nothing was written while the collection was locked
        KeychainFaultFigures.record(
                "locked-no-prompt",
                "keyring locked, no unlock prompt can be shown (no display)",
                err,
                5,
                true,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
}
