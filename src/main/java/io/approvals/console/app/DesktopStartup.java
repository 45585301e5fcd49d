package io.approvals.console.app;

import io.approvals.console.client.PendingFetch;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.credentials.PrefetchingSecretStore;
import io.approvals.console.credentials.SecretStore;
import io.approvals.console.credentials.SecretStores;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.service.KeyRotation;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.common.StartupSteps;
import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.EarlyStart;
import io.approvals.console.ui.session.PrefetchedSession;
import io.approvals.console.ui.session.UiSettings;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The work the desktop app does while the JavaFX toolkit starts, a few hundred milliseconds in which the toolkit
 * mostly waits on the display: the keychain, logging, the OS theme, the saved settings and connection, and the
 * opening of that connection with its first page of approvals. Started before the toolkit, so that the main
 * window's first frame can show the approvals instead of starting this work after it.
 */
final class DesktopStartup {
    private final CompletableFuture<DesktopEnvironment> environment = new CompletableFuture<>();
    private final CompletableFuture<EarlyStart> early = new CompletableFuture<>();
    private final CompletableFuture<Void> theme;
    private volatile boolean keychainWaiting;
    private volatile Consumer<Boolean> keychainListener = waiting -> {};
    /** Keys read ahead of the opening; what the opening did not use is dropped once it is done. */
    private volatile PrefetchingSecretStore keychain;

    private final Function<DesktopStartup, DesktopEnvironment> environmentMaker;

    /** Makes the environment (on the start-up thread) from its parts; tests give their own keychain and clients. */
    DesktopStartup(Function<DesktopStartup, DesktopEnvironment> environmentMaker) {
        this.environmentMaker = environmentMaker;
        theme = CompletableFuture.runAsync(Themes::detectOsTheme, DesktopStartup::daemon);
        daemon(this::prepare);
    }

    /** Starts the work with the real logging, keychain and HTTP client; call before launching the toolkit. */
    static DesktopStartup begin() {
        return new DesktopStartup(startup -> {
            AppPaths paths = AppPaths.fromEnvironment();
            // The keychain is the slowest answer start-up waits for, so it is asked before the log file is opened;
            // its libraries are quieted first, so none of their INFO lines reaches the console in between.
            DesktopLogging.quietLibraries();
            SecretStore keychain = startup.readingAhead(paths, SecretStores.osKeychain(startup::keychainWaiting));
            StartupSteps.reached("keychain asked");
            DesktopLogging.configure(paths.cacheDir().resolve("logs"));
            StartupSteps.reached("logging configured");
            return new DesktopEnvironment(paths, keychain, new HttpClientFactory());
        });
    }

    /**
     * The keychain, already reading the key of the connection the app is about to open (and its pending-rotation
     * entry, which the opening reads first), in one keychain call, while the saved connections are still parsed.
     * What the opening does not use is dropped once it is done. Call before making the environment.
     */
    PrefetchingSecretStore readingAhead(AppPaths paths, SecretStore keychain) {
        PrefetchingSecretStore ahead = new PrefetchingSecretStore(keychain);
        ConnectionStore.peekCurrent(paths.connectionsFile())
                .filter(name -> !DesktopEnvironment.SANDBOX.equals(name))
                .ifPresent(name -> ahead.prefetch(KeyRotation.pendingAccount(name), name));
        this.keychain = ahead;
        return ahead;
    }

    /** The app's environment, once logging is set up and the OS theme is known; may block: not on the FX thread. */
    DesktopEnvironment environment() {
        theme.join();
        return environment.join();
    }

    /** Settings, current connection and its opening; completes soon after {@link #environment()}. */
    CompletableFuture<EarlyStart> early() {
        return early;
    }

    /** Told whether a keychain call is waiting (an unlock prompt); told the current state at once. */
    void onKeychainWaiting(Consumer<Boolean> listener) {
        keychainListener = listener;
        listener.accept(keychainWaiting);
    }

    private void keychainWaiting(boolean waiting) {
        keychainWaiting = waiting;
        keychainListener.accept(waiting);
    }

    private void prepare() {
        try {
            prepareOpening();
        } finally {
            if (keychain != null) {
                keychain.discardPrefetched();
            }
        }
    }

    private void prepareOpening() {
        DesktopEnvironment env;
        try {
            env = environmentMaker.apply(this);
            environment.complete(env);
        } catch (Throwable e) {
            environment.completeExceptionally(e);
            early.completeExceptionally(e);
            return;
        }
        Optional<String> current;
        CompletableFuture<ConsoleSession> opening;
        CompletableFuture<Void> settled = new CompletableFuture<>();
        try {
            UiSettings settings = env.settings();
            current = env.currentConnection();
            if (current.isEmpty() && Boolean.getBoolean(ConsoleUi.OPEN_SANDBOX_PROPERTY)) {
                // `--sandbox` on a machine with no connection: the sandbox is started here, not after the window
                current = Optional.of(DesktopEnvironment.SANDBOX);
            }
            opening = current.isPresent() ? new CompletableFuture<>() : null;
            if (opening == null) {
                settled.complete(null);
            }
            StartupSteps.reached("settings and connection read");
            early.complete(new EarlyStart(settings, current, opening, settled, env.windowState()));
        } catch (Throwable e) {
            early.completeExceptionally(e);
            return;
        }
        if (opening != null) {
            String name = current.get();
            daemon(() -> warmUp(env, name));
            open(env, name, opening);
            settled.complete(null);
        }
    }

    /**
     * Opens the connection with its key from the keychain and the key facts last verified (the window asks the
     * server about the key once it shows), hands the session to the window, and fetches its first page, which the
     * window shows when it comes (a slow or hanging server never keeps the user on "Opening…"). Returns when the
     * page is there or failed, or the opening failed.
     */
    private static void open(DesktopEnvironment env, String connection, CompletableFuture<ConsoleSession> opening) {
        ConsoleSession session;
        try {
            session = env.openWithKnownFacts(connection);
        } catch (Throwable e) {
            opening.completeExceptionally(e);
            return;
        }
        StartupSteps.reached("connection open (key read)");
        PendingFetch firstPage = new PendingFetch(); // the window follows its pages while they come
        opening.complete(new PrefetchedSession(session, firstPage));
        try {
            firstPage.complete(session.api().fetchAllNotComplete(null, null, firstPage));
            StartupSteps.reached("first page read");
        } catch (Throwable e) {
            firstPage.completeExceptionally(e);
        }
    }

    /** The HTTP client's and the decoder's one-time work, while the keychain is asked for the key. */
    private static void warmUp(DesktopEnvironment env, String connection) {
        try {
            env.warmUp(connection);
        } catch (RuntimeException e) {
            // Only a head start: the real client reports its own failures.
        }
    }

    private static void daemon(Runnable work) {
        Thread t = new Thread(work, "startup");
        t.setDaemon(true);
        t.start();
    }
}
