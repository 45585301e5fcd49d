package io.approvals.console.ui.session;

import io.approvals.console.client.ApprovalsApi;

/** One open connection: what the main window works with. */
public interface ConsoleSession {

    /** The connection's name, shown in the window title. */
    String connectionName();

    /** Where the server is, for the status bar. */
    String baseUrl();

    ApprovalsApi api();

    KeyInfo key();

    /** Where the key lives: "Secret Service", "this session only"... */
    String backendName();

    /** True for the bundled local sandbox: the window says so. */
    boolean isSandbox();

    /** Something to tell once the window opens (e.g. an interrupted key rotation was finished); or null. */
    default String notice() {
        return null;
    }
}
