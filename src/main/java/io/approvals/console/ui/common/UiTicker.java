package io.approvals.console.ui.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Runs an action on the UI thread every period, from a timer thread. Not a Timeline: while any animation runs, even
 * one whose next key frame is a minute away, JavaFX runs a pulse every frame, 60 a second, all day (bench "idle":
 * most of the open window's CPU time and wake-ups). A tick not yet run is not queued twice.
 */
public final class UiTicker {
    private final Duration period;
    private final Runnable action;
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledExecutorService timer;

    public UiTicker(Duration period, Runnable action) {
        this.period = period;
        this.action = action;
    }

    /** Starts ticking (call on the UI thread); again while ticking does nothing. */
    public void play() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ui-ticker");
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
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Starts ticking again, the first tick a whole period from now (call on the UI thread). */
    public void restart() {
        stop();
        play();
    }

    /** Stops ticking (call on the UI thread). */
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
