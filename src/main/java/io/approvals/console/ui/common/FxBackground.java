package io.approvals.console.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/** Background work on a small pool of daemon threads; results back through Platform.runLater. */
public final class FxBackground implements Background, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FxBackground.class.getName());
    private final ExecutorService executor;

    public FxBackground() {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "console-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
        if (executor.isShutdown()) {
            // The app is closing: nothing is waiting for this any more.
            return;
        }
        executor.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable e) {
                // Only the type and message: messages of our exceptions never hold a key.
                LOG.log(
                        Level.FINE,
                        () -> "background work failed: " + e.getClass().getSimpleName());
                Platform.runLater(() -> onError.accept(e));
                return;
            }
            Platform.runLater(() -> onSuccess.accept(result));
        });
    }

    @Override
    public void ui(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
