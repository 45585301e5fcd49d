package io.approvals.console.notify;

/**
 * Tells the user something while the app's window is not in front: the desktop's own notifications. Blocking (a
 * D-Bus call): call it off the JavaFX thread. Failures are swallowed: a notification is a courtesy, never a
 * reason for the app to fail.
 */
public interface DesktopNotifier {
    /** Nothing is shown (no desktop service, or a test). */
    DesktopNotifier NONE = (summary, body) -> false;

    /** Shows a notification; true when the desktop took it. */
    boolean notify(String summary, String body);

    /** Linux: org.freedesktop.Notifications over D-Bus; elsewhere the AWT system tray where there is one. */
    static DesktopNotifier forThisDesktop() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux") || os.contains("bsd")) {
            return new DbusNotifier();
        }
        return TrayNotifier.ifSupported();
    }
}
