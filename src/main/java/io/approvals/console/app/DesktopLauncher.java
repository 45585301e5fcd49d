package io.approvals.console.app;

import javafx.application.Application;

/** Starts the desktop app. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch() {
        // Keychain, connection and first page while the toolkit starts.
        DesktopApp.prepare(DesktopStartup.begin());
        Application.launch(DesktopApp.class);
        // Library threads (H2, HTTP) must not keep a closed app alive.
        System.exit(0);
    }
}
