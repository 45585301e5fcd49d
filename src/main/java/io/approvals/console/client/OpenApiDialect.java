package io.approvals.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.contract.Dialect;
import io.approvals.console.contract.ServerText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a server's dialect from its OpenAPI document (3.x, or Swagger 2.0 as Swashbuckle and springdoc write them)
 * with Jackson alone: the API-key security scheme (header name, or bearer), the request body field names of
 * UpdateApprovalStatus and CreateApproval, their enum spellings, and the types of the id and version. Local
 * {@code $ref}s ({@code #/components/schemas/X}, {@code #/definitions/X}) and {@code allOf} are resolved; a
 * {@code $ref} to another document is never fetched.
 *
 * <p>Why not swagger-parser: the console needs these few parts, and swagger-parser-v3 2.1.22 adds 13 jars, 2.4 MB
 * besides Jackson (snakeyaml, commons-lang3, commons-io, jakarta APIs, swagger-core/models; measured, see
 * docs/real-servers.md), pins Jackson 2.16 against our 2.21, and loads its model for a document read once.
 */
public final class OpenApiDialect {
    private static final Map<String, List<String>> CANDIDATES = new LinkedHashMap<>();

    static {
        CANDIDATES.put("id", List.of("id", "approvalId", "approval_id", "approvalID"));
        CANDIDATES.put("status", List.of("status", "decision", "newStatus", "state", "approvalStatus"));
        CANDIDATES.put("comment", List.of("comment", "reason", "note", "decisionComment", "remarks"));
        CANDIDATES.put(
                "expectedVersion",
                List.of("expectedVersion", "rowVersion", "version", "concurrencyToken", "etag", "timestamp"));
        CANDIDATES.put("title", List.of("title", "name", "subject"));
        CANDIDATES.put("description", List.of("description", "details"));
        CANDIDATES.put("requester", List.of("requester", "requestedBy", "requestor"));
        CANDIDATES.put("approver", List.of("approver", "assignedTo", "assignee"));
        CANDIDATES.put("priority", List.of("priority"));
        CANDIDATES.put("dueAt", List.of("dueAt", "dueDate", "due", "deadline"));
    }

    /** What the document said: the dialect, and how the key travels (null when it names no scheme). */
    public record Result(Dialect dialect, String headerName, boolean bearer, List<String> notes) {}

    private final JsonNode root;
    private final List<String> notes = new ArrayList<>();

    private OpenApiDialect(JsonNode root) {
        this.root = root;
    }

    /** Reads the document; source is where it came from (stored in the dialect). */
    public static Result read(JsonNode document, String source) {
        if (document == null
                || !document.isObject()
                || (document.get("openapi") == null && document.get("swagger") == null)) {
            throw new IllegalArgumentException("not an OpenAPI document (no \"openapi\" or \"swagger\" field)");
        }
        return new OpenApiDialect(document).result(source);
    }

    private Result result(String source) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> spellings = new LinkedHashMap<>();
        String idType = null;
        String versionType = null;
        JsonNode update = requestSchema("UpdateApprovalStatus");
        if (update != null) {
            Map<String, JsonNode> props = properties(update, 0);
            for (String logical : List.of("id", "status", "comment", "expectedVersion")) {
                String name = match(props, logical);
                if (name == null) {
                    continue;
                }
                if (!name.equals(logical)) {
                    fields.put(logical, name);
                }
                JsonNode schema = resolve(props.get(name), 0);
                switch (logical) {
                    case "id" -> idType = isInteger(schema) ? "integer" : null;
                    case "status" -> spell(schema, List.of("Approved", "Rejected", "Pending"), spellings);
                    case "expectedVersion" ->
                        versionType =
                                isInteger(schema) ? null : "byte".equals(text(schema, "format")) ? "byte" : "string";
                    default -> {}
                }
            }
        } else {
            notes.add("no UpdateApprovalStatus request body found: the contract's names are used");
        }
        JsonNode create = requestSchema("CreateApproval");
        if (create != null) {
            Map<String, JsonNode> props = properties(create, 0);
            for (String logical : List.of("title", "description", "requester", "approver", "priority", "dueAt")) {
                String name = match(props, logical);
                if (name == null) {
                    continue;
                }
                if (!name.equals(logical)) {
                    fields.put(logical, name);
                }
                if (logical.equals("priority")) {
                    spell(resolve(props.get(name), 0), List.of("Low", "Normal", "High", "Urgent"), spellings);
                }
            }
        }
        String header = null;
        boolean bearer = false;
        JsonNode schemes = root.at("/components/securitySchemes");
        if (schemes.isMissingNode()) {
            schemes = root.path("securityDefinitions");
        }
        for (Iterator<JsonNode> it = schemes.elements(); it.hasNext() && header == null && !bearer; ) {
            JsonNode s = resolve(it.next(), 0);
            String type = text(s, "type");
            if ("apiKey".equalsIgnoreCase(type) && "header".equalsIgnoreCase(text(s, "in"))) {
                String name = text(s, "name");
                if (name != null
                        && name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}")
                        && !name.equalsIgnoreCase("Authorization")) {
                    header = name;
                } else if ("Authorization".equalsIgnoreCase(name)) {
                    bearer = true;
                }
            } else if ("http".equalsIgnoreCase(type) && "bearer".equalsIgnoreCase(text(s, "scheme"))) {
                bearer = true;
            }
        }
        Dialect d = new Dialect(
                ServerText.clean(source),
                header != null || bearer ? "openapi" : null,
                fields,
                spellings,
                idType,
                versionType,
                null);
        return new Result(d, header, bearer, List.copyOf(notes));
    }

    /** The request body schema of the POST operation whose path ends with the operation's name. */
    private JsonNode requestSchema(String operation) {
        JsonNode paths = root.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().toLowerCase(Locale.ROOT).endsWith("/" + operation.toLowerCase(Locale.ROOT))) {
                continue;
            }
            JsonNode post = resolve(e.getValue(), 0).path("post");
            JsonNode content = resolve(post.path("requestBody"), 0).path("content");
            for (String type : List.of("application/json", "application/*+json", "text/json")) {
                JsonNode schema = content.path(type).path("schema");
                if (!schema.isMissingNode()) {
                    return resolve(schema, 0);
                }
            }
            for (Iterator<JsonNode> c = content.elements(); c.hasNext(); ) {
                JsonNode schema = c.next().path("schema");
                if (!schema.isMissingNode()) {
                    return resolve(schema, 0);
                }
            }
            for (JsonNode p : post.path("parameters")) { // Swagger 2.0: a body parameter
                JsonNode param = resolve(p, 0);
                if ("body".equals(text(param, "in"))) {
                    return resolve(param.path("schema"), 0);
                }
            }
        }
        return null;
    }

    /** The properties of an object schema, allOf parts merged. */
    private Map<String, JsonNode> properties(JsonNode schema, int depth) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JsonNode s = resolve(schema, depth);
        if (depth > 20 || s == null) {
            return out;
        }
        for (JsonNode part : s.path("allOf")) {
            out.putAll(properties(part, depth + 1));
        }
        s.path("properties").properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Follows local $refs (JSON pointers into this document); an outside or broken one is left as it is. */
    private JsonNode resolve(JsonNode node, int depth) {
        JsonNode n = node;
        for (int i = depth; n != null && n.has("$ref") && i < 20; i++) {
            String ref = n.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                notes.add("an outside $ref was not followed: " + ServerText.clean(ref));
                return n;
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                return n;
            }
            n = target;
        }
        return n;
    }

    private static String match(Map<String, JsonNode> props, String logical) {
        for (String candidate : CANDIDATES.get(logical)) {
            for (String name : props.keySet()) {
                if (name.equalsIgnoreCase(candidate) && name.matches("[A-Za-z0-9_.$@-]{1,100}")) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The server's spelling of each of the contract's values in the schema's enum, when it differs. */
    private void spell(JsonNode schema, List<String> contractValues, Map<String, String> spellings) {
        JsonNode values = schema == null ? null : schema.get("enum");
        if (values == null || !values.isArray()) {
            return;
        }
        List<String> server = new ArrayList<>();
        values.forEach(v -> server.add(v.asText()));
        for (String mine : contractValues) {
            String found = null;
            for (String theirs : server) {
                if (theirs.equalsIgnoreCase(mine)) {
                    found = theirs;
                }
            }
            if (found == null) { // Approve for Approved, Reject for Rejected
                for (String theirs : server) {
                    String stem = mine.toLowerCase(Locale.ROOT).replaceAll("e?d$", "");
                    if (theirs.toLowerCase(Locale.ROOT).startsWith(stem) && theirs.length() <= mine.length() + 2) {
                        found = theirs;
                    }
                }
            }
            if (found != null && !found.equals(mine) && found.matches("[A-Za-z0-9_.$@-]{1,100}")) {
                spellings.put(mine, found);
            }
        }
    }

    private static boolean isInteger(JsonNode schema) {
        return schema != null && "integer".equals(text(schema, "type"));
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        return v == null || !v.isTextual() ? null : v.asText();
    }
}
