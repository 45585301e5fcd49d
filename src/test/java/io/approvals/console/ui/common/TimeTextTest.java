package io.approvals.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relative times the table shows are made once per language and reused: they must follow a change of language. */
class TimeTextTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @AfterEach
    void theDefaultLanguage() {
        Messages.useLanguage(null);
    }

    @Test
    void spansDueAndOverdueFollowTheLanguage() {
        Messages.useLanguage("en");
        assertThat(TimeText.age(NOW.minus(Duration.ofDays(3)), NOW)).isEqualTo("3 d");
        assertThat(TimeText.due(NOW.plus(Duration.ofHours(5)), NOW)).isEqualTo("in 5 h");
        assertThat(TimeText.due(NOW.minus(Duration.ofDays(2)), NOW)).isEqualTo("2 d overdue");
        assertThat(TimeText.due(NOW.plus(Duration.ofSeconds(42)), NOW)).isEqualTo("in 42 s");
        assertThat(TimeText.span(Duration.ofMinutes(12))).isEqualTo("12 min");

        Messages.useLanguage("de");
        assertThat(TimeText.age(NOW.minus(Duration.ofDays(3)), NOW)).isEqualTo("3 T");
        assertThat(TimeText.due(NOW.minus(Duration.ofDays(2)), NOW)).isEqualTo("2 T \u00fcberf\u00e4llig");

        Messages.useLanguage("en");
        assertThat(TimeText.age(NOW.minus(Duration.ofDays(3)), NOW)).isEqualTo("3 d");
    }

    @Test
    void momentsUseTheTwentyFourHourClockOfTheMainWindowInEveryLocale() {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.US);
            Messages.useLanguage(null);
            assertThat(TimeText.moment(NOW.plusSeconds(3600), NOW, berlin)).isEqualTo("today 14:00:00, in 1 h");
            assertThat(TimeText.moment(NOW.minus(Duration.ofDays(9)), NOW, berlin))
                    .isEqualTo("Fri 27 Nov 2026, 13:00:00, 9 d ago");
            Messages.useLanguage("de");
            assertThat(TimeText.moment(NOW.minus(Duration.ofDays(1)), NOW, berlin))
                    .isEqualTo("gestern 13:00:00, vor 1 T");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void aDueOfTwoDaysAndTwoDaysOverdueAreNotConfused() {
        Messages.useLanguage("en");
        assertThat(TimeText.due(NOW.plus(Duration.ofDays(2)), NOW)).isEqualTo("in 2 d");
        assertThat(TimeText.due(NOW.minus(Duration.ofDays(2)), NOW)).isEqualTo("2 d overdue");
        assertThat(TimeText.age(NOW.minus(Duration.ofDays(2)), NOW)).isEqualTo("2 d");
    }
}
