package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The per-address limit on failed authentications, driven with explicit instants: the 21st failure in
 * 60 s is limited and the 20th is not, a failure exactly 60 s old has left the window, Retry-After counts
 * from the oldest failure that still matters, and quiet addresses are forgotten once more than 10,000 are
 * tracked while busy ones are kept.
 */
class FailedAuthLimiterTest {
    private static final Instant T0 = Instant.parse("2026-11-27T04:00:00Z");

    private final FailedAuthLimiter limiter = new FailedAuthLimiter();

    private OptionalLong fail(String address, Instant at) {
        return limiter.recordFailure(address, at);
    }

    @Test
    void twentyFailuresAreAnsweredPlainlyTheTwentyFirstIsLimited() {
        for (int i = 1; i <= FailedAuthLimiter.MAX_FAILURES; i++) {
            assertThat(fail("10.0.0.1", T0)).as("failure %d", i).isEmpty();
        }
        assertThat(fail("10.0.0.1", T0)).hasValue(60);
        assertThat(fail("10.0.0.1", T0)).hasValue(60);
        // another address is not affected
        assertThat(fail("10.0.0.2", T0)).isEmpty();
    }

    @Test
    void aFailureExactlySixtySecondsOldHasLeftTheWindow() {
        for (int i = 0; i < FailedAuthLimiter.MAX_FAILURES; i++) {
            fail("a", T0);
        }
        assertThat(fail("a", T0.plus(Duration.ofSeconds(60)))).isEmpty();

        FailedAuthLimiter other = new FailedAuthLimiter();
        for (int i = 0; i < FailedAuthLimiter.MAX_FAILURES; i++) {
            other.recordFailure("a", T0);
        }
        assertThat(other.recordFailure("a", T0.plus(Duration.ofSeconds(60)).minusMillis(1)))
                .hasValue(1);
    }

    @Test
    void retryAfterCountsFromTheOldestFailureThatStillMatters() {
        // one failure a second for 30 s: only the newest 21 matter, the oldest of them at T0 + 9 s,
        // which leaves the window at T0 + 69 s, 40 s after the last failure
        OptionalLong last = OptionalLong.empty();
        for (int i = 0; i < 30; i++) {
            last = fail("b", T0.plusSeconds(i));
        }
        assertThat(last).hasValue(40);
    }

    @Test
    void retryAfterRoundsUpToWholeSecondsAndIsNeverZero() {
        for (int i = 0; i < FailedAuthLimiter.MAX_FAILURES; i++) {
            fail("c", T0);
        }
        // the oldest failure leaves the window 1.5 s later: 2 s to wait
        assertThat(fail("c", T0.plusMillis(58_500))).hasValue(2);

        FailedAuthLimiter other = new FailedAuthLimiter();
        for (int i = 0; i < FailedAuthLimiter.MAX_FAILURES; i++) {
            other.recordFailure("c", T0);
        }
        // a nanosecond before the oldest leaves: still at least 1 s
        assertThat(other.recordFailure("c", T0.plus(Duration.ofSeconds(60)).minusNanos(1)))
                .hasValue(1);
    }

    @Test
    void quietAddressesAreForgottenOnceMoreThanTenThousandAreTracked() {
        for (int i = 0; i < FailedAuthLimiter.MAX_TRACKED_ADDRESSES; i++) {
            fail("quiet-" + i, T0);
        }
        for (int i = 0; i < 21; i++) {
            fail("busy", T0.plusSeconds(30));
        }
        assertThat(limiter.trackedAddresses()).isEqualTo(10_001);

        // a minute after the quiet ones failed: the next failure forgets them, not the busy address
        Instant later = T0.plusSeconds(61);
        assertThat(fail("newcomer", later)).isEmpty();
        assertThat(limiter.trackedAddresses()).isEqualTo(2);
        assertThat(fail("busy", later)).as("still limited after the clean-up").hasValue(29);
    }

    @Test
    void noCleanUpUpToTenThousandAddresses() {
        for (int i = 0; i < FailedAuthLimiter.MAX_TRACKED_ADDRESSES - 1; i++) {
            fail("quiet-" + i, T0);
        }
        fail("last", T0.plusSeconds(61));
        assertThat(limiter.trackedAddresses()).isEqualTo(10_000);
        fail("one-more", T0.plusSeconds(61));
        assertThat(limiter.trackedAddresses())
                .as("10,000 tracked: not over the limit yet")
                .isEqualTo(10_001);
        fail("and-another", T0.plusSeconds(61));
        assertThat(limiter.trackedAddresses()).isEqualTo(3);
    }
}
