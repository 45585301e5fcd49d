package io.approvals.console.app;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the window has a display to open on. On Linux and the BSDs JavaFX draws through GTK on X11 (XWayland
 * under Wayland), so without DISPLAY it fails with a stack trace: over SSH, on a server, in a container. Then the
 * app says so and names the commands instead. Monocle (glass.platform, the headless tests) needs no display.
 */
final class DisplayCheck {
    private DisplayCheck() {}

    /** The message for a user with no display, if there is none; empty when the window can try to open. */
    static Optional<String> missing(Map<String, String> env, String osName, String glassPlatform) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        boolean x11 = os.contains("linux") || os.contains("bsd") || os.contains("sunos");
        String display = env.get("DISPLAY");
        if (!x11 || glassPlatform != null || (display != null && !display.isBlank())) {
            return Optional.empty();
        }
        return Optional.of("Approvals Console: no display to open the window on (DISPLAY is not set: an SSH session,"
                + " a server or a container?).\n"
                + "The same work runs as commands here: approvals-console approvals list, approvals-console"
                + " --help.\n"
                + "For the window over SSH, connect with ssh -X (X11 forwarding).");
    }
}
