package io.approvals.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LongSummaryStatistics;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The backoff before retry n+1 is full jitter within [0, min(maxDelay, base * 2^(n-1))]: never above the
 * bound, and (over a few hundred draws) reaching above the previous attempt's bound, so it keeps growing.
 */
class RetryPolicyTest {
    private static final int DRAWS = 400;

    private static LongSummaryStatistics draws(RetryPolicy p, int attempt) {
        return IntStream.range(0, DRAWS)
                .mapToLong(i -> p.backoff(attempt).toMillis())
                .summaryStatistics();
    }

    @Test
    void backoffStaysWithinBaseTimesTwoToTheAttemptMinusOneAndGrows() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(60), Duration.ofSeconds(10));
        for (int attempt = 1; attempt <= 6; attempt++) {
            long bound = 100L << (attempt - 1);
            LongSummaryStatistics s = draws(p, attempt);
            assertThat(s.getMin()).as("attempt %d", attempt).isGreaterThanOrEqualTo(0);
            assertThat(s.getMax())
                    .as("attempt %d", attempt)
                    .isLessThanOrEqualTo(bound)
                    .isGreaterThan(bound / 2);
        }
    }

    @Test
    void theBoundIncludesItsEnds() {
        // a bound of 1 ms: both 0 and 1 come up
        RetryPolicy p = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        LongSummaryStatistics s = draws(p, 1);
        assertThat(s.getMin()).isZero();
        assertThat(s.getMax()).isEqualTo(1);
    }

    @Test
    void maxDelayCapsTheBackoff() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofMillis(1_500), Duration.ofSeconds(10));
        LongSummaryStatistics s = draws(p, 5);
        assertThat(s.getMax()).isLessThanOrEqualTo(1_500).isGreaterThan(1_000);
    }

    @Test
    void theDoublingStopsAtTwoToTheTwentieth() {
        RetryPolicy p = new RetryPolicy(100, Duration.ofMillis(1), Duration.ofDays(365), Duration.ofSeconds(10));
        long bound = 1L << 20;
        for (int attempt : new int[] {21, 30, 64}) {
            LongSummaryStatistics s = draws(p, attempt);
            assertThat(s.getMax())
                    .as("attempt %d", attempt)
                    .isLessThanOrEqualTo(bound)
                    .isGreaterThan(bound / 2);
        }
    }

    @Test
    void noDelayMeansNoBackoff() {
        assertThat(RetryPolicy.NONE.backoff(1)).isEqualTo(Duration.ZERO);
        assertThat(RetryPolicy.NONE.backoff(5)).isEqualTo(Duration.ZERO);
        assertThat(RetryPolicy.DEFAULT.backoff(1)).isLessThanOrEqualTo(Duration.ofMillis(250));
        assertThat(RetryPolicy.DEFAULT.backoff(10)).isLessThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aNegativeDelayWaitsNotAtAllInsteadOfFailing() {
        RetryPolicy negativeMax = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(-1), Duration.ZERO);
        RetryPolicy negativeBase = new RetryPolicy(3, Duration.ofMillis(-5), Duration.ofSeconds(1), Duration.ZERO);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(negativeMax.backoff(attempt)).isEqualTo(Duration.ZERO);
            assertThat(negativeBase.backoff(attempt)).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void atLeastOneAttempt() {
        assertThat(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO).maxAttempts())
                .isEqualTo(1);
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts must be at least 1");
    }
}
