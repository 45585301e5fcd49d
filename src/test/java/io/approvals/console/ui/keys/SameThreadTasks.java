package io.approvals.console.ui.keys;

import io.approvals.console.ui.common.Background;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs the work at once on the calling thread: view model tests without a screen or waiting. */
final class SameThreadTasks implements Background {
    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onError.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void ui(Runnable action) {
        action.run();
    }
}
