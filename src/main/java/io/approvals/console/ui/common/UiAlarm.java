package io.approvals.console.ui.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Runs an action on the UI thread once, at a moment chosen anew each time, from a timer thread: for a clock that
 * ticks only when something shown can change, instead of every second ({@link UiTicker}, and not a Timeline for the
 * same reason). A new {@link #after} replaces the moment planned before. Call on the UI thread.
 */
public final class UiAlarm {
    private final Runnable action;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> planned;
    /** Counts the plans, so a tick already posted for a plan that was replaced does not run. */
    private long plan;

    public UiAlarm(Runnable action) {
        this.action = action;
    }

    /** Runs the action once, delay from now; forgets the moment planned before. */
    public void after(Duration delay) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ui-alarm");
                t.setDaemon(true);
                return t;
            });
        }
        if (planned != null) {
            planned.cancel(false);
        }
        long mine = ++plan;
        planned = timer.schedule(
                () -> Platform.runLater(() -> {
                    if (timer != null && plan == mine) {
                        action.run();
                    }
                }),
                Math.max(0, delay.toMillis()),
                TimeUnit.MILLISECONDS);
    }

    /** Plans nothing more (the window is closing). */
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
            planned = null;
        }
    }
}
