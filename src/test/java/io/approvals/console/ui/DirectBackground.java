package io.approvals.console.ui;

import io.approvals.console.ui.common.Background;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs "background" work on the calling thread, so view models are deterministic in tests. */
public final class DirectBackground implements Background {
    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
        T result;
        try {
            result = work.call();
        } catch (Throwable e) {
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
