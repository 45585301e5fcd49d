package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.config.AppPaths;
import io.approvals.console.credentials.TimeoutSecretStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a keychain fault script in a D-Bus session of its own ({@code dbus-run-session}) with no display: the app's
 * home and the keyring's files under dir, so a gnome-keyring the script kills and D-Bus starts again finds the same
 * keyring. The script gets DIR, JAVA, CP and the given variables, and must touch DIR/finished when it is done.
 */
final class PrivateKeyringSession {
    private PrivateKeyringSession() {}

    static void run(Path dir, String script, Map<String, String> env, int keychainTimeoutSeconds, int limitSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("dbus-run-session", "--", "sh", "-c", script)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("session.log").toFile());
        pb.environment().put("DIR", dir.toString());
        pb.environment().putAll(env);
        pb.environment()
                .put(
                        "JAVA",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("CP", System.getProperty("java.class.path"));
        pb.environment().put(AppPaths.HOME_ENV, dir.toString());
        // set before the bus starts, so a daemon D-Bus activates after a kill uses the same keyring file
        pb.environment().put("HOME", dir.resolve("home").toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("xdg").toString());
        pb.environment().put(TimeoutSecretStore.TIMEOUT_ENV, Integer.toString(keychainTimeoutSeconds));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Files.createDirectories(dir.resolve("home"));
        Process p = pb.start();
        boolean ended = p.waitFor(limitSeconds, TimeUnit.SECONDS);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        assertThat(ended)
                .as(
                        "the session finished; its files: %s",
                        java.util.Arrays.toString(dir.toFile().list()))
                .isTrue();
        assertThat(dir.resolve("finished"))
                .as(Files.readString(dir.resolve("session.log")))
                .exists();
    }
}
