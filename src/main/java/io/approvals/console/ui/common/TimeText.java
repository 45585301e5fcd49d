package io.approvals.console.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people say them: "3 h", "in 3 d", "2 d overdue", "12 s ago". */
public final class TimeText {
    private static final DateTimeFormatter FULL =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private TimeText() {
    }

    /** A short span: "45 s", "12 min", "3 h", "4 d". */
    public static String span(Duration d) {
        long s = Math.abs(d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        if (s < 86_400) {
            return (s / 3600) + " h";
        }
        return (s / 86_400) + " d";
    }

    /** Age of something created at createdAt: "3 d". */
    public static String age(Instant createdAt, Instant now) {
        return createdAt == null ? "" : span(Duration.between(createdAt, now));
    }

    /** "in 3 d", "2 d overdue", "" for none. */
    public static String due(Instant dueAt, Instant now) {
        if (dueAt == null) {
            return "";
        }
        Duration d = Duration.between(now, dueAt);
        return d.isNegative() ? span(d) + " overdue" : "in " + span(d);
    }

    /** "12 s ago", "never". */
    public static String ago(Instant then, Instant now) {
        return then == null ? "never" : span(Duration.between(then, now)) + " ago";
    }

    /** "Fri 27 Nov 2026, 10:15" in the local zone. */
    public static String full(Instant t) {
        return t == null ? "" : FULL.format(t);
    }

    /** "10:15" local. */
    public static String clock(Instant t) {
        return t == null ? "" : CLOCK.format(t);
    }
}
