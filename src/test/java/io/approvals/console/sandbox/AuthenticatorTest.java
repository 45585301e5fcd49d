package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.Scope;
import io.approvals.console.contract.TestKeys;
import io.approvals.console.testing.MovableClock;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which header carries the key, what each kind of wrong key is told, that a use is recorded as lastUsedAt,
 * and that failures (never valid keys) count towards the 429 limit: Authenticator over the real store.
 */
class AuthenticatorTest {
    private static final Caller ADMIN = new Caller("k_admin", "admin@example.com", Scope.ALL, null);
    private static final String ADDRESS = "192.0.2.7";

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T04:00:00.123456Z"));
    private SandboxStore store;
    private KeyRegistry registry;
    private KeyService keys;
    private FailedAuthLimiter limiter;
    private Authenticator auth;
    private IssuedKey lee;
    private IssuedKey sam;

    @BeforeEach
    void open() throws SQLException {
        store = SandboxStore.open(dir);
        registry = new KeyRegistry();
        keys = new KeyService(store, registry, clock);
        limiter = new FailedAuthLimiter();
        auth = new Authenticator(registry, limiter, clock);
        lee = keys.issue(ADMIN, "lee", "lee@example.com", List.of("read"), null);
        sam = keys.issue(ADMIN, "sam", "sam@example.com", List.of("read", "write"), null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Headers headers(String... nameValue) {
        Headers h = new Headers();
        for (int i = 0; i < nameValue.length; i += 2) {
            h.add(nameValue[i], nameValue[i + 1]);
        }
        return h;
    }

    private Caller authenticate(String... nameValue) {
        return auth.authenticate(headers(nameValue), ADDRESS);
    }

    private ApiProblem refused(String... nameValue) {
        try {
            authenticate(nameValue);
        } catch (ApiProblem p) {
            return p;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void theKeyInXApiKeyIdentifiesItsOwnerAndIsRecordedAsUsed() {
        Caller c = authenticate("X-API-Key", "  " + lee.key().reveal() + " ");
        assertThat(c.keyId()).isEqualTo(lee.apiKey().id());
        assertThat(c.owner()).isEqualTo("lee@example.com");
        assertThat(registry.lastUsed(registry.byId(c.keyId()).orElseThrow()))
                .isEqualTo(Instant.parse("2026-11-27T04:00:00.123Z"));
        assertThat(registry.lastUsed(registry.byId(sam.apiKey().id()).orElseThrow()))
                .isNull();
    }

    @Test
    void aBearerTokenWorksInAnyLetterCaseAndXApiKeyWins() {
        assertThat(authenticate("Authorization", "Bearer " + sam.key().reveal()).keyId())
                .isEqualTo(sam.apiKey().id());
        assertThat(authenticate("Authorization", "bEARER   " + sam.key().reveal() + "  ")
                        .keyId())
                .isEqualTo(sam.apiKey().id());
        assertThat(authenticate(
                                "X-API-Key",
                                lee.key().reveal(),
                                "Authorization",
                                "Bearer " + sam.key().reveal())
                        .keyId())
                .isEqualTo(lee.apiKey().id());
        assertThat(authenticate(
                                "X-API-Key",
                                "   ",
                                "Authorization",
                                "Bearer " + sam.key().reveal())
                        .keyId())
                .as("a blank X-API-Key is no key")
                .isEqualTo(sam.apiKey().id());
    }

    @Test
    void noKeyAtAll() {
        String none = "No API key: send it in the X-API-Key header.";
        assertThat(refused().detail).isEqualTo(none);
        assertThat(refused("X-API-Key", "").detail).isEqualTo(none);
        assertThat(refused("Authorization", "Bearer ").detail).isEqualTo(none);
        assertThat(refused("Authorization", "Bearer").detail).isEqualTo(none);
        assertThat(refused("Authorization", "Basic " + lee.key().reveal()).detail)
                .isEqualTo(none);
        assertThat(refused("Authorization", "Bearer" + lee.key().reveal()).detail)
                .isEqualTo(none);
        assertThat(refused().status).isEqualTo(401);
    }

    @Test
    void eachKindOfWrongKeyIsToldWhatIsWrong() throws SQLException {
        assertThat(refused("X-API-Key", TestKeys.canaryText()).detail)
                .isEqualTo("The API key is unknown, revoked or expired.");
        assertThat(refused("X-API-Key", TestKeys.withBadChecksum()).detail)
                .isEqualTo("The API key's checksum does not match: it was mistyped or truncated.");
        assertThat(refused("X-API-Key", "apv_short").detail)
                .isEqualTo("That is not an API key of this server (apv_ followed by 38 characters).");
        assertThat(refused("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig").detail)
                .isEqualTo("That is not an API key of this server (apv_ followed by 38 characters).");
        keys.revoke(ADMIN, lee.apiKey().id());
        ApiProblem revoked = refused("X-API-Key", lee.key().reveal());
        assertThat(revoked.status).isEqualTo(401);
        assertThat(revoked.detail).isEqualTo("The API key is unknown, revoked or expired.");
    }

    @Test
    void failuresCountTowardsTheLimitValidKeysNeverDo() {
        ApiKey unknown = TestKeys.canary();
        for (int i = 1; i <= FailedAuthLimiter.MAX_FAILURES; i++) {
            assertThat(refused("X-API-Key", unknown.reveal()).status)
                    .as("failure %d", i)
                    .isEqualTo(401);
        }
        ApiProblem limited = refused("X-API-Key", unknown.reveal());
        assertThat(limited.status).isEqualTo(429);
        assertThat(limited.headers).containsEntry("Retry-After", "60");
        assertThat(refused().status).as("no key counts too").isEqualTo(429);
        // a valid key from the same address is still let in, and does not reset the count
        assertThat(authenticate("X-API-Key", lee.key().reveal()).keyId())
                .isEqualTo(lee.apiKey().id());
        assertThat(refused("X-API-Key", unknown.reveal()).status).isEqualTo(429);
        // another address is not limited
        assertThatThrownBy(() -> auth.authenticate(headers("X-API-Key", unknown.reveal()), "192.0.2.8"))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status).isEqualTo(401));
    }
}
