package io.approvals.console.service;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the old secret keeps working after a regeneration: zero when the key is compromised (it dies
 * at once), up to 7 days for a routine rotation, so other running clients can switch over.
 */
public record RotationGrace(Duration duration) {
    public static final Duration MAX = Duration.ofDays(7);
    public static final RotationGrace COMPROMISED = new RotationGrace(Duration.ZERO);
    public static final RotationGrace ONE_HOUR = new RotationGrace(Duration.ofHours(1));
    public static final RotationGrace ONE_DAY = new RotationGrace(Duration.ofHours(24));
    public static final RotationGrace SEVEN_DAYS = new RotationGrace(MAX);
    /** The routine choices offered in the app. */
    public static final List<RotationGrace> ROUTINE = List.of(ONE_HOUR, ONE_DAY, SEVEN_DAYS);

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(s|sec|m|min|h|d)?");

    public RotationGrace {
        if (duration == null || duration.isNegative() || duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("The grace period must be between 0 and 7 days.");
        }
        if (duration.getNano() != 0) {
            throw new IllegalArgumentException("The grace period is counted in whole seconds.");
        }
    }

    public static RotationGrace of(Duration d) {
        return new RotationGrace(d);
    }

    /**
     * Parses "3600" (seconds), "90s", "30m", "1h", "24h", "7d" or ISO-8601 ("PT1H"). Throws
     * IllegalArgumentException with a message fit to show.
     */
    public static RotationGrace parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            d = switch (unit) {
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
        } else {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Not a duration. Write e.g. 1h, 24h, 7d, 90m or 3600 (seconds).");
            }
        }
        if (d.compareTo(MAX) > 0 || d.isNegative()) {
            throw new IllegalArgumentException("The grace period must be between 0 and 7 days (7d).");
        }
        return new RotationGrace(d);
    }

    public int seconds() {
        return (int) duration.toSeconds();
    }

    public boolean compromised() {
        return duration.isZero();
    }

    /** "at once", "1 hour", "24 hours", "7 days", "90 minutes", "2 seconds". */
    public String describe() {
        long s = duration.toSeconds();
        if (s == 0) {
            return "at once";
        }
        if (s % 86_400 == 0 && s / 86_400 != 1 && s >= 86_400 * 2) {
            return plural(s / 86_400, "day");
        }
        if (s % 3600 == 0) {
            return plural(s / 3600, "hour");
        }
        if (s % 60 == 0) {
            return plural(s / 60, "minute");
        }
        return plural(s, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
