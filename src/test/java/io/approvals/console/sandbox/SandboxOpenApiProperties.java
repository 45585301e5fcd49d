package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.testing.OpenApiContract;
import io.approvals.console.testing.ReliabilityFigures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Requests generated from docs/api/openapi.yaml, valid and invalid, against a real sandbox. For each: the answer is
 * one the document describes for the operation (status, media type, headers, body shape), and the sandbox and the
 * document agree on the request: a request the document allows is taken (2xx, or the 404/409 the document names
 * for an unknown id or a lost race), one it forbids is refused with a 400 (or 401 without a valid key).
 * The generator reads the schemas (types, required members, lengths, enums, bounds, nullable) from the document, so
 * a change to the document changes the requests.
 */
class SandboxOpenApiProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int TRIES = (int) ReliabilityFigures.Slow.pick("reliability.openapi.cases", 300, 3000);

    private static Path dir;
    private static Sandbox sandbox;
    private static SandboxHttp http;
    private static ApiKey admin;
    private static JsonNode doc;
    private static final List<String> pendingIds = new ArrayList<>();
    private static final Map<String, Long> byOperation = new TreeMap<>();
    private static final Map<String, Long> byStatus = new TreeMap<>();
    private static long valid;
    private static long invalid;
    private static long failures;

    /** What a generated request should get. */
    enum Kind {
        VALID,
        UNKNOWN_MEMBER,
        MISSING_REQUIRED,
        WRONG_TYPE,
        TOO_LONG,
        OUT_OF_RANGE,
        NOT_AN_OBJECT,
        BAD_LIMIT,
        NO_KEY
    }

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("openapi-properties");
        sandbox = Sandbox.start(new SandboxConfig(dir, 0, 200));
        http = new SandboxHttp(sandbox.baseUri());
        admin = sandbox.newAdminKey().orElseThrow();
        doc = OpenApiContract.get().document();
        http.get("/approvals/GetApprovalNotComplete?limit=1000", admin)
                .json()
                .get("items")
                .forEach(a -> pendingIds.add(a.get("id").asText()));
    }

    @AfterContainer
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        new ReliabilityFigures("openapi-generated", "requests generated from docs/api/openapi.yaml, valid and invalid")
                .put("operations", OpenApiContract.get().operations().size())
                .put("cases", valid + invalid)
                .put("valid", valid)
                .put("invalid", invalid)
                .put("byOperation", byOperation)
                .put("statuses", byStatus)
                .put("failures", failures)
                .write();
    }

    @Provide
    Arbitrary<String> operations() {
        return Arbitraries.of(List.copyOf(OpenApiContract.get().operations().keySet()));
    }

    @Property(tries = 300)
    void everyGeneratedRequestGetsADocumentedAnswerAndTheSandboxAgreesWithTheDocument(
            @ForAll("operations") String operation, @ForAll Kind kind, @ForAll long seed) throws Exception {
        Random random = new Random(seed);
        for (int i = 0; i < Math.max(1, TRIES / 300); i++) {
            one(operation, kind, random);
        }
    }

    private void one(String operation, Kind kind, Random random) throws Exception {
        String method = operation.substring(0, operation.indexOf(' '));
        String template = operation.substring(operation.indexOf(' ') + 1);
        JsonNode op = doc.at("/paths/" + template.replace("~", "~0").replace("/", "~1") + "/" + method.toLowerCase());
        boolean open = op.has("security") && op.get("security").isEmpty();
        JsonNode bodySchema = op.at("/requestBody").isMissingNode()
                ? null
                : resolve(op.at("/requestBody")).at("/content/application~1json/schema");
        boolean hasLimit = op.toString().contains("#/components/parameters/Limit");
        Kind k = kind;
        // a kind the operation cannot have is a valid request instead
        if ((bodySchema == null
                        && k.ordinal() >= Kind.UNKNOWN_MEMBER.ordinal()
                        && k.ordinal() <= Kind.NOT_AN_OBJECT.ordinal())
                || (k == Kind.BAD_LIMIT && !hasLimit)
                || (k == Kind.NO_KEY && open)) {
            k = Kind.VALID;
        }

        // a key of its own for operations that change or kill the calling or named key
        ApiKey key = admin;
        String path = template;
        if (template.contains("{id}") || template.equals("/apikeys/current/regenerate")) {
            ApiKey victim = sandbox.issueKeyForTests("victim", "victim@example.com", Set.of("read"), null);
            String victimId =
                    http.get("/apikeys/current", victim).json().get("id").asText();
            if (template.equals("/apikeys/current/regenerate")) {
                key = victim;
            }
            path = template.replace(
                    "{id}",
                    random.nextInt(5) == 0
                            ? "key_" + UUID.randomUUID().toString().substring(0, 8)
                            : victimId);
        }

        StringBuilder query = new StringBuilder();
        if (hasLimit && random.nextBoolean() || k == Kind.BAD_LIMIT) {
            String limit = k == Kind.BAD_LIMIT
                    ? List.of("0", "1001", "-1", "ten", "1.5").get(random.nextInt(5))
                    : Integer.toString(1 + random.nextInt(random.nextBoolean() ? 5 : 1000));
            query.append(query.length() == 0 ? "?" : "&")
                    .append("limit=")
                    .append(URLEncoder.encode(limit, StandardCharsets.UTF_8));
        }
        if (template.equals("/approvals/GetApprovalNotComplete") && random.nextInt(4) == 0) {
            query.append(query.length() == 0 ? "?" : "&")
                    .append("approver=")
                    .append(URLEncoder.encode(random.nextBoolean() ? "lee@example.com" : "", StandardCharsets.UTF_8));
        }

        JsonNode body = null;
        String rawBody = null;
        if (bodySchema != null && !(template.endsWith("/revoke") && random.nextBoolean() && k == Kind.VALID)) {
            body = generate(resolve(bodySchema), random, template);
            rawBody = JSON.writeValueAsString(mutate(body, resolve(bodySchema), k, random));
            if (k == Kind.NOT_AN_OBJECT) {
                rawBody = List.of("[]", "\"text\"", "42", "null", "true").get(random.nextInt(5));
            }
        }
        String target = path + query;
        HttpRequest.Builder b = http.request(target);
        b.method(
                method,
                rawBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(rawBody));
        if (rawBody != null) {
            b.header("Content-Type", "application/json");
        }
        if (k != Kind.NO_KEY && !open) {
            if (random.nextInt(4) == 0) {
                b.header("Authorization", "Bearer " + key.reveal());
            } else {
                b.header("X-API-Key", key.reveal());
            }
        }
        if (template.equals("/approvals/CreateApproval") && random.nextBoolean()) {
            b.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        HttpRequest built = b.build();
        SandboxHttp.Answer answer = http.send(b);

        Map<String, List<String>> requestHeaders =
                new LinkedHashMap<>(built.headers().map());
        Map<String, List<String>> responseHeaders =
                new LinkedHashMap<>(answer.raw().headers().map());
        byte[] requestBytes = rawBody == null ? new byte[0] : rawBody.getBytes(StandardCharsets.UTF_8);
        List<String> answerProblems = OpenApiContract.get()
                .checkResponse(
                        method,
                        target,
                        answer.status(),
                        responseHeaders,
                        answer.raw().body());
        List<String> requestProblems = OpenApiContract.get().checkRequest(method, target, requestHeaders, requestBytes);

        synchronized (SandboxOpenApiProperties.class) {
            byOperation.merge(operation, 1L, Long::sum);
            byStatus.merge(Integer.toString(answer.status()), 1L, Long::sum);
            if (k == Kind.VALID) {
                valid++;
            } else {
                invalid++;
            }
        }
        String what = operation + " " + k + " " + target + " " + (rawBody == null ? "" : rawBody) + " -> "
                + answer.status() + " " + answer.text();
        try {
            assertThat(answerProblems)
                    .as("answer outside the document: " + what)
                    .isEmpty();
            if (k == Kind.VALID) {
                assertThat(requestProblems)
                        .as("generated a request the document forbids: " + what)
                        .isEmpty();
                assertThat(answer.status())
                        .as("the sandbox refused a request the document allows: " + what)
                        .satisfiesAnyOf(s -> assertThat(s).isBetween(200, 299), s -> assertThat(s)
                                .isIn(404, 409));
            } else if (k == Kind.NO_KEY) {
                assertThat(answer.status()).as(what).isIn(401, 429);
            } else {
                assertThat(requestProblems)
                        .as("the document allows what the sandbox should refuse: " + what)
                        .isNotEmpty();
                assertThat(answer.status())
                        .as("the sandbox took a request the document forbids: " + what)
                        .isEqualTo(400);
            }
            if (k == Kind.VALID && template.equals("/approvals/UpdateApprovalStatus") && answer.status() == 200) {
                synchronized (pendingIds) {
                    pendingIds.remove(body.get("id").asText());
                }
            }
        } catch (AssertionError e) {
            synchronized (SandboxOpenApiProperties.class) {
                failures++;
            }
            throw e;
        }
    }

    /** A value the schema allows (and the sandbox's rules beyond the schema: future expiries, comments to reject). */
    private JsonNode generate(JsonNode schema, Random random, String template) {
        schema = resolve(schema);
        if (schema.has("allOf")) {
            ObjectNode merged = JSON.createObjectNode();
            schema.get("allOf").forEach(s -> merged.setAll((ObjectNode) resolve(s)));
            schema.properties().forEach(e -> {
                if (!e.getKey().equals("allOf")) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            schema = merged;
        }
        if (schema.path("nullable").asBoolean() && random.nextInt(5) == 0) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(v -> {
                if (!v.isNull()) {
                    values.add(v);
                }
            });
            return values.get(random.nextInt(values.size()));
        }
        String type = schema.path("type").asText("object");
        switch (type) {
            case "object": {
                ObjectNode o = JSON.createObjectNode();
                Set<String> required = new java.util.HashSet<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                schema.path("properties").properties().iterator();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (required.contains(p.getKey()) || random.nextBoolean()) {
                        o.set(p.getKey(), generate(p.getValue(), random, template));
                    }
                }
                if (template.equals("/approvals/UpdateApprovalStatus")) {
                    synchronized (pendingIds) {
                        o.put(
                                "id",
                                pendingIds.isEmpty() || random.nextInt(6) == 0
                                        ? "apr_"
                                                + UUID.randomUUID()
                                                        .toString()
                                                        .replace("-", "")
                                                        .substring(0, 20)
                                        : pendingIds.get(random.nextInt(pendingIds.size())));
                    }
                    if (o.path("status").asText().equals("Rejected")
                            && (!o.path("comment").isTextual()
                                    || o.get("comment").asText().isBlank())) {
                        o.put("comment", "Rejected by a generated request");
                    }
                }
                return o;
            }
            case "array": {
                ArrayNode a = JSON.createArrayNode();
                int n = random.nextInt(Math.min(4, schema.path("maxItems").asInt(4)) + 1);
                for (int i = 0; i < n; i++) {
                    a.add(generate(schema.path("items"), random, template));
                }
                return a;
            }
            case "integer": {
                long min = schema.path("minimum").asLong(0);
                long max = schema.path("maximum").asLong(min + 1_000_000);
                long span = max - min + 1;
                long v = random.nextInt(3) == 0
                        ? (random.nextBoolean() ? min : max)
                        : min + Math.floorMod(random.nextLong(), span);
                return NODES.numberNode(v);
            }
            case "string": {
                if ("date-time".equals(schema.path("format").asText())) {
                    Instant future =
                            Instant.now().plusSeconds(86_400L + Math.floorMod(random.nextLong(), 86_400L * 3650));
                    String text = future.toString();
                    return NODES.textNode(
                            random.nextBoolean() ? text : io.approvals.console.contract.Json.millisText(future));
                }
                int min = Math.max(schema.path("minLength").asInt(0), schema.has("pattern") ? 1 : 0);
                int max = schema.path("maxLength").asInt(40);
                int length = random.nextInt(4) == 0
                        ? (random.nextBoolean() ? min : max)
                        : min + random.nextInt(Math.min(max, min + 40) - min + 1);
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    s.append((char) ('a' + random.nextInt(26)));
                }
                return NODES.textNode(s.toString());
            }
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            default:
                return NODES.nullNode();
        }
    }

    /** The body made invalid in the way kind says, by the schema's own constraints. */
    private static JsonNode mutate(JsonNode body, JsonNode schema, Kind kind, Random random) {
        if (kind == Kind.VALID || kind == Kind.NO_KEY || kind == Kind.BAD_LIMIT || !body.isObject()) {
            return body;
        }
        ObjectNode o = ((ObjectNode) body).deepCopy();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<Map.Entry<String, JsonNode>> props = new ArrayList<>();
        schema.path("properties").properties().forEach(props::add);
        switch (kind) {
            case UNKNOWN_MEMBER -> o.put("unexpected" + random.nextInt(100), "x");
            case MISSING_REQUIRED -> {
                if (required.isEmpty()) {
                    o.put("unexpected", 1);
                } else {
                    String r = required.get(random.nextInt(required.size()));
                    if (random.nextBoolean()) {
                        o.remove(r);
                    } else {
                        o.putNull(r); // explicit null is the same as absent
                    }
                }
            }
            case WRONG_TYPE -> {
                if (props.isEmpty()) {
                    o.put("unexpected", 1);
                } else {
                    Map.Entry<String, JsonNode> p = props.get(random.nextInt(props.size()));
                    String type = resolve(p.getValue()).path("type").asText();
                    o.set(
                            p.getKey(),
                            type.equals("string")
                                    ? NODES.numberNode(7)
                                    : type.equals("array") ? NODES.textNode("read") : NODES.textNode("seven"));
                }
            }
            case TOO_LONG -> {
                Map.Entry<String, JsonNode> p = props.stream()
                        .filter(e -> resolve(e.getValue()).has("maxLength"))
                        .findAny()
                        .orElse(null);
                if (p == null) {
                    o.put("unexpected", 1);
                } else {
                    o.put(
                            p.getKey(),
                            "y".repeat(resolve(p.getValue()).get("maxLength").asInt() + 1));
                }
            }
            case OUT_OF_RANGE -> {
                Map.Entry<String, JsonNode> p = props.stream()
                        .filter(e -> resolve(e.getValue()).has("minimum"))
                        .findAny()
                        .orElse(null);
                if (p != null) {
                    JsonNode s = resolve(p.getValue());
                    o.put(
                            p.getKey(),
                            random.nextBoolean() || !s.has("maximum")
                                    ? s.get("minimum").asLong() - 1
                                    : s.get("maximum").asLong() + 1);
                } else {
                    // a required non-blank string made blank
                    Map.Entry<String, JsonNode> blank = props.stream()
                            .filter(e -> resolve(e.getValue()).has("pattern") && required.contains(e.getKey()))
                            .findAny()
                            .orElse(null);
                    if (blank == null) {
                        o.put("unexpected", 1);
                    } else {
                        o.put(blank.getKey(), "   ");
                    }
                }
            }
            default -> {}
        }
        return o;
    }

    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = doc.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
