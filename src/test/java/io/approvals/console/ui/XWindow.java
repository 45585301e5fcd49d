package io.approvals.console.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Rectangle2D;

/**
 * A window as the X server has it (xwininfo, from x11-utils), for the tests on the real toolkit (*GtkUiTest): JavaFX
 * may believe a window has a size the X server never gave it.
 */
public final class XWindow {
    private XWindow() {}

    /** Skips the test class unless it runs in the real toolkit's execution with an X server. */
    public static void assumeRealToolkit() {
        assumeTrue("gtk".equals(System.getProperty("glass.platform")), "the real toolkit's execution only");
        String display = System.getenv("DISPLAY");
        assumeTrue(display != null && display.startsWith(":"), "no X server (scripts/test.sh starts Xvfb)");
    }

    /** The bounds of the window with this title, on the screen. */
    public static Rectangle2D bounds(String title) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("xwininfo", "-name", title)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return new Rectangle2D(
                number(out, "Absolute upper-left X", title),
                number(out, "Absolute upper-left Y", title),
                number(out, "Width", title),
                number(out, "Height", title));
    }

    private static int number(String out, String name, String title) {
        Matcher m = Pattern.compile(name + ": +(-?\\d+)").matcher(out);
        assertThat(m.find()).as("xwininfo -name '%s': %s", title, out).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
