package io.approvals.console.ui.session;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.PendingFetch;
import java.util.Optional;

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

    /**
     * False when the session was opened with the key facts (scopes, owner, expiry) last verified, without asking the
     * server: the window then asks {@link ConsoleEnvironment#recheckKey} once it shows.
     */
    default boolean keyChecked() {
        return true;
    }

    /** The pending list fetched along with the session (see {@link PrefetchedSession}), the first time asked. */
    default Optional<PendingFetch> takeFirstPage() {
        return Optional.empty();
    }
}
