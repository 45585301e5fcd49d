package io.approvals.console.ui.keys;

import io.approvals.console.service.FailureText;
import io.approvals.console.ui.common.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times and failures read in the key windows. */
final class KeyTexts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private KeyTexts() {
    }

    static String time(Instant t, ZoneId zone) {
        return t == null ? "" : TIME.withZone(zone).format(t);
    }

    /** "in 3 days", "in 5 hours", "in 12 minutes", or "passed". */
    static String until(Instant t, Instant now) {
        Duration d = Duration.between(now, t);
        if (d.isNegative() || d.isZero()) {
            return "passed";
        }
        if (d.toDays() >= 2) {
            return "in " + d.toDays() + " days";
        }
        if (d.toHours() >= 2) {
            return "in " + d.toHours() + " hours";
        }
        return "in " + Math.max(1, d.toMinutes()) + " minutes";
    }

    /** What a failure means and what to do next, as everywhere else ({@link FailureText}). */
    static String failure(Throwable e) {
        return FailureText.of(e, Messages.locale()).line();
    }
}
