package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Scope;
import io.approvals.console.testing.MovableClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules that depend on time passing, with a clock the test moves: grace ends, expiry, the 429 window, retention. */
class SandboxTimeTest {
    @TempDir
    Path dir;

    MovableClock clock = new MovableClock(Instant.now());
    Sandbox sandbox;
    SandboxHttp http;
    ApiKey admin;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(new SandboxConfig(dir, 0, 1), clock);
        http = new SandboxHttp(sandbox.baseUri());
        admin = sandbox.newAdminKey().orElseThrow();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theOldSecretStopsWhenItsGracePeriodEnds() {
        ApiKey old = sandbox.issueKeyForTests("rotating", "r@example.com", Set.of(Scope.READ), null);
        ApiKey fresh = ApiKey.of(http.post("/apikeys/current/regenerate", old, "{\"oldKeyValidForSeconds\":60}")
                .json()
                .get("key")
                .asText());
        clock.advance(Duration.ofSeconds(59));
        assertThat(http.get("/apikeys/current", old).json().get("status").asText())
                .isEqualTo("Expiring");
        clock.advance(Duration.ofSeconds(1));
        assertThat(http.get("/apikeys/current", old).status()).isEqualTo(401);
        assertThat(http.get("/apikeys/current", fresh).json().get("status").asText())
                .isEqualTo("Active");
    }

    @Test
    void aKeyStopsAtItsExpiryAndIsListedAsExpired() {
        Instant expires = clock.instant().plusSeconds(3600);
        ApiKey key = ApiKey.of(http.post(
                        "/apikeys",
                        admin,
                        "{\"name\":\"temp\",\"owner\":\"t@example.com\"," + "\"scopes\":[\"read\"],\"expiresAt\":\""
                                + expires + "\"}")
                .json()
                .get("key")
                .asText());
        assertThat(http.get("/approvals/GetApprovalNotComplete", key).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        SandboxHttp.Answer refused = http.get("/approvals/GetApprovalNotComplete", key);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isNotNull();
        JsonNode listed = http.get("/apikeys", admin).json().findParents("name").stream()
                .filter(n -> n.get("name").asText().equals("temp"))
                .findFirst()
                .orElseThrow();
        assertThat(listed.get("status").asText()).isEqualTo("Expired");
    }

    @Test
    void the429EndsWhenTheWindowHasPassed() {
        ApiKey wrong = ApiKey.generate(new SecureRandom());
        for (int i = 0; i < 20; i++) {
            assertThat(http.get("/apikeys/current", wrong).status()).isEqualTo(401);
        }
        clock.advance(Duration.ofSeconds(30));
        SandboxHttp.Answer limited = http.get("/apikeys/current", wrong);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("30");
        clock.advance(Duration.ofSeconds(30));
        // the first twenty failures left the window: only the 429ed one is still counted
        assertThat(http.get("/apikeys/current", wrong).status()).isEqualTo(401);
    }

    @Test
    void idempotencyRecordsAreKeptForAtLeast24Hours() {
        String first = http.post("/approvals/CreateApproval", admin, "{\"title\":\"kept\"}", "Idempotency-Key", "day")
                .json()
                .get("id")
                .asText();
        clock.advance(Duration.ofHours(24));
        assertThat(http.post("/approvals/CreateApproval", admin, "{\"title\":\"kept\"}", "Idempotency-Key", "day")
                        .json()
                        .get("id")
                        .asText())
                .isEqualTo(first);
        assertThat(http.post("/approvals/CreateApproval", admin, "{\"title\":\"other\"}", "Idempotency-Key", "day")
                        .status())
                .isEqualTo(422);
        clock.advance(Duration.ofHours(25));
        SandboxHttp.Answer later =
                http.post("/approvals/CreateApproval", admin, "{\"title\":\"other\"}", "Idempotency-Key", "day");
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.json().get("id").asText()).isNotEqualTo(first);
    }
}
