package io.approvals.console.ui.keys;

import java.time.Duration;

/** Runs something on the UI thread after a while: the reveal that hides itself, the clipboard that clears itself. */
public interface Timers {

    /** Schedules action after delay; the handle cancels it. */
    Cancellable after(Duration delay, Runnable action);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
