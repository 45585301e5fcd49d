package io.approvals.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The overview counts a pending approval's age from the row's own nanosecond key: the same buckets as whole days of
 * {@code Duration.between(createdAt, now)}, at the bucket edges, for dates centuries away and without a date.
 */
class OverviewAgeTest {
    private static final Instant NOW = Instant.parse("2026-12-07T09:30:00.123456789Z");

    private static int byDuration(Instant created, Instant now) {
        long days = created == null ? 0 : Duration.between(created, now).toDays();
        return days < 1 ? 0 : days < 3 ? 1 : days < 7 ? 2 : 3;
    }

    private static int byKey(Instant created, Instant now) {
        return Overview.ageBucket(ApprovalRow.instantKey(created, Long.MIN_VALUE), ApprovalRow.instantKey(now, 0));
    }

    @Provide
    Arbitrary<Instant> created() {
        Arbitrary<Instant> nearby = Arbitraries.longs()
                .between(-10L * 86_400_000_000_000L, 10L * 86_400_000_000_000L)
                .map(NOW::minusNanos);
        Arbitrary<Instant> edges = Arbitraries.of(0, 1, 3, 7)
                .flatMap(d -> Arbitraries.longs().between(-2, 2).map(n -> NOW.minus(Duration.ofDays(d))
                        .plusNanos(n)));
        Arbitrary<Instant> far =
                Arbitraries.longs().between(-100_000_000_000L, 100_000_000_000L).map(Instant::ofEpochSecond);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, nearby), net.jqwik.api.Tuple.of(3, edges), net.jqwik.api.Tuple.of(2, far));
    }

    @Property(tries = 2000)
    void theBucketIsTheOneWholeDaysGive(@ForAll("created") Instant created) {
        assertThat(byKey(created, NOW)).as("created %s", created).isEqualTo(byDuration(created, NOW));
    }

    @Example
    void anApprovalWithoutADateCountsAsNewAndTheEdgesAreWholeDays() {
        assertThat(byKey(null, NOW)).isZero();
        assertThat(byKey(NOW.minus(Duration.ofDays(1)), NOW)).isEqualTo(1);
        assertThat(byKey(NOW.minus(Duration.ofDays(1)).plusNanos(1), NOW)).isZero();
        assertThat(byKey(NOW.minus(Duration.ofDays(7)), NOW)).isEqualTo(3);
        assertThat(byKey(Instant.MIN, NOW)).isEqualTo(3);
        assertThat(byKey(Instant.MAX, NOW)).isZero();
    }
}
