package io.approvals.console.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before trying a request again: exponential backoff with full jitter,
 * and the server's Retry-After for 429/503 when it is short enough to wait for in place.
 *
 * @param maxAttempts   attempts in all, the first included
 * @param baseDelay     the first backoff's upper bound
 * @param maxDelay      no backoff waits longer than this
 * @param maxRetryAfter a longer Retry-After is handed to the caller (as RateLimited) instead of waited for
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(10));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Backoff before attempt number {@code attempt + 1} (attempt counts from 1). */
    Duration backoff(int attempt) {
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return cap <= 0
                ? Duration.ZERO
                : Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }
}
