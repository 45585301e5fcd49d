package io.approvals.console.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per client address in a sliding 60-second window, in memory. Once an
 * address has more than 20 failures in the window, its failing requests get 429 until the oldest
 * failure leaves the window. Valid credentials are never limited.
 */
final class FailedAuthLimiter {
    static final int MAX_FAILURES = 20;
    static final Duration WINDOW = Duration.ofSeconds(60);
    static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /**
     * Records a failure; returns the seconds to wait when this address is now over the limit (answer
     * 429), or empty when a plain 401 is the answer.
     */
    OptionalLong recordFailure(String address, Instant now) {
        if (failures.size() > MAX_TRACKED_ADDRESSES) {
            forgetQuietAddresses(now);
        }
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            dropOld(times, now);
            times.addLast(now);
            // only the newest MAX_FAILURES + 1 matter for the decision and for Retry-After
            while (times.size() > MAX_FAILURES + 1) {
                times.removeFirst();
            }
            if (times.size() <= MAX_FAILURES) {
                return OptionalLong.empty();
            }
            Instant free = times.peekFirst().plus(WINDOW);
            long millis = Duration.between(now, free).toMillis();
            return OptionalLong.of(Math.max(1, (millis + 999) / 1000));
        }
    }

    /** How many addresses have failures on record (tests check that quiet ones are forgotten). */
    int trackedAddresses() {
        return failures.size();
    }

    private static void dropOld(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private void forgetQuietAddresses(Instant now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                dropOld(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }
}
