package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /apikeys endpoints, the audit trail, admin.key, and that secrets stay secret. */
class SandboxKeysTest {
    private static final String FULL_KEY = "apv_[0-9A-Za-z]{38}";

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxHttp http;
    static ApiKey admin;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxConfig(dir, 0, 3));
        http = new SandboxHttp(sandbox.baseUri());
        admin = sandbox.newAdminKey().orElseThrow();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static ApiKey issue(String name, String scopes) {
        SandboxHttp.Answer a = http.post(
                "/apikeys",
                admin,
                "{\"name\":\"" + name + "\",\"owner\":\"" + name + "@example.com\",\"scopes\":" + scopes + "}");
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return ApiKey.of(a.json().get("key").asText());
    }

    @Test
    void adminKeyFileHoldsTheAdminKeyReadableByItsOwnerOnly() throws Exception {
        Path file = sandbox.adminKeyFile();
        assertThat(file).isEqualTo(dir.toAbsolutePath().resolve("admin.key"));
        assertThat(Files.readString(file).strip()).isEqualTo(admin.reveal());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        JsonNode me = http.get("/apikeys/current", admin).json();
        assertThat(me.get("owner").asText()).isEqualTo("admin@localhost");
        assertThat(me.get("name").asText()).isEqualTo("sandbox-admin");
        assertThat(me.get("scopes").toString()).isEqualTo("[\"read\",\"write\",\"admin\"]");
        assertThat(me.get("prefix").asText()).isEqualTo(admin.prefix());
        assertThat(me.get("last4").asText()).isEqualTo(admin.last4());
        assertThat(me.get("status").asText()).isEqualTo("Active");
        assertThat(me.get("expiresAt").isNull()).isTrue();
    }

    @Test
    void issueAnswers201WithTheKeyOnceAndItsMetadata() {
        SandboxHttp.Answer a = http.post(
                "/apikeys",
                admin,
                "{\"name\":\"lee-workstation\",\"owner\":\"lee@example.com\","
                        + "\"scopes\":[\"write\",\"read\"],\"expiresAt\":\"2099-01-01T00:00:00Z\"}");
        assertThat(a.status()).isEqualTo(201);
        ApiKey key = ApiKey.of(a.json().get("key").asText());
        assertThat(key.format()).isEqualTo(ApiKey.Format.VALID);
        JsonNode meta = a.json().get("apiKey");
        assertThat(meta.get("id").asText()).matches("key_[0-9A-Za-z]{20}");
        assertThat(meta.get("prefix").asText()).isEqualTo(key.prefix());
        assertThat(meta.get("last4").asText()).isEqualTo(key.last4());
        assertThat(meta.get("scopes").toString()).isEqualTo("[\"read\",\"write\"]");
        assertThat(meta.get("expiresAt").asText()).isEqualTo("2099-01-01T00:00:00.000Z");
        assertThat(meta.toString()).doesNotContain(key.reveal());
        JsonNode mine = http.get("/apikeys/current", key).json();
        assertThat(mine.get("id").asText()).isEqualTo(meta.get("id").asText());
        assertThat(mine.get("lastUsedAt").isNull()).isFalse();

        assertThat(http.post("/apikeys", admin, "{\"name\":\"x\",\"owner\":\"x@example.com\",\"scopes\":[\"root\"]}")
                        .json()
                        .get("errors")
                        .has("scopes"))
                .isTrue();
        assertThat(http.post("/apikeys", admin, "{\"owner\":\"x@example.com\",\"scopes\":[]}")
                        .status())
                .isEqualTo(400);
        assertThat(http.post(
                                "/apikeys",
                                admin,
                                "{\"name\":\"x\",\"owner\":\"x@example.com\",\"scopes\":[\"read\"],"
                                        + "\"expiresAt\":\"2001-01-01T00:00:00Z\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void listPagesOverEveryKeyWithoutSecrets() {
        issue("pager-1", "[\"read\"]");
        issue("pager-2", "[\"read\"]");
        Set<String> ids = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            SandboxHttp.Answer a = http.get("/apikeys?limit=1" + (cursor == null ? "" : "&cursor=" + cursor), admin);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.text()).doesNotContainPattern(FULL_KEY);
            JsonNode page = a.json();
            assertThat(page.get("items")).hasSize(1);
            assertThat(ids.add(page.get("items").get(0).get("id").asText())).isTrue();
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(http.get("/apikeys", admin).json().get("items").size()).isEqualTo(ids.size());
    }

    @Test
    void regenerateWithNoGraceStopsTheOldSecretAtOnce() {
        ApiKey old = issue("compromised", "[\"read\"]");
        SandboxHttp.Answer a = http.post("/apikeys/current/regenerate", old, "{\"oldKeyValidForSeconds\":0}");
        assertThat(a.status()).isEqualTo(200);
        ApiKey fresh = ApiKey.of(a.json().get("key").asText());
        JsonNode meta = a.json().get("apiKey");
        assertThat(meta.get("prefix").asText()).isEqualTo(fresh.prefix());
        assertThat(meta.get("status").asText()).isEqualTo("Active");
        assertThat(meta.get("name").asText()).isEqualTo("compromised");
        assertThat(http.get("/apikeys/current", old).status()).isEqualTo(401);
        JsonNode now = http.get("/apikeys/current", fresh).json();
        assertThat(now.get("id").asText()).isEqualTo(meta.get("id").asText());
        assertThat(now.get("scopes").toString()).isEqualTo("[\"read\"]");
    }

    @Test
    void regenerateWithGraceKeepsTheOldSecretWorkingAsExpiring() {
        ApiKey old = issue("rotating", "[\"read\",\"write\"]");
        Instant before = Instant.now();
        SandboxHttp.Answer a = http.post("/apikeys/current/regenerate", old, "{\"oldKeyValidForSeconds\":600}");
        assertThat(a.status()).isEqualTo(200);
        ApiKey fresh = ApiKey.of(a.json().get("key").asText());

        JsonNode asOld = http.get("/apikeys/current", old).json();
        assertThat(asOld.get("status").asText()).isEqualTo("Expiring");
        assertThat(asOld.get("prefix").asText()).isEqualTo(old.prefix());
        assertThat(asOld.get("last4").asText()).isEqualTo(old.last4());
        Instant expires = Instant.parse(asOld.get("expiresAt").asText());
        assertThat(expires).isBetween(before.plusSeconds(599), Instant.now().plusSeconds(601));
        assertThat(http.get("/approvals/GetApprovalNotComplete?limit=1", old).status())
                .isEqualTo(200);

        JsonNode asNew = http.get("/apikeys/current", fresh).json();
        assertThat(asNew.get("status").asText()).isEqualTo("Active");
        assertThat(asNew.get("prefix").asText()).isEqualTo(fresh.prefix());
        assertThat(asNew.get("expiresAt").isNull()).isTrue();
    }

    @Test
    void adminRegeneratesAndRevokesOtherKeys() {
        ApiKey lee = issue("lee", "[\"read\"]");
        String id = http.get("/apikeys/current", lee).json().get("id").asText();
        SandboxHttp.Answer regenerated =
                http.post("/apikeys/" + id + "/regenerate", admin, "{\"oldKeyValidForSeconds\":3600}");
        assertThat(regenerated.status()).isEqualTo(200);
        ApiKey fresh = ApiKey.of(regenerated.json().get("key").asText());
        assertThat(http.get("/apikeys/current", lee).json().get("status").asText())
                .isEqualTo("Expiring");

        SandboxHttp.Answer revoked = http.post("/apikeys/" + id + "/revoke", admin, "{}");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("status").asText()).isEqualTo("Revoked");
        assertThat(revoked.json().get("id").asText()).isEqualTo(id);
        // both the current secret and the one in grace are dead
        assertThat(http.get("/apikeys/current", fresh).status()).isEqualTo(401);
        assertThat(http.get("/apikeys/current", lee).status()).isEqualTo(401);
        assertThat(http.post("/apikeys/" + id + "/regenerate", admin, "{\"oldKeyValidForSeconds\":0}")
                        .status())
                .isEqualTo(409);
        // revoke without a body works too
        ApiKey other = issue("other", "[\"read\"]");
        String otherId = http.get("/apikeys/current", other).json().get("id").asText();
        assertThat(http.postBytes("/apikeys/" + otherId + "/revoke", admin, null, new byte[0])
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/apikeys/current", other).status()).isEqualTo(401);
        assertThat(http.post("/apikeys/key_unknown/regenerate", admin, "{\"oldKeyValidForSeconds\":0}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void regenerateBodiesAreValidated() {
        ApiKey key = issue("validated", "[\"read\"]");
        for (String body : new String[] {
            "{}",
            "{\"oldKeyValidForSeconds\":-1}",
            "{\"oldKeyValidForSeconds\":604801}",
            "{\"oldKeyValidForSeconds\":\"60\"}",
            "{\"oldKeyValidForSeconds\":1.5}",
            "{\"grace\":60}"
        }) {
            SandboxHttp.Answer a = http.post("/apikeys/current/regenerate", key, body);
            assertThat(a.status()).as(body).isEqualTo(400);
        }
        assertThat(http.get("/apikeys/current", key).json().get("prefix").asText())
                .isEqualTo(key.prefix());
        assertThat(http.post("/apikeys/current/regenerate", key, "{\"oldKeyValidForSeconds\":604800}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void everyChangeIsAuditedNewestFirstWithoutSecrets() {
        ApiKey auditee = issue("auditee", "[\"read\",\"write\"]");
        String keyId = http.get("/apikeys/current", auditee).json().get("id").asText();
        String created = http.post("/approvals/CreateApproval", auditee, "{\"title\":\"audited\"}")
                .json()
                .get("id")
                .asText();
        http.post("/approvals/UpdateApprovalStatus", auditee, "{\"id\":\"" + created + "\",\"status\":\"Approved\"}");
        String rejected = http.post("/approvals/CreateApproval", auditee, "{\"title\":\"audited 2\"}")
                .json()
                .get("id")
                .asText();
        http.post(
                "/approvals/UpdateApprovalStatus",
                auditee,
                "{\"id\":\"" + rejected + "\",\"status\":\"Rejected\",\"comment\":\"no\"}");
        ApiKey fresh = ApiKey.of(http.post("/apikeys/current/regenerate", auditee, "{\"oldKeyValidForSeconds\":60}")
                .json()
                .get("key")
                .asText());
        http.post("/apikeys/" + keyId + "/revoke", admin, "{}");

        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            SandboxHttp.Answer a = http.get("/audit?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), admin);
            assertThat(a.text()).doesNotContainPattern(FULL_KEY);
            a.json().get("items").forEach(entries::add);
            cursor = a.json().get("nextCursor").isNull()
                    ? null
                    : a.json().get("nextCursor").asText();
        } while (cursor != null);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(Instant.parse(entries.get(i - 1).get("at").asText()))
                    .isAfterOrEqualTo(Instant.parse(entries.get(i).get("at").asText()));
        }
        List<String> mine = entries.stream()
                .filter(e -> keyId.equals(e.get("actor").get("keyId").asText())
                        || keyId.equals(e.get("target").asText()))
                .map(e -> e.get("action").asText())
                .toList();
        // newest first
        assertThat(mine)
                .containsExactly(
                        "key.revoked",
                        "key.regenerated",
                        "approval.rejected",
                        "approval.created",
                        "approval.approved",
                        "approval.created",
                        "key.issued");
        JsonNode regen = entries.stream()
                .filter(e -> e.get("action").asText().equals("key.regenerated")
                        && e.get("target").asText().equals(keyId))
                .findFirst()
                .orElseThrow();
        assertThat(regen.get("detail").asText()).contains("valid until");
        assertThat(regen.get("actor").get("owner").asText()).isEqualTo("auditee@example.com");
        assertThat(entries.toString())
                .doesNotContain(auditee.reveal())
                .doesNotContain(fresh.reveal())
                .doesNotContain(admin.reveal());
    }

    @Test
    void aCanaryKeyAppearsOnlyInTheAnswerThatIssuesItAndNeverInTheDatabaseFile() throws Exception {
        Path own = dir.resolve("canary");
        String canary;
        String digest;
        List<String> texts = new ArrayList<>();
        try (Sandbox s = Sandbox.start(new SandboxConfig(own, 0, 2))) {
            SandboxHttp h = new SandboxHttp(s.baseUri());
            ApiKey root = s.newAdminKey().orElseThrow();
            SandboxHttp.Answer issued = h.post(
                    "/apikeys",
                    root,
                    "{\"name\":\"canary\",\"owner\":\"canary@example.com\",\"scopes\":[\"read\",\"write\"]}");
            canary = issued.json().get("key").asText();
            ApiKey key = ApiKey.of(canary);
            digest = key.sha256Hex();
            texts.add(h.get("/apikeys/current", key).text());
            texts.add(h.get("/approvals/GetApprovalNotComplete", key).text());
            texts.add(h.post(
                            "/approvals/CreateApproval",
                            key,
                            "{\"title\":\"" + canary.substring(0, 8) + "\"}",
                            "Idempotency-Key",
                            "canary-1")
                    .text());
            texts.add(h.post("/approvals/CreateApproval", key, "{\"title\":\"again\"}", "Idempotency-Key", "canary-1")
                    .text());
            texts.add(h.get("/apikeys", root).text());
            texts.add(h.get("/audit", root).text());
            texts.add(h.get("/apikeys", key).text());
            texts.add(h.post("/apikeys/current/regenerate", key, "{\"oldKeyValidForSeconds\":30}")
                    .json()
                    .get("apiKey")
                    .toString());
            texts.add(h.get("/apikeys/current", key).text());
            texts.add(h.get("/apikeys/current", ApiKey.of(canary.substring(0, 41) + "x"))
                    .text());
        }
        for (String text : texts) {
            assertThat(text).doesNotContain(canary);
        }
        byte[] db = Files.readAllBytes(own.resolve("sandbox.mv.db"));
        String content = new String(db, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(content).doesNotContain(canary);
        assertThat(content).doesNotContain(canary.substring(4, 40));
        assertThat(content).contains(digest);
    }

    @Test
    void lastUsedAtIsTrackedWithoutAWritePerRead() {
        ApiKey key = issue("used", "[\"read\"]");
        assertThat(http.get("/apikeys", admin).json().findParents("name").stream()
                        .filter(n -> n.get("name").asText().equals("used"))
                        .findFirst()
                        .orElseThrow()
                        .get("lastUsedAt")
                        .isNull())
                .isTrue();
        Instant before = Instant.now().minus(Duration.ofSeconds(1));
        http.get("/approvals/GetApprovalNotComplete?limit=1", key);
        JsonNode listed = http.get("/apikeys?limit=1000", admin).json().findParents("name").stream()
                .filter(n -> n.get("name").asText().equals("used"))
                .findFirst()
                .orElseThrow();
        assertThat(Instant.parse(listed.get("lastUsedAt").asText())).isAfter(before);
    }

    @Test
    void keysOfEveryScopeMix() {
        ApiKey none = sandbox.issueKeyForTests("none", "n@example.com", Set.of(), null);
        assertThat(http.get("/apikeys/current", none).json().get("scopes")).isEmpty();
        assertThat(http.get("/approvals/GetApprovalNotComplete", none).status()).isEqualTo(403);
        ApiKey adminOnly = sandbox.issueKeyForTests("adm", "a@example.com", Set.of(Scope.ADMIN), null);
        assertThat(http.get("/audit", adminOnly).status()).isEqualTo(200);
        assertThat(http.get("/approvals/GetApprovalNotComplete", adminOnly).status())
                .isEqualTo(403);
    }
}
