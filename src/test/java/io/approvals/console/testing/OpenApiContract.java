package io.approvals.console.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * docs/api/openapi.yaml (as the build copied it next to the sandbox) and Atlassian's swagger-request-validator:
 * checks a request or an answer against the document and says what does not match, one line each.
 */
public final class OpenApiContract {
    /** Where the build puts the document (pom.xml, resources). */
    public static final String RESOURCE = "/io/approvals/console/sandbox/api/openapi.yaml";

    private static final OpenApiContract INSTANCE = new OpenApiContract();

    private final String yaml;
    private final JsonNode document;
    private final OpenApiInteractionValidator validator;

    private OpenApiContract() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: run the build's resources step");
            }
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            document = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(yaml)
                .build();
    }

    public static OpenApiContract get() {
        return INSTANCE;
    }

    /** The document as a tree (YAML read by Jackson). */
    public JsonNode document() {
        return document;
    }

    public String yaml() {
        return yaml;
    }

    /** Every operation: "METHOD path" with its operationId, in document order. */
    public Map<String, String> operations() {
        Map<String, String> ops = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").properties().iterator();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ms =
                            p.getValue().properties().iterator();
                    ms.hasNext(); ) {
                Map.Entry<String, JsonNode> m = ms.next();
                ops.put(
                        m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey(),
                        m.getValue().path("operationId").asText());
            }
        }
        return ops;
    }

    /** The document's operation for this method and concrete path ("GET /apikeys"), or null when it has none. */
    public String operationOf(String method, String path) {
        String m = method.toLowerCase(Locale.ROOT);
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").properties().iterator();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            String regex = p.getKey().replaceAll("\\{[^}/]+}", "[^/]+");
            if (path.matches(regex)
                    && p.getValue().has(m)
                    && (p.getKey().contains("{") ? !exactPathElsewhere(path) : true)) {
                return method.toUpperCase(Locale.ROOT) + " " + p.getKey();
            }
        }
        return null;
    }

    private boolean exactPathElsewhere(String path) {
        return document.path("paths").has(path);
    }

    /** True when the document describes this path with any method. */
    public boolean knowsPath(String path) {
        for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext(); ) {
            if (path.matches(paths.next().replaceAll("\\{[^}/]+}", "[^/]+"))) {
                return true;
            }
        }
        return false;
    }

    /** What in this request the document does not allow (empty: it is a valid request). */
    public List<String> checkRequest(
            String method, String rawPathAndQuery, Map<String, List<String>> headers, byte[] body) {
        return lines(validator.validateRequest(request(method, rawPathAndQuery, headers, body)));
    }

    /** What in this answer to method + path the document does not allow (empty: a documented answer). */
    public List<String> checkResponse(
            String method, String rawPathAndQuery, int status, Map<String, List<String>> headers, byte[] body) {
        String path = pathOf(rawPathAndQuery);
        boolean head = method.equalsIgnoreCase("HEAD");
        SimpleResponse.Builder r = new SimpleResponse.Builder(status);
        headers.forEach((name, values) -> r.withHeader(name, values));
        if (body.length > 0) {
            r.withBody(body);
        }
        List<String> problems = lines(validator.validateResponse(
                path, head ? Request.Method.GET : Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), r.build()));
        if (head) {
            // a HEAD answer is the GET's without its body
            problems.removeIf(p -> p.startsWith("validation.response.body.missing"));
        }
        return problems;
    }

    private static SimpleRequest request(
            String method, String rawPathAndQuery, Map<String, List<String>> headers, byte[] body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), pathOf(rawPathAndQuery));
        headers.forEach((name, values) -> b.withHeader(name, values));
        int q = rawPathAndQuery.indexOf('?');
        if (q >= 0) {
            for (String pair : rawPathAndQuery.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                b.withQueryParam(
                        decode(eq < 0 ? pair : pair.substring(0, eq)), decode(eq < 0 ? "" : pair.substring(eq + 1)));
            }
        }
        if (body.length > 0) {
            b.withBody(body);
        }
        return b.build();
    }

    private static String pathOf(String rawPathAndQuery) {
        int q = rawPathAndQuery.indexOf('?');
        return q < 0 ? rawPathAndQuery : rawPathAndQuery.substring(0, q);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static List<String> lines(ValidationReport report) {
        List<String> out = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                out.add(m.getKey() + ": " + m.getMessage().replaceAll("\\s+", " "));
            }
        }
        return out;
    }

    /** A JSON body as text for a report line, cut short. */
    public static String excerpt(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static final ObjectMapper JSON = new ObjectMapper();
}
