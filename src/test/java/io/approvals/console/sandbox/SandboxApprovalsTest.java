package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Scope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three approvals endpoints over real HTTP against a sandbox on a free port. */
class SandboxApprovalsTest {
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

    private static String create(String title) {
        SandboxHttp.Answer a = http.post(
                "/approvals/CreateApproval",
                admin,
                "{\"title\":\"" + title + "\",\"approver\":\"lee@example.com\",\"priority\":\"High\"}");
        assertThat(a.status()).isEqualTo(201);
        return a.json().get("id").asText();
    }

    @Test
    void firstStartSeedsFortyPendingApprovals() throws Exception {
        // a fresh sandbox of its own, so approvals created by other tests do not count
        try (Sandbox fresh = Sandbox.start(new SandboxConfig(dir.resolve("fresh"), 0, null))) {
            SandboxHttp h = new SandboxHttp(fresh.baseUri());
            JsonNode page = h.get(
                            "/approvals/GetApprovalNotComplete?limit=1000",
                            fresh.newAdminKey().orElseThrow())
                    .json();
            assertThat(page.get("items")).hasSize(40);
            assertThat(page.get("nextCursor").isNull()).isTrue();
            Set<String> priorities = new HashSet<>();
            boolean noApprover = false;
            for (JsonNode item : page.get("items")) {
                assertThat(item.get("status").asText()).isEqualTo("Pending");
                assertThat(item.get("version").asLong()).isEqualTo(1);
                assertThat(item.has("pending")).isFalse();
                priorities.add(item.get("priority").asText());
                noApprover |= item.get("approver").isNull();
            }
            assertThat(priorities).hasSizeGreaterThan(2);
            assertThat(noApprover).isTrue();
        }
    }

    @Test
    void createAnswers201WithLocationAndDefaultsTheRequesterToTheKeyOwner() {
        SandboxHttp.Answer a = http.post(
                "/approvals/CreateApproval",
                admin,
                "{\"title\":\"New laptop for Dana\",\"description\":\"MacBook Pro 14\",\"priority\":\"Normal\","
                        + "\"dueAt\":\"2026-12-01T17:00:00Z\"}");
        assertThat(a.status()).isEqualTo(201);
        JsonNode body = a.json();
        assertThat(a.header("Location"))
                .isEqualTo("/approvals/" + body.get("id").asText());
        assertThat(body.get("id").asText()).matches("apr_[0-9A-Za-z]{20}");
        assertThat(body.get("requester").asText()).isEqualTo("admin@localhost");
        assertThat(body.get("status").asText()).isEqualTo("Pending");
        assertThat(body.get("version").asLong()).isEqualTo(1);
        // sent as 2026-12-01T17:00:00Z; written back fixed-width with milliseconds
        assertThat(body.get("dueAt").asText()).isEqualTo("2026-12-01T17:00:00.000Z");
        assertThat(body.get("approver").isNull()).isTrue();
    }

    @Test
    void listFiltersByApprover() {
        String id = create("Filter me");
        ApiKey reader = sandbox.issueKeyForTests("reader", "r@example.com", Set.of(Scope.READ), null);
        http.post("/approvals/CreateApproval", admin, "{\"title\":\"for zed\",\"approver\":\"zed@example.com\"}");
        JsonNode items = http.get("/approvals/GetApprovalNotComplete?approver=zed%40example.com", reader)
                .json()
                .get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("title").asText()).isEqualTo("for zed");
        assertThat(id).isNotBlank();
    }

    @Test
    void etagAnswers304WithNoBodyUntilThePageChanges() {
        SandboxHttp.Answer first = http.get("/approvals/GetApprovalNotComplete?limit=5", admin);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        SandboxHttp.Answer again = http.get("/approvals/GetApprovalNotComplete?limit=5", admin, "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.raw().body()).isEmpty();
        assertThat(again.header("X-Request-Id")).isNotBlank();
        // deciding the first item changes the page, so the tag no longer matches
        String firstId = first.json().get("items").get(0).get("id").asText();
        assertThat(http.post(
                                "/approvals/UpdateApprovalStatus",
                                admin,
                                "{\"id\":\"" + firstId + "\",\"status\":\"Approved\"}")
                        .status())
                .isEqualTo(200);
        SandboxHttp.Answer changed =
                http.get("/approvals/GetApprovalNotComplete?limit=5", admin, "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void idempotentCreateReplaysTheSameApprovalAndRefusesAnotherBody() {
        String body = "{\"title\":\"Once only\",\"priority\":\"Low\"}";
        SandboxHttp.Answer first = http.post("/approvals/CreateApproval", admin, body, "Idempotency-Key", "idem-1");
        // same body, members in another order and other white space: still "the same body"
        SandboxHttp.Answer replay = http.post(
                "/approvals/CreateApproval",
                admin,
                "{ \"priority\": \"Low\", \"title\": \"Once only\" }",
                "Idempotency-Key",
                "idem-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.text()).isEqualTo(first.text());
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));

        SandboxHttp.Answer other = http.post(
                "/approvals/CreateApproval", admin, "{\"title\":\"Something else\"}", "Idempotency-Key", "idem-1");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Content-Type")).isEqualTo("application/problem+json");

        // the key is scoped to the credential: another key may use the same Idempotency-Key
        ApiKey writer = sandbox.issueKeyForTests("writer", "w@example.com", Set.of(Scope.WRITE), null);
        SandboxHttp.Answer otherCaller =
                http.post("/approvals/CreateApproval", writer, body, "Idempotency-Key", "idem-1");
        assertThat(otherCaller.status()).isEqualTo(201);
        assertThat(otherCaller.json().get("id").asText())
                .isNotEqualTo(first.json().get("id").asText());
    }

    @Test
    void failedCreateIsNotStoredForReplay() {
        assertThat(http.post("/approvals/CreateApproval", admin, "{\"title\":\"\"}", "Idempotency-Key", "idem-2")
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/approvals/CreateApproval", admin, "{\"title\":\"ok now\"}", "Idempotency-Key", "idem-2")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void approveAndRejectBumpTheVersionAndRecordWhoDecided() {
        String id = create("Decide me");
        SandboxHttp.Answer approved = http.post(
                "/approvals/UpdateApprovalStatus",
                admin,
                "{\"id\":\"" + id + "\",\"status\":\"Approved\",\"expectedVersion\":1}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("Approved");
        assertThat(approved.json().get("version").asLong()).isEqualTo(2);
        assertThat(approved.json().get("decidedBy").asText()).isEqualTo("admin@localhost");
        assertThat(approved.json().get("decidedAt").isNull()).isFalse();

        String other = create("Reject me");
        SandboxHttp.Answer rejected = http.post(
                "/approvals/UpdateApprovalStatus",
                admin,
                "{\"id\":\"" + other + "\",\"status\":\"Rejected\",\"comment\":\"Over budget\"}");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("comment").asText()).isEqualTo("Over budget");
    }

    @Test
    void decidedApprovalsLeaveTheNotCompleteList() {
        String id = create("Gone after approval");
        http.post("/approvals/UpdateApprovalStatus", admin, "{\"id\":\"" + id + "\",\"status\":\"Approved\"}");
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = http.get(
                            "/approvals/GetApprovalNotComplete?limit=1000"
                                    + (cursor == null ? "" : "&cursor=" + cursor),
                            admin)
                    .json();
            page.get("items").forEach(i -> ids.add(i.get("id").asText()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(ids).doesNotContain(id);
    }

    @Test
    void conflictsCarryTheCurrentApproval() {
        String id = create("Conflicted");
        SandboxHttp.Answer stale = http.post(
                "/approvals/UpdateApprovalStatus",
                admin,
                "{\"id\":\"" + id + "\",\"status\":\"Approved\",\"expectedVersion\":7}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("current").get("id").asText()).isEqualTo(id);
        assertThat(stale.json().get("current").get("version").asLong()).isEqualTo(1);

        http.post("/approvals/UpdateApprovalStatus", admin, "{\"id\":\"" + id + "\",\"status\":\"Approved\"}");
        SandboxHttp.Answer again = http.post(
                "/approvals/UpdateApprovalStatus",
                admin,
                "{\"id\":\"" + id + "\",\"status\":\"Rejected\",\"comment\":\"no\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("current").get("status").asText()).isEqualTo("Approved");
    }

    @Test
    void updateValidation() {
        String id = create("Validate me");
        assertThat(http.post(
                                "/approvals/UpdateApprovalStatus",
                                admin,
                                "{\"id\":\"" + id + "\",\"status\":\"Rejected\",\"comment\":\"   \"}")
                        .json()
                        .get("errors")
                        .has("comment"))
                .isTrue();
        assertThat(http.post("/approvals/UpdateApprovalStatus", admin, "{\"id\":\"" + id + "\",\"status\":\"Pending\"}")
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/approvals/UpdateApprovalStatus", admin, "{\"id\":\"" + id + "\",\"status\":\"Maybe\"}")
                        .status())
                .isEqualTo(400);
        assertThat(http.post(
                                "/approvals/UpdateApprovalStatus",
                                admin,
                                "{\"id\":\"" + id + "\",\"status\":\"Approved\",\"expectedVersion\":\"1\"}")
                        .status())
                .isEqualTo(400);
        SandboxHttp.Answer missing = http.post(
                "/approvals/UpdateApprovalStatus", admin, "{\"id\":\"apr_doesNotExist\",\"status\":\"Approved\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
        // none of that changed the approval
        assertThat(http.post(
                                "/approvals/UpdateApprovalStatus",
                                admin,
                                "{\"id\":\"" + id + "\",\"status\":\"Approved\",\"expectedVersion\":1}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void createValidation() {
        JsonNode errors = http.post(
                        "/approvals/CreateApproval",
                        admin,
                        "{\"title\":\"" + "x".repeat(201) + "\",\"description\":\"" + "d".repeat(4001)
                                + "\",\"priority\":\"Whenever\",\"dueAt\":\"tomorrow\",\"colour\":\"red\"}")
                .json()
                .get("errors");
        assertThat(errors.has("title")).isTrue();
        assertThat(errors.has("description")).isTrue();
        assertThat(errors.has("priority")).isTrue();
        assertThat(errors.has("dueAt")).isTrue();
        assertThat(errors.has("colour")).isTrue();
        assertThat(http.post("/approvals/CreateApproval", admin, "{}")
                        .json()
                        .get("errors")
                        .has("title"))
                .isTrue();
        assertThat(http.post(
                                "/approvals/CreateApproval",
                                admin,
                                "{\"title\":\"far\",\"dueAt\":\"+1000000000-01-01T00:00:00Z\"}")
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/approvals/CreateApproval", admin, "{\"title\":\"x\",\"approver\":\"  \"}")
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/approvals/CreateApproval", admin, "{\"title\":42}")
                        .status())
                .isEqualTo(400);
        assertThat(http.post(
                                "/approvals/CreateApproval",
                                admin,
                                "{\"title\":\"x\"}",
                                "Idempotency-Key",
                                "k".repeat(256))
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/approvals/CreateApproval", admin, "{\"title\":\"" + "x".repeat(200) + "\"}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void twelveConcurrentDecisionsOnOneApprovalGiveOne200AndEleven409s() throws Exception {
        String id = create("Race");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String status = i % 2 == 0 ? "Approved" : "Rejected";
            Callable<Integer> call = () -> {
                go.await();
                return http.post(
                                "/approvals/UpdateApprovalStatus",
                                admin,
                                "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"comment\":\"race\"}")
                        .status();
            };
            results.add(pool.submit(call));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(11);
        JsonNode audit = http.get("/audit?limit=1000", admin).json().get("items");
        long decisions = 0;
        for (JsonNode e : audit) {
            if (id.equals(e.get("target").asText())
                    && e.get("action").asText().startsWith("approval.")
                    && !e.get("action").asText().equals("approval.created")) {
                decisions++;
            }
        }
        assertThat(decisions).isEqualTo(1);
    }
}
