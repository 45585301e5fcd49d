package io.approvals.console.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (network, keychain) away from the UI thread and hands the result back on it.
 * View models depend on this interface only, so tests can run them on one thread without a screen.
 */
public interface Background {

    /** Runs work off the UI thread; then onSuccess or onError runs on the UI thread. */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError);

    /** Runs action on the UI thread (immediately in tests). */
    void ui(Runnable action);
}
