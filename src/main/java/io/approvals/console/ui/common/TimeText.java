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
        int kind = kindOf(s);
        return worded(kind, countOf(s, kind));
    }

    private static final int SECONDS = 0;
    private static final int MINUTES = 1;
    private static final int HOURS = 2;
    private static final int DAYS = 3;
    private static final int IN = 4;
    private static final int OVERDUE = 8;
    private static final String[] KEYS = {"main.time.s", "main.time.min", "main.time.h", "main.time.d"};

    /** The texts made so far, for the bundle they came from: each cell of the Age and Due columns asked for two or three
     * MessageFormats (a pattern parsed each time) while scrolling (bench "100k"); a table shows few different ones. */
    private record Worded(
            java.util.ResourceBundle bundle, java.util.concurrent.ConcurrentHashMap<Long, String> texts) {}

    private static volatile Worded worded;

    /** "3 d" (kind SECONDS..DAYS), "in 3 d" (| IN), "3 d overdue" (| OVERDUE), made once per bundle. */
    private static String worded(int kind, long n) {
        java.util.ResourceBundle b = Messages.bundle();
        Worded w = worded;
        if (w == null || w.bundle() != b) {
            w = new Worded(b, new java.util.concurrent.ConcurrentHashMap<>());
            worded = w;
        }
        if (w.texts().size() > 10_000) {
            w.texts().clear();
        }
        return w.texts().computeIfAbsent(n << 4 | kind, k -> {
            String span = Messages.format(KEYS[kind & 3], n);
            return (kind & IN) != 0
                    ? Messages.format("time.in", span)
                    : (kind & OVERDUE) != 0 ? Messages.format("main.time.overdue", span) : span;
        });
    }

    private static int kindOf(long s) {
        return s < 60 ? SECONDS : s < 3600 ? MINUTES : s < 86_400 ? HOURS : DAYS;
    }

    private static long countOf(long s, int kind) {
        return switch (kind) {
            case SECONDS -> s;
            case MINUTES -> s / 60;
            case HOURS -> s / 3600;
            default -> s / 86_400;
        };
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
        long s = Math.abs(d.getSeconds());
        int kind = kindOf(s);
        return worded(kind | (d.isNegative() ? OVERDUE : IN), countOf(s, kind));
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
     * "yesterday 09:00:00, 1 d ago", "Fri 27 Nov 2026, 10:15:00, 9 d ago". Its patterns come from the bundle
     * (time.clockSeconds, time.dateSeconds) as {@link #full}'s does: the locale's own medium style gave an American
     * English desktop "1:20:37 PM" in the key windows beside "14:20" in the main window.
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
        String time = pattern("time.clockSeconds").format(at);
        String day = days == 0
                ? Messages.format("time.today", time)
                : days == 1
                        ? Messages.format("time.tomorrow", time)
                        : days == -1
                                ? Messages.format("time.yesterday", time)
                                : pattern("time.dateSeconds").format(at);
        Duration d = Duration.between(now, t);
        String rel = d.isNegative()
                ? Messages.format("time.ago", spanPrecise(d))
                : Messages.format("time.in", spanPrecise(d));
        return Messages.format("time.moment", day, rel);
    }

    private static DateTimeFormatter pattern(String key) {
        return DateTimeFormatter.ofPattern(Messages.get(key), Messages.locale());
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
