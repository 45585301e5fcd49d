package io.approvals.console.app;

import io.approvals.console.ui.common.StartupSteps;
import javafx.application.Application;

/** Starts the desktop app. */
final class DesktopLauncher {
    private DesktopLauncher() {}

    static void launch() {
        // Keychain, connection and first page while the toolkit starts.
        StartupSteps.reached("main: starting the work of start-up");
        DesktopApp.prepare(DesktopStartup.begin());
        StartupSteps.reached("main: launching the toolkit");
        Application.launch(DesktopApp.class);
        // Library threads (H2, HTTP) must not keep a closed app alive.
        System.exit(0);
    }
}
