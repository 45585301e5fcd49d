package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Json;
import io.approvals.console.testing.RawHttp;
import io.approvals.console.testing.ReliabilityFigures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile requests over a raw socket: random and mutated bodies, truncated bodies, oversized headers,
 * wrong content types, invalid UTF-8, deep nesting, out-of-range numbers, unknown fields, path tricks,
 * broken framing. Every request is built so that it cannot be a valid change (a create always carries
 * the Idempotency-Key of an approval made before the digest, so at worst it replays or is a 422;
 * decisions, regenerations and revocations name ids that do not exist; other bodies carry two defects).
 * Each must get a 4xx problem+json answer, the server must keep serving, and the database must hold
 * exactly what it held before (digest of every table).
 */
class SandboxFuzzTest {
    private static final String ANCHOR_KEY = "fuzz-anchor";
    private static final String ANCHOR_BODY = "{\"title\":\"Fuzz anchor\",\"priority\":\"Low\"}";
    private static final String NO_SUCH_APPROVAL = "apr_NoSuchApproval000000";
    private static final String NO_SUCH_KEY = "key_NoSuchKey0000000000";
    /** A base body per POST endpoint; each is refused however a single mutation falls. */
    private static final Map<String, String> BASES = new TreeMap<>(Map.of(
            "/approvals/CreateApproval",
            "{\"title\":\"Laptop\",\"description\":\"d\",\"priority\":\"High\","
                    + "\"dueAt\":\"2026-12-01T17:00:00Z\",\"approver\":\"lee@example.com\",\"requester\":\"dana@example.com\"}",
            "/approvals/UpdateApprovalStatus",
            "{\"id\":\"" + NO_SUCH_APPROVAL + "\",\"status\":\"Rejected\","
                    + "\"comment\":\"no\",\"expectedVersion\":1}",
            "/apikeys",
            "{\"name\":\"fz\",\"owner\":\"o@example.com\",\"scopes\":[\"read\"],"
                    + "\"expiresAt\":\"2000-01-01T00:00:00Z\",\"bogus\":1}",
            "/apikeys/current/regenerate",
            "{\"oldKeyValidForSeconds\":900000,\"bogus\":true}",
            "/apikeys/" + NO_SUCH_KEY + "/regenerate",
            "{\"oldKeyValidForSeconds\":0}",
            "/apikeys/" + NO_SUCH_KEY + "/revoke",
            "{}",
            "/apikeys/" + NO_SUCH_KEY + "/expire-previous",
            "{}"));

    private static final List<String> POSTS = List.copyOf(BASES.keySet());

    @TempDir
    Path dir;

    private int port;
    private ApiKey admin;
    private final Map<String, Integer> casesByKind = new TreeMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int refusedByHttpLayer;

    /** One hostile request and what it may be answered with. */
    private record Case(String kind, byte[] bytes, boolean halfClose, boolean httpLayer) {}

    @Test
    void hostileRequestsGetA4xxProblemAndChangeNothing() throws Exception {
        long seed = ReliabilityFigures.Slow.pick(
                "reliability.fuzz.seed", System.nanoTime() % 1_000_000, System.nanoTime() % 1_000_000);
        long count = ReliabilityFigures.Slow.pick("reliability.fuzz.cases", 1500, 20_000);
        Random random = new Random(seed);
        try (Sandbox sandbox = Sandbox.start(new SandboxConfig(dir, 0, 30))) {
            port = sandbox.port();
            admin = sandbox.newAdminKey().orElseThrow();
            SandboxHttp http = new SandboxHttp(sandbox.baseUri());
            assertThat(http.post("/approvals/CreateApproval", admin, ANCHOR_BODY, "Idempotency-Key", ANCHOR_KEY)
                            .status())
                    .isEqualTo(201);
            String before = sandbox.contentDigest();

            List<Function<Random, Case>> generators = List.of(
                    this::randomBytes,
                    this::mutated,
                    this::wrongContentType,
                    this::invalidUtf8,
                    this::deepNesting,
                    this::outOfRange,
                    this::unknownField,
                    this::truncated,
                    this::oversizedHeader,
                    this::pathTrick,
                    this::brokenFraming,
                    this::oddMethod,
                    this::credentialTrick);
            for (long i = 0; i < count; i++) {
                Case c = generators.get((int) (i % generators.size())).apply(random);
                RawHttp.Answer a = RawHttp.exchange(port, c.bytes(), c.halfClose());
                check(c, a, seed);
                if (i % 200 == 0) {
                    assertThat(http.get("/apikeys/current", admin).status())
                            .as("still serving")
                            .isEqualTo(200);
                }
            }
            assertThat(http.get("/approvals/GetApprovalNotComplete?limit=5", admin)
                            .status())
                    .isEqualTo(200);
            assertThat(sandbox.contentDigest())
                    .as("database digest after the hostile requests")
                    .isEqualTo(before);
            sandbox.issueKeyForTests("x", "x", Set.of(), null); // a change the digest must see (proves it is live)
            assertThat(sandbox.contentDigest()).isNotEqualTo(before);
            new ReliabilityFigures("sandbox-fuzz", "hostile HTTP requests to the sandbox")
                    .put("seed", seed)
                    .put("cases", count)
                    .put("casesByKind", casesByKind)
                    .put("statuses", statuses)
                    .put("refusedByJdkHttpLayer", refusedByHttpLayer)
                    .put("serverErrors", statuses.getOrDefault(500, 0))
                    .put("databaseChanged", false)
                    .write();
        }
    }

    private void check(Case c, RawHttp.Answer a, long seed) throws Exception {
        casesByKind.merge(c.kind(), 1, Integer::sum);
        statuses.merge(a.status(), 1, Integer::sum);
        String what = c.kind() + " (seed " + seed + "): "
                + new String(Arrays.copyOf(c.bytes(), Math.min(c.bytes().length, 300)), StandardCharsets.ISO_8859_1);
        if (c.httpLayer() && (a.status() == -1 || a.header("X-Request-Id") == null)) {
            // refused by the JDK's HTTP layer before the sandbox saw it: a 4xx of its own or a closed connection
            assertThat(a.status()).as(what).isIn(-1, 400, 413, 414, 431);
            refusedByHttpLayer++;
            return;
        }
        assertThat(a.status()).as(what).isBetween(400, 499);
        assertThat(a.header("Content-Type")).as(what).isEqualTo("application/problem+json");
        assertThat(a.header("X-Request-Id")).as(what).isNotBlank();
        JsonNode problem = Json.strict().readTree(a.body());
        assertThat(problem.get("status").asInt()).as(what).isEqualTo(a.status());
        assertThat(problem.get("title").asText()).as(what).isNotBlank();
    }

    private String adminHeader() {
        return admin.reveal();
    }

    private Case post(String kind, String path, byte[] body, String contentType) {
        return new Case(kind, postBytes(path, body, contentType), false, false);
    }

    private byte[] postBytes(String path, byte[] body, String contentType, String... extra) {
        List<String> headers = new java.util.ArrayList<>(List.of("X-API-Key", adminHeader()));
        if (contentType != null) {
            headers.addAll(List.of("Content-Type", contentType));
        }
        if (path.equals("/approvals/CreateApproval")) {
            headers.addAll(List.of("Idempotency-Key", ANCHOR_KEY));
        }
        headers.addAll(List.of(extra));
        return RawHttp.request("POST", path, body, headers.toArray(String[]::new));
    }

    private static String pick(Random r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static <T> T pick(Random r, T[] from) {
        return from[r.nextInt(from.length)];
    }

    Case randomBytes(Random r) {
        byte[] body = new byte[r.nextInt(3000)];
        r.nextBytes(body);
        return post("random bytes", pick(r, POSTS), body, "application/json");
    }

    Case mutated(Random r) {
        String path = pick(r, POSTS);
        byte[] b = BASES.get(path).getBytes(StandardCharsets.UTF_8);
        switch (r.nextInt(5)) {
            case 0 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length));
            case 2 -> b[r.nextInt(b.length)] = (byte) "{}[]\":,0-eE.\\ntfu".charAt(r.nextInt(17));
            case 3 -> {
                String[] values = {
                    "null",
                    "true",
                    "-1",
                    "1e400",
                    "99999999999999999999999",
                    "[]",
                    "{}",
                    "\"\"",
                    "\"\\u0000\"",
                    "\"\\ud800\"",
                    "1.5",
                    "\"" + "x".repeat(5000) + "\""
                };
                String s = new String(b, StandardCharsets.UTF_8);
                b = s.replaceFirst("\"[^\"]*\"(?=[,}])", pick(r, values)).getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                for (int k = 0; k < 3; k++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
        }
        return post("mutated body", path, b, "application/json");
    }

    Case wrongContentType(Random r) {
        String[] types = {
            null,
            "",
            "text/plain",
            "application/xml",
            "application/json; charset=iso-8859-1",
            "application/jsonx",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "application/json; charset=utf-16",
            "json",
            "*/*",
            "application/problem+json",
            "application"
        };
        String path = pick(r, POSTS);
        return post("wrong content type", path, BASES.get(path).getBytes(StandardCharsets.UTF_8), pick(r, types));
    }

    Case invalidUtf8(Random r) {
        byte[][] bad = {
            {(byte) 0xC3, 0x28},
            {(byte) 0xFF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}
        };
        String path = pick(r, POSTS);
        String base = BASES.get(path);
        int at = base.indexOf(':') + 2; // inside the first string value or just after the colon
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = base.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, at);
        out.writeBytes(pick(r, bad));
        out.write(b, at, b.length - at);
        return post("invalid UTF-8", path, out.toByteArray(), "application/json");
    }

    Case deepNesting(Random r) {
        int depth = pick(r, new Integer[] {1001, 1500, 5000, 30_000, 70_000});
        String open = r.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String body = "{\"title\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
        return post("deep nesting", pick(r, POSTS), body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    Case outOfRange(Random r) {
        String[] numbers = {
            "1e400",
            "-1",
            "0",
            "9223372036854775808",
            "1.5",
            "\"1\"",
            "1e19",
            "-9223372036854775809",
            "NaN",
            "Infinity",
            "0x10",
            "01",
            "99999999999999999999999999999999999999"
        };
        String n = pick(r, numbers);
        switch (r.nextInt(3)) {
            case 0 -> {
                return post(
                        "number out of range",
                        "/approvals/UpdateApprovalStatus",
                        ("{\"id\":\"" + NO_SUCH_APPROVAL + "\",\"status\":\"Approved\",\"expectedVersion\":" + n + "}")
                                .getBytes(StandardCharsets.UTF_8),
                        "application/json");
            }
            case 1 -> {
                String v = n.equals("0") ? "604801" : n;
                return post(
                        "number out of range",
                        "/apikeys/current/regenerate",
                        ("{\"oldKeyValidForSeconds\":" + v + "}").getBytes(StandardCharsets.UTF_8),
                        "application/json");
            }
            default -> {
                String[] limits = {
                    "0",
                    "1001",
                    "99999999999999999999",
                    "-1",
                    "1e3",
                    "0x10",
                    "%201",
                    "1.0",
                    "",
                    "+5",
                    "%EF%BC%91",
                    "1000000"
                };
                String q = pick(r, new String[] {"/approvals/GetApprovalNotComplete", "/apikeys", "/audit"}) + "?limit="
                        + pick(r, limits);
                return new Case(
                        "number out of range",
                        RawHttp.request("GET", q, null, "X-API-Key", adminHeader()),
                        false,
                        false);
            }
        }
    }

    Case unknownField(Random r) {
        String path = pick(r, POSTS);
        String base = BASES.get(path);
        String field = pick(r, new String[] {
            "\"Title\"",
            "\"commment\"",
            "\"__proto__\"",
            "\"\"",
            "\"id\"",
            "\"version\"",
            "\"status\"",
            "\"x\".repeat(300)",
            "\"\\u0000\""
        });
        String body =
                base.equals("{}") ? "{" + field + ":1}" : base.substring(0, base.length() - 1) + "," + field + ":1}";
        return post("unknown field", path, body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    Case truncated(Random r) {
        String path = pick(r, POSTS);
        byte[] body = BASES.get(path).getBytes(StandardCharsets.UTF_8);
        byte[] full = postBytes(path, body, "application/json");
        int cut = full.length - 1 - r.nextInt(body.length - 1);
        return new Case("truncated body", Arrays.copyOf(full, cut), true, false);
    }

    Case oversizedHeader(Random r) {
        int size = pick(r, new Integer[] {17_000, 70_000, 300_000, 1_000_000});
        String value = "v".repeat(size);
        byte[] req;
        switch (r.nextInt(4)) {
            case 0 ->
                req = RawHttp.request(
                        "GET", "/approvals/GetApprovalNotComplete", null, "X-API-Key", adminHeader(), "X-Big", value);
            case 1 -> req = RawHttp.request("GET", "/approvals/GetApprovalNotComplete", null, "X-API-Key", value);
            case 2 ->
                req = postBytes(
                        "/approvals/CreateApproval",
                        BASES.get("/approvals/CreateApproval").getBytes(StandardCharsets.UTF_8),
                        "application/json",
                        "Idempotency-Key",
                        value.substring(0, Math.min(size, 70_000)));
            default -> {
                String[] many = new String[2 * pick(r, new Integer[] {150, 300, 1000})];
                for (int i = 0; i < many.length; i += 2) {
                    many[i] = "X-H" + i;
                    many[i + 1] = "v";
                }
                req = RawHttp.request("GET", "/apikeys/current", null, many); // no key: 401 at best
            }
        }
        return new Case("oversized headers", req, false, true);
    }

    Case pathTrick(Random r) {
        String[] paths = {
            "/approvals/../apikeys",
            "/approvals/%2e%2e/apikeys",
            "/approvals/%2E%2E/apikeys",
            "//approvals//GetApprovalNotComplete",
            "/approvals/GetApprovalNotComplete/",
            "/approvals/GetApprovalNotComplete/.",
            "/apikeys/current/../../apikeys",
            "/apikeys/..%2fcurrent/revoke",
            "/apikeys/%2e%2e/revoke",
            "/apikeys/%2e%2e%2fcurrent/regenerate",
            "/./apikeys",
            "/APIKEYS",
            "/apikeys;x=1",
            "/apikeys%00",
            "/apikeys/%00/revoke",
            "/audit/..",
            "/audit/%2e",
            "/approvals/GetApprovalNotComplete%3Flimit=1",
            "/approvals/GetApprovalNotComplete%2f",
            "/approvals%2fGetApprovalNotComplete",
            "/apikeys/current%2f..%2f..%2fapikeys",
            "/%2e/apikeys",
            "/apikeys/" + "a".repeat(101) + "/revoke",
            "/apikeys/%zz/revoke",
            "/apikeys/%/revoke",
            "/" + "a".repeat(20_000),
            "/approvals/GetApprovalNotComplete?limit=1&cursor=" + "A".repeat(5000),
            "/approvals/GetApprovalNotComplete?cursor=..%2F..%2Fetc",
            "/approvals/GetApprovalNotComplete?limit=%zz",
            "/approvals/GetApprovalNotComplete?" + "x=1&".repeat(5000) + "limit=0",
            "/\\apikeys",
            "/apikeys\\..\\audit"
        };
        String path = pick(r, paths);
        boolean post = path.contains("revoke") || path.contains("regenerate") || r.nextInt(4) == 0;
        byte[] req = post
                ? postBytes(path, "{\"oldKeyValidForSeconds\":0}".getBytes(StandardCharsets.UTF_8), "application/json")
                : RawHttp.request("GET", path, null, "X-API-Key", adminHeader());
        // a very long request line or a broken %-escape is refused by the JDK layer (URISyntaxException) first
        return new Case("path trick", req, false, true);
    }

    Case brokenFraming(Random r) {
        String[] requests = {
            "GARBAGE\r\n\r\n",
            "GET\r\n\r\n",
            "GET / HTTP/9.9\r\n\r\n",
            "\r\n\r\n",
            "POST /approvals/CreateApproval HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
            "POST /approvals/CreateApproval HTTP/1.1\r\nContent-Length: abc\r\nX-API-Key: " + adminHeader()
                    + "\r\n\r\n",
            "POST /approvals/CreateApproval HTTP/1.1\r\nTransfer-Encoding: chunked\r\nX-API-Key: " + adminHeader()
                    + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + ANCHOR_KEY
                    + "\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
            "GET /apikeys/current HTTP/1.1\r\nNoColonHeader\r\n\r\n",
            "GET /apikeys/current HTTP/1.1\r\n: empty\r\n\r\n"
        };
        byte[] bytes = pick(r, requests).getBytes(StandardCharsets.ISO_8859_1);
        if (r.nextInt(4) == 0) {
            bytes = new byte[1 + r.nextInt(500)];
            r.nextBytes(bytes);
        }
        return new Case("broken framing", bytes, true, true);
    }

    Case oddMethod(Random r) {
        String method = pick(r, new String[] {"PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "get", "Post"});
        String path = pick(r, new String[] {
            "/approvals/CreateApproval", "/apikeys", "/apikeys/current", "/audit", "/approvals/GetApprovalNotComplete"
        });
        return new Case(
                "unexpected method",
                RawHttp.request(
                        method,
                        path,
                        BASES.get("/apikeys").getBytes(StandardCharsets.UTF_8),
                        "X-API-Key",
                        adminHeader(),
                        "Content-Type",
                        "application/json"),
                false,
                false);
    }

    Case credentialTrick(Random r) {
        String key = admin.reveal();
        String[] values = {
            key.substring(0, 41),
            key + "x",
            key.toLowerCase(),
            "apv_" + "0".repeat(38),
            " ",
            "Bearer " + key,
            key.substring(0, 20) + "\u00e9" + key.substring(21),
            "apv_" + "A".repeat(5000)
        };
        String path =
                pick(r, new String[] {"/approvals/CreateApproval", "/apikeys", "/approvals/GetApprovalNotComplete"});
        String header = r.nextBoolean() ? "X-API-Key" : "Authorization";
        String value = pick(r, values);
        if (header.equals("Authorization")) {
            value = (r.nextBoolean() ? "Bearer " : pick(r, new String[] {"Basic ", "bearer", "Token "})) + value;
        }
        byte[] req = RawHttp.request(
                path.startsWith("/approvals/Get") ? "GET" : "POST",
                path,
                BASES.getOrDefault(path, "{}").getBytes(StandardCharsets.UTF_8),
                header,
                value,
                "Content-Type",
                "application/json",
                "Idempotency-Key",
                ANCHOR_KEY);
        return new Case("bad credential", req, false, false);
    }
}
