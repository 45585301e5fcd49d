package io.approvals.console.ui.keys;

import io.approvals.console.client.ApiException;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.service.ServiceException;
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

    /** Our exceptions' messages are written to be shown and never hold a key; anything else is named only. */
    static String failure(Throwable e) {
        if (e instanceof ApiException || e instanceof KeychainException || e instanceof ServiceException
                || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return "Something went wrong (" + e.getClass().getSimpleName() + "). Try again.";
    }
}
