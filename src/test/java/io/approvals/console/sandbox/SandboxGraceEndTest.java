package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.testing.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /apikeys/{id}/expire-previous, the sandbox's extension of the contract, over HTTP: the secret in grace stops,
 * the current one works on, the audit trail says so (without a secret), and 409 / 403 / 404 where the contract's
 * conventions put them.
 */
class SandboxGraceEndTest {
    private static final String FULL_KEY = "apv_[0-9A-Za-z]{38}";

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T09:00:00Z"));
    private Sandbox sandbox;
    private SandboxHttp http;
    private ApiKey admin;

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

    private String idOf(ApiKey key) {
        return http.get("/apikeys/current", key).json().get("id").asText();
    }

    private ApiKey regenerate(String id, int graceSeconds) {
        SandboxHttp.Answer a =
                http.post("/apikeys/" + id + "/regenerate", admin, "{\"oldKeyValidForSeconds\":" + graceSeconds + "}");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        return ApiKey.of(a.json().get("key").asText());
    }

    private List<JsonNode> audit() {
        List<JsonNode> entries = new ArrayList<>();
        SandboxHttp.Answer a = http.get("/audit?limit=1000", admin);
        assertThat(a.text()).doesNotContainPattern(FULL_KEY);
        a.json().get("items").forEach(entries::add);
        return entries;
    }

    @Test
    void theSecretInGraceStopsAtOnceAndTheCurrentOneWorksOn() {
        ApiKey old = sandbox.issueKeyForTests("dana-laptop", "dana@example.com", java.util.Set.of("read"), null);
        String id = idOf(old);
        ApiKey fresh = regenerate(id, 3600);
        assertThat(http.get("/approvals/GetApprovalNotComplete?limit=1", old).status())
                .as("the old secret works in its grace period")
                .isEqualTo(200);

        SandboxHttp.Answer ended = http.post("/apikeys/" + id + "/expire-previous", admin, "{}");

        assertThat(ended.status()).as(ended.text()).isEqualTo(200);
        JsonNode meta = ended.json();
        assertThat(meta.get("id").asText()).isEqualTo(id);
        assertThat(meta.get("status").asText()).isEqualTo("Active");
        assertThat(meta.get("prefix").asText()).isEqualTo(fresh.prefix());
        assertThat(meta.get("last4").asText()).isEqualTo(fresh.last4());
        assertThat(ended.text()).doesNotContainPattern(FULL_KEY);
        SandboxHttp.Answer refused = http.get("/approvals/GetApprovalNotComplete?limit=1", old);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("ApiKey header=\"X-API-Key\"");
        assertThat(http.get("/approvals/GetApprovalNotComplete?limit=1", fresh).status())
                .isEqualTo(200);
        assertThat(http.get("/apikeys/current", fresh).json().get("status").asText())
                .isEqualTo("Active");

        JsonNode entry = audit().get(0);
        assertThat(entry.get("action").asText()).isEqualTo("key.grace-ended");
        assertThat(entry.get("target").asText()).isEqualTo(id);
        assertThat(entry.get("actor").get("owner").asText()).isEqualTo("admin@localhost");
        assertThat(entry.get("detail").asText())
                .contains(old.prefix() + "\u2026" + old.last4())
                .contains("would have worked until 2026-11-27T10:00:00.000Z")
                .doesNotContain(old.reveal())
                .doesNotContain(fresh.reveal());

        SandboxHttp.Answer again = http.post("/apikeys/" + id + "/expire-previous", admin, "{}");
        assertThat(again.status()).as("nothing left in grace").isEqualTo(409);
        assertThat(again.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(again.json().get("detail").asText()).contains("grace period");
        assertThat(audit().get(0).get("action").asText())
                .as("a refused call records nothing")
                .isEqualTo("key.grace-ended");
    }

    @Test
    void everyOlderSecretInGraceStopsAndAnEmptyBodyIsAccepted() {
        ApiKey first = sandbox.issueKeyForTests("lee-laptop", "lee@example.com", java.util.Set.of("read"), null);
        String id = idOf(first);
        ApiKey second = regenerate(id, 600);
        ApiKey current = regenerate(id, 7200);
        assertThat(http.get("/apikeys/current", first).status()).isEqualTo(200);
        assertThat(http.get("/apikeys/current", second).status()).isEqualTo(200);

        SandboxHttp.Answer ended = http.postBytes("/apikeys/" + id + "/expire-previous", admin, null, new byte[0]);

        assertThat(ended.status()).as(ended.text()).isEqualTo(200);
        assertThat(http.get("/apikeys/current", first).status()).isEqualTo(401);
        assertThat(http.get("/apikeys/current", second).status()).isEqualTo(401);
        assertThat(http.get("/apikeys/current", current).status()).isEqualTo(200);
        assertThat(audit().get(0).get("detail").asText())
                .contains(first.prefix() + "\u2026" + first.last4())
                .contains(second.prefix() + "\u2026" + second.last4());
    }

    @Test
    void conflictWithoutGraceForbiddenWithoutAdminNotFoundForAnUnknownKey() {
        ApiKey plain = sandbox.issueKeyForTests("erin-laptop", "erin@example.com", java.util.Set.of("read"), null);
        String id = idOf(plain);
        assertThat(http.post("/apikeys/" + id + "/expire-previous", admin, "{}").status())
                .as("never regenerated")
                .isEqualTo(409);

        regenerate(id, 0);
        assertThat(http.post("/apikeys/" + id + "/expire-previous", admin, "{}").status())
                .as("regenerated without grace")
                .isEqualTo(409);

        ApiKey withGrace = regenerate(id, 60);
        clock.advance(Duration.ofSeconds(61));
        assertThat(http.post("/apikeys/" + id + "/expire-previous", admin, "{}").status())
                .as("the grace period is over")
                .isEqualTo(409);

        regenerate(id, 3600);
        ApiKey writer =
                sandbox.issueKeyForTests("no-admin", "ops@example.com", java.util.Set.of("read", "write"), null);
        SandboxHttp.Answer forbidden = http.post("/apikeys/" + id + "/expire-previous", writer, "{}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("requiredScope").asText()).isEqualTo("admin");
        assertThat(http.get("/apikeys/current", withGrace).status())
                .as("the 403 changed nothing: the latest old secret still works")
                .isEqualTo(200);

        SandboxHttp.Answer unknown = http.post("/apikeys/key_nope/expire-previous", admin, "{}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(unknown.json().get("detail").asText()).contains("key_nope");

        assertThat(http.post("/apikeys/" + id + "/expire-previous", admin, "{\"secret\":\"x\"}")
                        .status())
                .as("a body member is refused, as everywhere")
                .isEqualTo(400);

        assertThat(http.post("/apikeys/" + id + "/revoke", admin, "{}").status())
                .isEqualTo(200);
        assertThat(http.post("/apikeys/" + id + "/expire-previous", admin, "{}").status())
                .as("a revoked key has nothing in grace")
                .isEqualTo(409);
        assertThat(http.get("/apikeys/" + id + "/expire-previous", admin).status())
                .isEqualTo(405);
    }
}
