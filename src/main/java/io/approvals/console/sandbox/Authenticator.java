package io.approvals.console.sandbox;

import com.sun.net.httpserver.Headers;
import io.approvals.console.contract.ApiKey;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds the caller of a request: the key from X-API-Key (or Authorization: Bearer), its format and
 * checksum checked before any lookup, then the SHA-256 digest looked up in the in-memory registry.
 * Failures count towards the per-address 429 limit.
 */
final class Authenticator {
    static final String HEADER = "X-API-Key";

    private final KeyRegistry registry;
    private final FailedAuthLimiter limiter;
    private final Clock clock;

    Authenticator(KeyRegistry registry, FailedAuthLimiter limiter, Clock clock) {
        this.registry = registry;
        this.limiter = limiter;
        this.clock = clock;
    }

    Caller authenticate(Headers headers, String clientAddress) {
        String presented = credential(headers);
        String failure;
        if (presented == null) {
            failure = "No API key: send it in the X-API-Key header.";
        } else {
            ApiKey.Format format = ApiKey.formatOf(presented);
            if (format == ApiKey.Format.VALID) {
                String digest = HexFormat.of().formatHex(ApiKey.sha256(presented.strip()));
                Optional<Caller> caller = registry.lookup(digest, clock.instant());
                if (caller.isPresent()) {
                    registry.touch(
                            caller.get().keyId(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
                    return caller.get();
                }
                failure = "The API key is unknown, revoked or expired.";
            } else if (format == ApiKey.Format.BAD_CHECKSUM) {
                failure = "The API key's checksum does not match: it was mistyped or truncated.";
            } else {
                failure = "That is not an API key of this server (apv_ followed by 38 characters).";
            }
        }
        OptionalLong retryAfter = limiter.recordFailure(clientAddress, clock.instant());
        if (retryAfter.isPresent()) {
            throw ApiProblem.tooManyRequests(retryAfter.getAsLong());
        }
        throw ApiProblem.unauthorized(failure);
    }

    /** The presented secret, or null; X-API-Key wins over Authorization. */
    private static String credential(Headers headers) {
        String key = headers.getFirst(HEADER);
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        String authorization = headers.getFirst("Authorization");
        if (authorization != null) {
            String trimmed = authorization.strip();
            if (trimmed.length() > 7
                    && trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
                String token = trimmed.substring(7).strip();
                return token.isEmpty() ? null : token;
            }
        }
        return null;
    }
}
