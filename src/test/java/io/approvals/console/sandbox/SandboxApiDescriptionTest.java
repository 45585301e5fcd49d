package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.testing.OpenApiContract;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sandbox says about itself and what clients may rely on: the OpenAPI document and the API page
 * without a key, HEAD like GET, fixed-width instants, the audit trail ordered by time also under concurrent
 * writes.
 */
class SandboxApiDescriptionTest {
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

    @Test
    void servesTheProjectsOpenApiDocumentAsJsonWithoutAKey() {
        SandboxHttp.Answer a = http.get("/openapi.json", null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Content-Type")).isEqualTo("application/json");
        JsonNode served = a.json();
        JsonNode source = OpenApiContract.get().document();
        assertThat(served.get("openapi").asText()).isEqualTo("3.0.3");
        assertThat(served.get("paths")).isEqualTo(source.get("paths"));
        assertThat(served.get("components")).isEqualTo(source.get("components"));
        // points at the sandbox that served it, as the caller reached it (so "Try it out" stays on one origin)
        assertThat(served.get("servers").toString())
                .isEqualTo("[{\"url\":\"http://127.0.0.1:" + sandbox.port() + "\",\"description\":\"this sandbox\"}]");
    }

    @Test
    void servesTheApiPageFromThePackagedSwaggerUi() {
        SandboxHttp.Answer page = http.get("/docs", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.text())
                .contains("/docs/swagger-ui-bundle.js")
                .contains("/docs/init.js")
                .doesNotContain("http://")
                .doesNotContain("https://");
        assertThat(http.get("/docs/init.js", null).text())
                .contains("url: \"/openapi.json\"")
                .contains("validatorUrl: null");
        SandboxHttp.Answer bundle = http.get("/docs/swagger-ui-bundle.js", null);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.raw().body().length).isGreaterThan(100_000);
        assertThat(http.get("/docs/swagger-ui.css", null).header("Content-Type"))
                .startsWith("text/css");
        SandboxHttp.Answer missing = http.get("/docs/nothing.js", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void headAnswersLikeGetWithoutTheBody() {
        for (String path : List.of(
                "/approvals/GetApprovalNotComplete?limit=2",
                "/apikeys/current",
                "/apikeys",
                "/audit?limit=1",
                "/openapi.json")) {
            SandboxHttp.Answer get = http.get(path, admin);
            SandboxHttp.Answer head = http.send(http.request(path)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("X-API-Key", admin.reveal()));
            assertThat(head.status()).as(path).isEqualTo(get.status()).isEqualTo(200);
            assertThat(head.raw().body()).as(path).isEmpty();
            assertThat(head.header("Content-Type")).as(path).isEqualTo(get.header("Content-Type"));
            assertThat(head.header("Content-Length"))
                    .as(path)
                    .isEqualTo(Integer.toString(get.raw().body().length));
            assertThat(head.header("X-Request-Id")).as(path).isNotBlank();
        }
        SandboxHttp.Answer page = http.get("/approvals/GetApprovalNotComplete", admin);
        SandboxHttp.Answer head = http.send(http.request("/approvals/GetApprovalNotComplete")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("X-API-Key", admin.reveal()));
        assertThat(head.header("ETag")).isEqualTo(page.header("ETag"));
        SandboxHttp.Answer notModified = http.send(http.request("/approvals/GetApprovalNotComplete")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("X-API-Key", admin.reveal())
                .header("If-None-Match", page.header("ETag")));
        assertThat(notModified.status()).isEqualTo(304);
        // the same checks as GET: no key is a 401 with its header
        SandboxHttp.Answer noKey =
                http.send(http.request("/apikeys").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.header("WWW-Authenticate")).isEqualTo("ApiKey header=\"X-API-Key\"");
        assertThat(noKey.raw().body()).isEmpty();
        // and a 405 names HEAD among the allowed methods
        SandboxHttp.Answer put = http.send(
                http.request("/audit").PUT(HttpRequest.BodyPublishers.noBody()).header("X-API-Key", admin.reveal()));
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void everyInstantIsWrittenFixedWidthWithMilliseconds() {
        SandboxHttp.Answer created = http.post(
                "/approvals/CreateApproval", admin, "{\"title\":\"Fixed width\",\"dueAt\":\"2026-12-01T17:00:00Z\"}");
        SandboxHttp.Answer issued = http.post(
                "/apikeys",
                admin,
                "{\"name\":\"w\",\"owner\":\"w@example.com\",\"scopes\":[\"read\"],\"expiresAt\":\"2099-01-01T00:00:00.5Z\"}");
        List<String> instants = new ArrayList<>();
        collectInstants(created.json(), instants);
        collectInstants(issued.json(), instants);
        collectInstants(http.get("/approvals/GetApprovalNotComplete", admin).json(), instants);
        collectInstants(http.get("/apikeys", admin).json(), instants);
        collectInstants(http.get("/audit", admin).json(), instants);
        assertThat(instants).hasSizeGreaterThan(20).allSatisfy(t -> assertThat(t)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertThat(created.json().get("dueAt").asText()).isEqualTo("2026-12-01T17:00:00.000Z");
        assertThat(issued.json().at("/apiKey/expiresAt").asText()).isEqualTo("2099-01-01T00:00:00.500Z");
    }

    private static void collectInstants(JsonNode node, List<String> out) {
        node.properties().forEach(e -> {
            if (e.getValue().isTextual()
                    && (e.getKey().endsWith("At") || e.getKey().equals("at"))) {
                out.add(e.getValue().asText());
            }
            collectInstants(e.getValue(), out);
        });
        if (node.isArray()) {
            node.forEach(n -> collectInstants(n, out));
        }
    }

    @Test
    void theAuditTrailIsNewestFirstByTimeThenIdAlsoUnderConcurrentWrites() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        SandboxHttp.Answer a = http.post(
                                "/approvals/CreateApproval",
                                admin,
                                "{\"title\":\"audit order " + thread + "/" + i + "\"}");
                        assertThat(a.status()).isEqualTo(201);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = http.get("/audit?limit=37" + (cursor == null ? "" : "&cursor=" + cursor), admin)
                    .json();
            page.get("items").forEach(entries::add);
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            assertThat(ids.add(e.get("id").asText()))
                    .as("id %s twice", e.get("id"))
                    .isTrue();
            if (i > 0) {
                JsonNode newer = entries.get(i - 1);
                String newerKey =
                        newer.get("at").asText() + " " + newer.get("id").asText();
                String key = e.get("at").asText() + " " + e.get("id").asText();
                // fixed-width instants and ids: string order is the order clients may rely on
                assertThat(newerKey).as("entry %d", i).isGreaterThan(key);
            }
        }
        assertThat(entries.stream()
                        .filter(e -> e.get("title") == null
                                && e.get("action").asText().equals("approval.created"))
                        .count())
                .isGreaterThanOrEqualTo(threads * each);
    }
}
