package io.approvals.console.ui.main;

import java.time.Duration;
import java.time.Instant;

/**
 * When the main window's clock must tick next: at the first moment a text it shows can change. "3 min ago" changes
 * once a minute, "2 d" once a day, "12 s" every second; the refresh and its countdown have their own moments. Ticking
 * every second all day, whatever was shown, was the idle window's largest own cost (bench "idle": wake-ups of the
 * timer thread, the UI thread and the GTK loop). Pure: given instants, tested without a screen.
 */
final class TickPlan {
    /** Never sooner than this after the last tick: texts are by the second at finest, as the old clock was. */
    static final Duration AT_LEAST = Duration.ofSeconds(1);
    /** The table's times are redrawn at least this often (they were refreshed once a minute before). */
    static final Duration TABLE_EVERY = Duration.ofSeconds(60);
    /** The table's redraw may wait this much longer for another tick to come along, so the two make one. */
    static final Duration TABLE_MAY_WAIT = Duration.ofSeconds(10);

    private static final long[] UNITS = {1, 60, 3600, 86_400};

    private TickPlan() {}

    /**
     * When the text of a span counted from then (an age, "2 min ago", "3 d overdue") next changes: at its next whole
     * unit ({@code TimeText.span}: seconds below a minute, minutes below an hour, hours below a day, then days).
     */
    static Instant sinceChanges(Instant then, Instant now) {
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        long unit = unitOf(s);
        return then.plusSeconds((s / unit + 1) * unit);
    }

    /**
     * When the text of a due date ({@code TimeText.due}: "in 3 h", then "3 h overdue") next changes. Before the date
     * when fewer than the whole units shown are left; after it when the next whole unit has begun (it counts a started
     * second as one: "1 s overdue" at once).
     */
    static Instant untilChanges(Instant at, Instant now) {
        if (now.isBefore(at)) {
            long s = Duration.between(now, at).getSeconds();
            long unit = unitOf(s);
            return at.minusSeconds(s / unit * unit).plusNanos(1);
        }
        long s = Math.abs(Duration.between(now, at).getSeconds());
        long unit = unitOf(s);
        return at.plusSeconds((s / unit + 1) * unit - 1).plusNanos(1);
    }

    /** The status bar's "refreshed just now" for the first minute, then as {@link #sinceChanges}. */
    static Instant refreshedChanges(Instant refreshed, Instant now) {
        if (refreshed == null) {
            return null;
        }
        Instant minute = refreshed.plusSeconds(60);
        return now.isBefore(minute) ? minute : sinceChanges(refreshed, now);
    }

    /**
     * The next tick: the earliest of the moments (null: none), but the table's redraw, whose moment is not exact,
     * waits up to {@link #TABLE_MAY_WAIT} for one of the others; never sooner than {@link #AT_LEAST} from now.
     */
    static Instant next(Instant now, Instant table, Instant... moments) {
        Instant next = null;
        for (Instant m : moments) {
            next = earliest(next, m);
        }
        if (table != null && (next == null || next.isAfter(table.plus(TABLE_MAY_WAIT)))) {
            next = table;
        }
        Instant soonest = now.plus(AT_LEAST);
        return next == null || next.isBefore(soonest) ? soonest : next;
    }

    static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static long unitOf(long seconds) {
        return seconds < 60 ? UNITS[0] : seconds < 3600 ? UNITS[1] : seconds < 86_400 ? UNITS[2] : UNITS[3];
    }
}
