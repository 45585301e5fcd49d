package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Scope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error status of the contract, as problem+json, and that bad input changes nothing. */
class SandboxErrorsTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxHttp http;
    static ApiKey admin;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxConfig(dir, 0, null));
        http = new SandboxHttp(sandbox.baseUri());
        admin = sandbox.newAdminKey().orElseThrow();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static void assertProblem(SandboxHttp.Answer a, int status) {
        assertThat(a.status()).as(a.text()).isEqualTo(status);
        assertThat(a.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode body = a.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        assertThat(body.get("type").asText()).isNotBlank();
        assertThat(body.get("traceId").asText()).isEqualTo(a.header("X-Request-Id"));
    }

    private static long pendingCount() {
        return http.get("/approvals/GetApprovalNotComplete?limit=1000", admin)
                .json()
                .get("items")
                .size();
    }

    private static SandboxHttp.Answer create(byte[] body) {
        return http.postBytes("/approvals/CreateApproval", admin, "application/json", body);
    }

    @Test
    void malformedBodiesAre400AndChangeNothing() {
        long before = pendingCount();
        assertProblem(http.post("/approvals/CreateApproval", admin, "{\"title\": "), 400);
        assertProblem(http.post("/approvals/CreateApproval", admin, "[{\"title\":\"x\"}]"), 400);
        assertProblem(http.post("/approvals/CreateApproval", admin, "\"just a string\""), 400);
        assertProblem(http.post("/approvals/CreateApproval", admin, ""), 400);
        assertProblem(http.post("/approvals/CreateApproval", admin, "{\"title\":\"x\"} {\"title\":\"y\"}"), 400);
        assertProblem(http.post("/approvals/CreateApproval", admin, "{\"title\":\"x\",\"title\":\"y\"}"), 400);
        assertProblem(http.post("/approvals/CreateApproval", admin, "{\"title\":[\"x\"]}"), 400);
        assertProblem(http.post("/approvals/CreateApproval", admin, "{\"title\":\"x\",\"priority\":3}"), 400);
        assertThat(pendingCount()).isEqualTo(before);
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = "{\"title\":\"caf\u00e9 X\"}".getBytes(StandardCharsets.UTF_8);
        body[body.length - 4] = (byte) 0xff;
        SandboxHttp.Answer a = create(body);
        assertProblem(a, 400);
        assertThat(a.json().get("detail").asText()).contains("UTF-8");
        // an overlong encoding of '/' is not UTF-8 either
        assertProblem(
                create(new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'
                }),
                400);
    }

    @Test
    void nestingDeeperThan1000Is400AndTheServerKeepsServing() {
        String deep = "{\"title\":" + "[".repeat(1001) + "]".repeat(1001) + "}";
        SandboxHttp.Answer a = http.post("/approvals/CreateApproval", admin, deep);
        assertProblem(a, 400);
        assertThat(a.json().get("detail").asText()).contains("1000");
        String deeper = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        assertProblem(http.post("/approvals/CreateApproval", admin, deeper), 400);
        assertThat(http.get("/apikeys/current", admin).status()).isEqualTo(200);
    }

    @Test
    void badCursorsAndLimitsAre400() {
        for (String query : new String[] {
            "limit=0",
            "limit=1001",
            "limit=abc",
            "limit=-1",
            "limit=",
            "limit=1.5",
            "cursor=forged",
            "cursor=YToy.AAAAAAAAAAAAAAAAAAAAAA",
            "cursor=%25ZZ",
            "cursor=a.b.c"
        }) {
            SandboxHttp.Answer a = http.get("/approvals/GetApprovalNotComplete?" + query, admin);
            assertProblem(a, 400);
        }
        assertThat(http.get("/approvals/GetApprovalNotComplete?limit=0", admin)
                        .json()
                        .get("errors")
                        .has("limit"))
                .isTrue();
        // a genuine cursor of another list is not a cursor for this one
        String auditCursor =
                http.get("/audit?limit=1", admin).json().get("nextCursor").asText();
        assertThat(http.get("/approvals/GetApprovalNotComplete?cursor=" + auditCursor, admin)
                        .json()
                        .get("errors")
                        .has("cursor"))
                .isTrue();
        // a tampered cursor: one character of the position changed
        String cursor = http.get("/approvals/GetApprovalNotComplete?limit=1", admin)
                .json()
                .get("nextCursor")
                .asText();
        String tampered = (cursor.charAt(0) == 'Y' ? 'Z' : 'Y') + cursor.substring(1);
        assertProblem(http.get("/approvals/GetApprovalNotComplete?cursor=" + tampered, admin), 400);
        assertThat(http.get("/approvals/GetApprovalNotComplete?limit=1&cursor=" + cursor, admin)
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/approvals/GetApprovalNotComplete?limit=1000", admin)
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/approvals/GetApprovalNotComplete?limit=1", admin).status())
                .isEqualTo(200);
    }

    @Test
    void missingUnknownMistypedAndExpiredKeysAre401WithWwwAuthenticate() {
        ApiKey unknown = ApiKey.generate(new SecureRandom());
        String typo = admin.reveal().substring(0, 10)
                + (admin.reveal().charAt(10) == 'a' ? 'b' : 'a')
                + admin.reveal().substring(11);
        ApiKey expired = sandbox.issueKeyForTests(
                "old", "o@example.com", Set.of(Scope.READ), Instant.parse("2020-01-01T00:00:00Z"));
        SandboxHttp.Answer[] answers = {
            http.get("/apikeys/current", null),
            http.get("/apikeys/current", unknown),
            http.get("/apikeys/current", ApiKey.of(typo)),
            http.get("/apikeys/current", ApiKey.of("not-a-key-at-all-just-a-token")),
            http.get("/apikeys/current", ApiKey.of("apv_short")),
            http.get("/approvals/GetApprovalNotComplete", expired),
        };
        for (SandboxHttp.Answer a : answers) {
            assertProblem(a, 401);
            assertThat(a.header("WWW-Authenticate")).isEqualTo("ApiKey header=\"X-API-Key\"");
        }
        assertThat(ApiKey.formatOf(typo)).isEqualTo(ApiKey.Format.BAD_CHECKSUM);
        assertThat(answers[2].json().get("detail").asText()).contains("checksum");
    }

    @Test
    void bearerIsAcceptedToo() {
        SandboxHttp.Answer a =
                http.send(http.request("/apikeys/current").GET(), "Authorization", "Bearer " + admin.reveal());
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("owner").asText()).isEqualTo("admin@localhost");
    }

    @Test
    void missingScopesAre403NamingTheScope() {
        ApiKey reader = sandbox.issueKeyForTests("reader", "r@example.com", Set.of(Scope.READ), null);
        ApiKey writer = sandbox.issueKeyForTests("writer", "w@example.com", Set.of(Scope.WRITE), null);
        SandboxHttp.Answer create = http.post("/approvals/CreateApproval", reader, "{\"title\":\"x\"}");
        assertProblem(create, 403);
        assertThat(create.json().get("requiredScope").asText()).isEqualTo("write");
        SandboxHttp.Answer list = http.get("/approvals/GetApprovalNotComplete", writer);
        assertProblem(list, 403);
        assertThat(list.json().get("requiredScope").asText()).isEqualTo("read");
        for (SandboxHttp.Answer a : new SandboxHttp.Answer[] {
            http.get("/apikeys", reader),
            http.get("/audit", writer),
            http.post("/apikeys", writer, "{\"name\":\"x\",\"owner\":\"x\",\"scopes\":[\"admin\"]}")
        }) {
            assertProblem(a, 403);
            assertThat(a.json().get("requiredScope").asText()).isEqualTo("admin");
        }
        // any valid key may read its own metadata
        assertThat(http.get("/apikeys/current", writer).status()).isEqualTo(200);
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() {
        assertProblem(http.get("/approvals/DeleteEverything", admin), 404);
        assertProblem(http.get("/", admin), 404);
        assertProblem(http.post("/apikeys/key_nope/revoke", admin, "{}"), 404);
        SandboxHttp.Answer wrong = http.get("/approvals/CreateApproval", admin);
        assertProblem(wrong, 405);
        assertThat(wrong.header("Allow")).isEqualTo("POST");
        assertProblem(http.send(http.request("/apikeys/current").DELETE()), 405);
    }

    @Test
    void bodiesOver64KiBAre413() {
        byte[] big = ("{\"title\":\"" + "x".repeat(64 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(create(big), 413);
        byte[] justOver = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(justOver, (byte) ' ');
        justOver[0] = '{';
        justOver[justOver.length - 1] = '}';
        assertProblem(create(justOver), 413);
        byte[] atLimit = new byte[64 * 1024];
        java.util.Arrays.fill(atLimit, (byte) ' ');
        System.arraycopy("{\"title\":\"fits\"}".getBytes(StandardCharsets.UTF_8), 0, atLimit, 0, 16);
        assertThat(create(atLimit).status()).isEqualTo(201);
    }

    @Test
    void nonJsonContentTypesAre415() {
        byte[] body = "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertProblem(http.postBytes("/approvals/CreateApproval", admin, "text/plain", body), 415);
        assertProblem(http.postBytes("/approvals/CreateApproval", admin, null, body), 415);
        assertProblem(
                http.postBytes("/approvals/CreateApproval", admin, "application/json; charset=iso-8859-1", body), 415);
        assertThat(http.postBytes("/approvals/CreateApproval", admin, "Application/JSON; charset=UTF-8", body)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void requestIdsAreEchoedOrGenerated() {
        assertThat(http.get("/apikeys/current", admin, "X-Request-Id", "req-123")
                        .header("X-Request-Id"))
                .isEqualTo("req-123");
        SandboxHttp.Answer failed = http.get("/nowhere", admin, "X-Request-Id", "req-404");
        assertThat(failed.header("X-Request-Id")).isEqualTo("req-404");
        assertThat(failed.json().get("traceId").asText()).isEqualTo("req-404");
        String generated = http.get("/apikeys/current", admin).header("X-Request-Id");
        assertThat(generated).isNotBlank();
        String insane = http.get("/apikeys/current", admin, "X-Request-Id", "x".repeat(500))
                .header("X-Request-Id");
        assertThat(insane).isNotBlank().hasSizeLessThan(200);
    }

    @Test
    void moreThan20FailuresFromOneAddressGet429WhileValidKeysAreServed() throws Exception {
        // a sandbox of its own: the failure count is per server
        try (Sandbox limited = Sandbox.start(new SandboxConfig(dir.resolve("limited"), 0, 0))) {
            SandboxHttp h = new SandboxHttp(limited.baseUri());
            ApiKey wrong = ApiKey.generate(new SecureRandom());
            for (int i = 1; i <= 20; i++) {
                assertThat(h.get("/apikeys/current", wrong).status())
                        .as("failure " + i)
                        .isEqualTo(401);
            }
            SandboxHttp.Answer limitedAnswer = h.get("/apikeys/current", wrong);
            assertProblem(limitedAnswer, 429);
            long retryAfter = Long.parseLong(limitedAnswer.header("Retry-After"));
            assertThat(retryAfter).isBetween(1L, 60L);
            assertProblem(h.get("/apikeys/current", null), 429);
            assertThat(h.get("/apikeys/current", limited.newAdminKey().orElseThrow())
                            .status())
                    .isEqualTo(200);
        }
    }
}
