package io.approvals.console.ui.main;

import java.time.Duration;
import java.time.Instant;

/**
 * When the list is fetched again: at the chosen interval while all is well, on a doubling countdown while the
 * server cannot be reached, after the server's wait when it limits us, and not at all while the key is rejected.
 * Pure: it is told the time and touches nothing else, so it is tested without a server or a screen.
 */
final class RefreshSchedule {
    static final Duration FIRST_OFFLINE_RETRY = Duration.ofSeconds(5);
    static final Duration MAX_OFFLINE_RETRY = Duration.ofSeconds(60);

    /** What a tick of the clock calls for. */
    enum Step {
        NOTHING,
        REFRESH,
        COUNTDOWN
    }

    private Instant nextAutoRefresh;
    private Instant retryAt;
    private Banner.Kind retryKind;
    private int offlineFailures;
    private boolean paused;

    /** The next automatic refresh is due {@code everySeconds} from now; none when it is 0. */
    void scheduleNext(Instant now, int everySeconds) {
        nextAutoRefresh = everySeconds > 0 ? now.plusSeconds(everySeconds) : null;
    }

    /** A fetch worked: the back-off starts over. */
    void succeeded() {
        offlineFailures = 0;
        retryAt = null;
    }

    /** The server could not be reached: the seconds until the next try, doubling up to a minute. */
    long offline(Instant now) {
        offlineFailures++;
        long wait = Math.min(
                MAX_OFFLINE_RETRY.toSeconds(), FIRST_OFFLINE_RETRY.toSeconds() << Math.min(offlineFailures - 1, 6));
        retryAt = now.plusSeconds(wait);
        retryKind = Banner.Kind.OFFLINE;
        return wait;
    }

    /** The server asked us to wait: the seconds until the next try (at least one). */
    long rateLimited(Instant now, Duration retryAfter) {
        long wait = Math.max(1, retryAfter.toSeconds());
        retryAt = now.plusSeconds(wait);
        retryKind = Banner.Kind.RATE_LIMITED;
        return wait;
    }

    /** The key was rejected: nothing is fetched until {@link #resume}. */
    void pause() {
        retryAt = null;
        paused = true;
    }

    void resume() {
        paused = false;
    }

    /** What to do at {@code now}: a due retry or automatic refresh, a countdown to the retry, or nothing. */
    Step step(Instant now, int everySeconds) {
        if (retryAt != null) {
            if (!now.isBefore(retryAt)) {
                retryAt = null;
                return Step.REFRESH;
            }
            return Step.COUNTDOWN;
        }
        return !paused && everySeconds > 0 && nextAutoRefresh != null && !now.isBefore(nextAutoRefresh)
                ? Step.REFRESH
                : Step.NOTHING;
    }

    /**
     * When {@link #step} next has something to do: each second of a retry's countdown (it is shown), else the
     * automatic refresh; null when nothing is planned.
     */
    Instant nextStep(Instant now, int everySeconds) {
        if (retryAt != null) {
            return TickPlan.earliest(now.plusSeconds(1), retryAt);
        }
        return !paused && everySeconds > 0 ? nextAutoRefresh : null;
    }

    /** Whole seconds until the planned retry (0 when none is planned or it is due). */
    long secondsLeft(Instant now) {
        return retryAt == null ? 0 : Math.max(0, Duration.between(now, retryAt).toSeconds());
    }

    /** Why the planned retry waits: {@link Banner.Kind#OFFLINE} or {@link Banner.Kind#RATE_LIMITED}. */
    Banner.Kind retryKind() {
        return retryKind;
    }
}
