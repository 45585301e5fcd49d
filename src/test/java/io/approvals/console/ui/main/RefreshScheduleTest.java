package io.approvals.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.ui.main.RefreshSchedule.Step;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When the list is fetched again, told the time: no server, no screen, no waiting. */
class RefreshScheduleTest {
    final Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
    final RefreshSchedule schedule = new RefreshSchedule();

    @Test
    void theAutomaticRefreshComesAtTheIntervalAndNotAtAllWhenItIsOff() {
        schedule.scheduleNext(t0, 30);
        assertThat(schedule.step(t0.plusSeconds(29), 30)).isEqualTo(Step.NOTHING);
        assertThat(schedule.step(t0.plusSeconds(30), 30)).isEqualTo(Step.REFRESH);
        schedule.scheduleNext(t0, 0);
        assertThat(schedule.step(t0.plusSeconds(3600), 0)).isEqualTo(Step.NOTHING);
    }

    @Test
    void offlineRetriesDoubleUpToAMinuteAndStartOverAfterASuccess() {
        assertThat(schedule.offline(t0)).isEqualTo(5);
        assertThat(schedule.offline(t0)).isEqualTo(10);
        assertThat(schedule.offline(t0)).isEqualTo(20);
        assertThat(schedule.offline(t0)).isEqualTo(40);
        assertThat(schedule.offline(t0)).isEqualTo(60);
        assertThat(schedule.offline(t0)).isEqualTo(60);
        assertThat(schedule.retryKind()).isEqualTo(Banner.Kind.OFFLINE);
        schedule.succeeded();
        assertThat(schedule.offline(t0)).isEqualTo(5);
    }

    @Test
    void aPlannedRetryCountsDownThenRefreshesOnce() {
        schedule.offline(t0);
        assertThat(schedule.step(t0.plusSeconds(2), 30)).isEqualTo(Step.COUNTDOWN);
        assertThat(schedule.secondsLeft(t0.plusSeconds(2))).isEqualTo(3);
        assertThat(schedule.step(t0.plusSeconds(5), 30)).isEqualTo(Step.REFRESH);
        assertThat(schedule.step(t0.plusSeconds(6), 30)).isEqualTo(Step.NOTHING);
    }

    @Test
    void aRateLimitWaitsWhatTheServerAskedAtLeastASecond() {
        assertThat(schedule.rateLimited(t0, Duration.ofSeconds(17))).isEqualTo(17);
        assertThat(schedule.retryKind()).isEqualTo(Banner.Kind.RATE_LIMITED);
        assertThat(schedule.rateLimited(t0, Duration.ZERO)).isEqualTo(1);
    }

    @Test
    void aRejectedKeyPausesTheAutomaticRefreshUntilResumed() {
        schedule.scheduleNext(t0, 30);
        schedule.offline(t0);
        schedule.pause();
        assertThat(schedule.step(t0.plusSeconds(60), 30)).isEqualTo(Step.NOTHING);
        schedule.resume();
        assertThat(schedule.step(t0.plusSeconds(60), 30)).isEqualTo(Step.REFRESH);
    }
}
