package io.approvals.console.ui.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people say them: "3 h", "in 3 d", "2 d overdue", "12 s ago". */
public final class TimeText {
    /** The pattern of {@link #full} comes from the bundle (main.time.full), in the language's words. */
    private static volatile DateTimeFormatter full;

    private static volatile Locale fullLocale;
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private TimeText() {}

    /** A short span: "45 s", "12 min", "3 h", "4 d" (units from the bundle: main.time.s, .min, .h, .d). */
    public static String span(Duration d) {
        long s = Math.abs(d.getSeconds());
        if (s < 60) {
            return Messages.format("main.time.s", s);
        }
        if (s < 3600) {
            return Messages.format("main.time.min", s / 60);
        }
        if (s < 86_400) {
            return Messages.format("main.time.h", s / 3600);
        }
        return Messages.format("main.time.d", s / 86_400);
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
        return d.isNegative() ? Messages.format("main.time.overdue", span(d)) : Messages.format("time.in", span(d));
    }

    /** "12 s ago", "never". */
    public static String ago(Instant then, Instant now) {
        return then == null
                ? Messages.get("main.time.never")
                : Messages.format("time.ago", span(Duration.between(then, now)));
    }

    /** "Fri 27 Nov 2026, 10:15" in the local zone. */
    public static String full(Instant t) {
        if (t == null) {
            return "";
        }
        DateTimeFormatter f = full;
        if (f == null || fullLocale != Messages.locale()) {
            fullLocale = Messages.locale();
            f = DateTimeFormatter.ofPattern(Messages.get("main.time.full"), fullLocale)
                    .withZone(ZoneId.systemDefault());
            full = f;
        }
        return f.format(t);
    }

    /**
     * A moment in the user's language and zone, with how far it is: "today 14:03:12, in 23 h 59 min",
     * "yesterday 09:00:00, 1 d ago", "27.11.2026, 10:15:00, 9 d ago".
     */
    public static String moment(Instant t, Instant now) {
        return moment(t, now, ZoneId.systemDefault());
    }

    public static String moment(Instant t, Instant now, ZoneId zone) {
        if (t == null) {
            return "";
        }
        java.time.ZonedDateTime at = t.atZone(zone);
        long days = java.time.temporal.ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), at.toLocalDate());
        String time = DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.MEDIUM)
                .withLocale(Messages.locale())
                .format(at);
        String day = days == 0
                ? Messages.format("time.today", time)
                : days == 1
                        ? Messages.format("time.tomorrow", time)
                        : days == -1
                                ? Messages.format("time.yesterday", time)
                                : DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM)
                                        .withLocale(Messages.locale())
                                        .format(at);
        Duration d = Duration.between(now, t);
        String rel = d.isNegative()
                ? Messages.format("time.ago", spanPrecise(d))
                : Messages.format("time.in", spanPrecise(d));
        return Messages.format("time.moment", day, rel);
    }

    /** Two units where they matter: "23 h 59 min", "2 d 3 h", "45 s". */
    public static String spanPrecise(Duration d) {
        long s = Math.abs(d.getSeconds());
        if (s < 60) {
            return Messages.format("main.time.s", s);
        }
        if (s < 3600) {
            return Messages.format("main.time.min", s / 60);
        }
        if (s < 86_400) {
            long m = (s % 3600) / 60;
            return Messages.format("main.time.h", s / 3600) + (m == 0 ? "" : " " + Messages.format("main.time.min", m));
        }
        long h = (s % 86_400) / 3600;
        return Messages.format("main.time.d", s / 86_400) + (h == 0 ? "" : " " + Messages.format("main.time.h", h));
    }

    /** "10:15" local. */
    public static String clock(Instant t) {
        return t == null ? "" : CLOCK.format(t);
    }
}
