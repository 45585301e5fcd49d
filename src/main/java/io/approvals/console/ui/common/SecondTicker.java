package io.approvals.console.ui.common;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Runs an action on the UI thread once a second, from a timer thread. Not a Timeline: while any animation runs,
 * JavaFX runs a pulse every frame, 60 a second, and the main window's 1-second Timeline kept it doing so all day
 * (bench "idle": most of the open window's CPU time and wake-ups). A tick not yet run is not queued twice.
 */
public final class SecondTicker {
    private final Runnable action;
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledExecutorService timer;

    public SecondTicker(Runnable action) {
        this.action = action;
    }

    /** Starts ticking (call on the UI thread); again while ticking does nothing. */
    public void play() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ui-second-ticker");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(
                () -> {
                    if (queued.compareAndSet(false, true)) {
                        Platform.runLater(() -> {
                            queued.set(false);
                            if (timer != null) {
                                action.run();
                            }
                        });
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
    }

    /** Stops ticking (call on the UI thread). */
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
