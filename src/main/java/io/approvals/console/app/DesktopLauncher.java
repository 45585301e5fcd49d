package io.approvals.console.app;

/** Starts the desktop app. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch() {
        System.err.println("The desktop app is not built yet; see --help for the headless commands.");
        System.exit(1);
    }
}
