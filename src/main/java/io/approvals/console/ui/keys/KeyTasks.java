package io.approvals.console.ui.keys;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (keychain, network) off the JavaFX thread and hands the result back on it. The
 * same shape as the main window's Background, so either adapts to the other in one line; tests run it
 * on one thread.
 */
public interface KeyTasks {

    /** Runs work off the UI thread; then onSuccess or onError runs on the UI thread. */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError);
}
