package io.approvals.console.ui.keys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Timers a test fires by hand: "10 seconds passed" without waiting 10 seconds. */
final class ManualTimers implements Timers {
    private final List<Entry> entries = new ArrayList<>();

    private static final class Entry {
        final Duration delay;
        final Runnable action;
        boolean cancelled;

        Entry(Duration delay, Runnable action) {
            this.delay = delay;
            this.action = action;
        }
    }

    @Override
    public Cancellable after(Duration delay, Runnable action) {
        Entry e = new Entry(delay, action);
        entries.add(e);
        return () -> e.cancelled = true;
    }

    /** Fires every live timer of this delay; returns how many fired. */
    int fire(Duration delay) {
        int n = 0;
        for (Entry e : new ArrayList<>(entries)) {
            if (!e.cancelled && e.delay.equals(delay)) {
                e.cancelled = true;
                e.action.run();
                n++;
            }
        }
        return n;
    }

    long live() {
        return entries.stream().filter(e -> !e.cancelled).count();
    }
}
