package io.approvals.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.TimeText;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The window's clock ticks when a shown text changes: by the second only while a text is in seconds. */
class TickPlanTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00.250Z");

    @BeforeEach
    void english() {
        Messages.useLanguage("en");
    }

    @AfterEach
    void theDefaultLanguage() {
        Messages.useLanguage(null);
    }

    @Test
    void anAgeChangesAtItsNextWholeUnit() {
        assertThat(TickPlan.sinceChanges(NOW.minusSeconds(10), NOW)).isEqualTo(NOW.plusSeconds(1));
        Instant created = NOW.minus(Duration.ofMinutes(5).plusSeconds(30));
        assertThat(TickPlan.sinceChanges(created, NOW)).isEqualTo(created.plus(Duration.ofMinutes(6)));
        created = NOW.minus(Duration.ofHours(3).plusMinutes(10));
        assertThat(TickPlan.sinceChanges(created, NOW)).isEqualTo(created.plus(Duration.ofHours(4)));
        created = NOW.minus(Duration.ofDays(2));
        assertThat(TickPlan.sinceChanges(created, NOW)).isEqualTo(created.plus(Duration.ofDays(3)));
    }

    /** Every age from 0 s to 3 days: the text stays until the planned moment and has changed at it. */
    @Test
    void theAgeTextChangesExactlyWhenPlanned() {
        Instant created = Instant.parse("2026-12-01T08:00:00.400Z");
        Instant now = created;
        int ticks = 0;
        while (now.isBefore(created.plus(Duration.ofDays(3)))) {
            Instant next = TickPlan.sinceChanges(created, now);
            String shown = TimeText.age(created, now);
            assertThat(TimeText.age(created, next.minusMillis(1)))
                    .as("just before %s", next)
                    .isEqualTo(shown);
            assertThat(TimeText.age(created, next)).as("at %s", next).isNotEqualTo(shown);
            now = next;
            ticks++;
        }
        // 60 for the first minute, 59 for the rest of the first hour, 23 for the rest of the day, then one a day
        assertThat(ticks).isEqualTo(60 + 59 + 23 + 2);
    }

    /** A due date from 3 days ahead to 3 days overdue: the same for "in 2 h" and "2 h overdue". */
    @Test
    void theDueTextChangesExactlyWhenPlanned() {
        Instant due = Instant.parse("2026-12-06T18:30:00.700Z");
        Instant now = due.minus(Duration.ofDays(3));
        while (now.isBefore(due.plus(Duration.ofDays(3)))) {
            Instant next = TickPlan.untilChanges(due, now);
            String shown = TimeText.due(due, now);
            assertThat(next).isAfter(now);
            assertThat(TimeText.due(due, next.minusMillis(1)))
                    .as("just before %s", next)
                    .isEqualTo(shown);
            // a change lands within the millisecond after the planned moment
            assertThat(TimeText.due(due, next.plusMillis(1))).as("at %s", next).isNotEqualTo(shown);
            now = next;
        }
    }

    @Test
    void refreshedJustNowChangesAfterAMinuteThenByTheMinute() {
        Instant refreshed = NOW.minusSeconds(5);
        assertThat(TickPlan.refreshedChanges(refreshed, NOW)).isEqualTo(refreshed.plusSeconds(60));
        assertThat(TickPlan.refreshedChanges(refreshed, refreshed.plusSeconds(130)))
                .isEqualTo(refreshed.plusSeconds(180));
        assertThat(TickPlan.refreshedChanges(null, NOW)).isNull();
    }

    @Test
    void nothingInSecondsMeansNoTickForAMinute() {
        Instant table = NOW.plusSeconds(60);
        Instant refreshedText = NOW.plusSeconds(48);
        assertThat(TickPlan.next(NOW, table, refreshedText, null)).isEqualTo(refreshedText);
        assertThat(TickPlan.next(NOW, table, (Instant) null)).isEqualTo(table);
    }

    @Test
    void theTableWaitsAMomentForAnotherTickButNotLong() {
        Instant table = NOW.plusSeconds(60);
        assertThat(TickPlan.next(NOW, table, table.plusSeconds(4))).isEqualTo(table.plusSeconds(4));
        assertThat(TickPlan.next(NOW, table, table.plusSeconds(30))).isEqualTo(table);
    }

    @Test
    void neverSoonerThanASecond() {
        assertThat(TickPlan.next(NOW, null, NOW.plusMillis(200))).isEqualTo(NOW.plusSeconds(1));
        assertThat(TickPlan.next(NOW, null, NOW.minusSeconds(3))).isEqualTo(NOW.plusSeconds(1));
        assertThat(TickPlan.next(NOW, null)).isEqualTo(NOW.plusSeconds(1));
    }
}
