package io.approvals.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Started for the window where there is no display (SSH, a server): a clear sentence, not a stack trace. */
class NoDisplayTest {
    @TempDir
    Path home;

    @Test
    @EnabledOnOs(OS.LINUX)
    void theWindowWithoutADisplaySaysWhatToRunInstead() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.approvals.console.app.Main");
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("APPROVALS_CONSOLE_HOME", home.resolve("app").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(home.resolve("out.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(home.resolve("out.txt"));
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out)
                .contains("no display to open the window on", "approvals-console approvals list", "ssh -X")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void onlyAnX11DesktopWithoutDisplayIsRefused() {
        assertThat(DisplayCheck.missing(Map.of(), "Linux", null)).isPresent();
        assertThat(DisplayCheck.missing(Map.of("DISPLAY", " "), "FreeBSD", null))
                .isPresent();
        for (Map<String, String> env : List.of(Map.of("DISPLAY", ":0"), Map.of("DISPLAY", "localhost:10.0"))) {
            assertThat(DisplayCheck.missing(env, "Linux", null)).isEmpty();
        }
        assertThat(DisplayCheck.missing(Map.of(), "Mac OS X", null)).isEmpty();
        assertThat(DisplayCheck.missing(Map.of(), "Windows 11", null)).isEmpty();
        assertThat(DisplayCheck.missing(Map.of(), "Linux", "Monocle"))
                .as("the headless tests")
                .isEmpty();
    }
}
