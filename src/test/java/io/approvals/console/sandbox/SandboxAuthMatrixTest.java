package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.testing.Canary;
import io.approvals.console.testing.MovableClock;
import io.approvals.console.testing.ReliabilityFigures;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint x every kind of credential gets exactly the contract's status: 401 (with
 * WWW-Authenticate) for a missing, malformed, mistyped, unknown, revoked, expired or past-grace key;
 * 403 naming the missing scope; the endpoint's success status otherwise. Each cell gets fresh keys and
 * fresh targets, so cells do not depend on each other. The clock moves a minute before every failing
 * request, so the 429 limit (20 failures a minute) never hides the 401 under test.
 */
class SandboxAuthMatrixTest {
    @TempDir
    Path dir;

    private Sandbox sandbox;
    private SandboxHttp http;
    private ApiKey admin;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T03:00:00Z"));

    private record Endpoint(String name, String method, String scope, int success) {}

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET /approvals/GetApprovalNotComplete", "GET", "read", 200),
            new Endpoint("POST /approvals/CreateApproval", "POST", "write", 201),
            new Endpoint("POST /approvals/UpdateApprovalStatus", "POST", "write", 200),
            new Endpoint("GET /apikeys/current", "GET", null, 200),
            new Endpoint("POST /apikeys/current/regenerate", "POST", null, 200),
            new Endpoint("GET /apikeys", "GET", "admin", 200),
            new Endpoint("POST /apikeys", "POST", "admin", 201),
            new Endpoint("POST /apikeys/{id}/regenerate", "POST", "admin", 200),
            new Endpoint("POST /apikeys/{id}/revoke", "POST", "admin", 200),
            new Endpoint("POST /apikeys/{id}/expire-previous", "POST", "admin", 200),
            new Endpoint("GET /audit", "GET", "admin", 200));

    /** How a credential is presented: the header and value, or nothing. */
    private record Presented(String header, String value) {}

    @Test
    void everyEndpointTimesEveryCredentialGetsTheContractStatus() throws Exception {
        sandbox = Sandbox.start(new SandboxConfig(dir, 0, 0), clock);
        try {
            http = new SandboxHttp(sandbox.baseUri());
            admin = sandbox.newAdminKey().orElseThrow();
            Map<String, Supplier<Presented>> failing = new LinkedHashMap<>();
            failing.put("no credential", () -> null);
            failing.put("malformed", () -> xApiKey("apv_notakey"));
            failing.put(
                    "bad checksum",
                    () -> xApiKey(
                            badChecksum(fresh(Set.of("read", "write", "admin")).reveal())));
            failing.put("unknown", () -> xApiKey(Canary.random().reveal()));
            failing.put("revoked", () -> xApiKey(revoked().reveal()));
            failing.put("expired", () -> xApiKey(expired().reveal()));
            failing.put("past its grace", () -> xApiKey(pastGrace().reveal()));
            Map<String, Set<String>> scoped = new LinkedHashMap<>();
            scoped.put("read-only", Set.of("read"));
            scoped.put("write-only", Set.of("write"));
            scoped.put("admin-only", Set.of("admin"));
            scoped.put("admin (read, write, admin)", Set.of("read", "write", "admin"));
            scoped.put("no scopes", Set.of());

            List<String> cells = new ArrayList<>();
            for (Endpoint e : ENDPOINTS) {
                for (Map.Entry<String, Supplier<Presented>> f : failing.entrySet()) {
                    Presented p = f.getValue().get();
                    clock.advance(Duration.ofSeconds(61)); // a new 429 window: this failure is counted alone
                    SandboxHttp.Answer a = call(e, p);
                    String cell = e.name() + " x " + f.getKey();
                    assertThat(a.status()).as(cell).isEqualTo(401);
                    assertThat(a.header("WWW-Authenticate")).as(cell).isEqualTo("ApiKey header=\"X-API-Key\"");
                    assertThat(a.header("Content-Type")).as(cell).isEqualTo("application/problem+json");
                    cells.add(cell + " -> 401");
                }
                for (Map.Entry<String, Set<String>> s : scoped.entrySet()) {
                    for (boolean bearer : new boolean[] {false, true}) {
                        ApiKey key = fresh(s.getValue());
                        Presented p = bearer
                                ? new Presented("Authorization", "Bearer " + key.reveal())
                                : xApiKey(key.reveal());
                        SandboxHttp.Answer a = call(e, p);
                        String cell = e.name() + " x " + s.getKey() + (bearer ? " (bearer)" : "");
                        if (e.scope() == null || s.getValue().contains(e.scope())) {
                            assertThat(a.status()).as(cell + ": " + a.text()).isEqualTo(e.success());
                            cells.add(cell + " -> " + e.success());
                        } else {
                            assertThat(a.status()).as(cell).isEqualTo(403);
                            assertThat(a.json().get("requiredScope").asText())
                                    .as(cell)
                                    .isEqualTo(e.scope());
                            cells.add(cell + " -> 403");
                        }
                    }
                }
            }
            new ReliabilityFigures("auth-matrix", "every endpoint x every kind of credential")
                    .put("endpoints", ENDPOINTS.size())
                    .put("credentialKinds", failing.size() + scoped.size() * 2)
                    .put("cells", cells.size())
                    .put("mismatches", 0)
                    .write();
        } finally {
            sandbox.close();
        }
    }

    /**
     * A key that shares the first n characters with a real key (any n, checksum made valid) gets the very
     * same answer as a key that shares nothing: status, headers and body apart from the trace id. Keys
     * are found by the SHA-256 digest of the whole presented key, so a longer shared prefix does not
     * bring the digests any closer; no answer, and no comparison, depends on how much of a key matched.
     */
    @Test
    void noAnswerDiffersByHowMuchOfAKeyMatched() throws Exception {
        sandbox = Sandbox.start(new SandboxConfig(dir, 0, 0), clock);
        try {
            http = new SandboxHttp(sandbox.baseUri());
            admin = sandbox.newAdminKey().orElseThrow();
            String real = fresh(Set.of("read")).reveal();
            String random32 = real.substring(4, 36);
            JsonNode reference = null;
            Map<String, String> referenceHeaders = null;
            for (int shared = 0; shared <= 31; shared++) {
                char[] body = random32.toCharArray();
                body[shared] = body[shared] == 'A' ? 'B' : 'A'; // differ from the real key at position `shared`
                ApiKey near = Canary.withRandom(new String(body));
                clock.advance(Duration.ofSeconds(61));
                SandboxHttp.Answer a = http.get("/approvals/GetApprovalNotComplete", null, "X-API-Key", near.reveal());
                assertThat(a.status()).isEqualTo(401);
                JsonNode problem = a.json();
                ((com.fasterxml.jackson.databind.node.ObjectNode) problem).remove("traceId");
                Map<String, String> headers = new LinkedHashMap<>();
                a.raw().headers().map().forEach((k, v) -> {
                    if (!k.equalsIgnoreCase("x-request-id") && !k.equalsIgnoreCase("date")) {
                        headers.put(k.toLowerCase(), String.join(",", v));
                    }
                });
                if (reference == null) {
                    reference = problem;
                    referenceHeaders = headers;
                }
                assertThat(problem).as("shared " + (4 + shared) + " characters").isEqualTo(reference);
                assertThat(headers).as("shared " + (4 + shared) + " characters").isEqualTo(referenceHeaders);
            }
        } finally {
            sandbox.close();
        }
    }

    private static Presented xApiKey(String value) {
        return new Presented("X-API-Key", value);
    }

    private ApiKey fresh(Set<String> scopes) {
        return sandbox.issueKeyForTests("m", "m@example.com", scopes, null);
    }

    private ApiKey revoked() {
        ApiKey key = fresh(Set.of("read", "write", "admin"));
        String id = http.get("/apikeys/current", key).json().get("id").asText();
        assertThat(http.post("/apikeys/" + id + "/revoke", admin, "{}").status())
                .isEqualTo(200);
        return key;
    }

    private ApiKey expired() {
        return sandbox.issueKeyForTests(
                "m",
                "m@example.com",
                Set.of("read", "write", "admin"),
                clock.instant().minusSeconds(1));
    }

    private ApiKey pastGrace() {
        ApiKey old = fresh(Set.of("read", "write", "admin"));
        SandboxHttp.Answer regenerated =
                http.post("/apikeys/current/regenerate", old, "{\"oldKeyValidForSeconds\":60}");
        assertThat(regenerated.status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(59));
        assertThat(http.get("/apikeys/current", old).status())
                .as("still in grace")
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        return old;
    }

    private static String badChecksum(String key) {
        char last = key.charAt(key.length() - 1);
        return key.substring(0, key.length() - 1) + (last == '0' ? '1' : '0');
    }

    /** One call of the endpoint with a valid body and fresh targets; the credential as given (or none). */
    private SandboxHttp.Answer call(Endpoint e, Presented p) {
        String path = e.name().substring(e.name().indexOf(' ') + 1);
        String body =
                switch (e.name()) {
                    case "POST /approvals/CreateApproval" -> "{\"title\":\"matrix\"}";
                    case "POST /approvals/UpdateApprovalStatus" ->
                        "{\"id\":\"" + pendingApproval() + "\",\"status\":\"Approved\"}";
                    case "POST /apikeys/current/regenerate", "POST /apikeys/{id}/regenerate" ->
                        "{\"oldKeyValidForSeconds\":0}";
                    case "POST /apikeys" -> "{\"name\":\"n\",\"owner\":\"o@example.com\",\"scopes\":[\"read\"]}";
                    case "POST /apikeys/{id}/revoke", "POST /apikeys/{id}/expire-previous" -> "{}";
                    default -> null;
                };
        if (path.contains("{id}")) {
            ApiKey victim = fresh(Set.of("read"));
            String victimId =
                    http.get("/apikeys/current", victim).json().get("id").asText();
            if (path.endsWith("/expire-previous")) {
                // something to end: the victim's first secret in a grace period
                assertThat(http.post("/apikeys/" + victimId + "/regenerate", admin, "{\"oldKeyValidForSeconds\":3600}")
                                .status())
                        .isEqualTo(200);
            }
            path = path.replace("{id}", victimId);
        }
        HttpRequest.Builder b = http.request(path);
        if (body == null) {
            b.GET();
        } else {
            b.POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        }
        if (p != null) {
            b.header(p.header(), p.value());
        }
        return http.send(b);
    }

    private String pendingApproval() {
        SandboxHttp.Answer a = http.post("/approvals/CreateApproval", admin, "{\"title\":\"target\"}");
        assertThat(a.status()).isEqualTo(201);
        return a.json().get("id").asText();
    }
}
