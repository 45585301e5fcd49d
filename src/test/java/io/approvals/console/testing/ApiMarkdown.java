package io.approvals.console.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders docs/api.md from docs/api/openapi.yaml (scripts/api-docs.sh runs it; ApiMarkdownTest fails when the two
 * disagree), so the readable page never drifts from the document.
 */
public final class ApiMarkdown {
    private final JsonNode doc;
    private final StringBuilder md = new StringBuilder();

    ApiMarkdown(JsonNode doc) {
        this.doc = doc;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/api.md");
        Files.writeString(out, render(OpenApiContract.get().document()));
        System.out.println("Wrote " + out);
    }

    public static String render(JsonNode doc) {
        return new ApiMarkdown(doc).page();
    }

    private String page() {
        JsonNode info = doc.path("info");
        md.append("# ")
                .append(info.path("title").asText())
                .append(" (")
                .append(info.path("version").asText())
                .append(")\n\n");
        md.append("Generated from [`api/openapi.yaml`](api/openapi.yaml) (OpenAPI ")
                .append(doc.path("openapi").asText())
                .append(
                        ") by `scripts/api-docs.sh`; do not edit by hand. A running sandbox serves the same document at\n"
                                + "`/openapi.json` and an interactive page at `/docs` (no key needed for either).\n\n");
        md.append(info.path("description").asText().strip()).append("\n\n");
        md.append("## Authentication\n\n");
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        doc.at("/components/securitySchemes").properties().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> s = it.next();
            JsonNode v = s.getValue();
            String how = v.path("type").asText().equals("apiKey")
                    ? "header `" + v.path("name").asText() + "`"
                    : "`Authorization: " + cap(v.path("scheme").asText()) + " <token>`";
            md.append("- **")
                    .append(s.getKey())
                    .append("** (")
                    .append(how)
                    .append("): ")
                    .append(oneLine(v.path("description").asText()))
                    .append("\n");
        }
        md.append("\n## Endpoints\n\n| method | path | summary |\n|---|---|---|\n");
        forEachOperation((method, path, op) -> md.append("| ")
                .append(method)
                .append(" | [`")
                .append(path)
                .append("`](#")
                .append(anchor(method + " " + path))
                .append(") | ")
                .append(op.path("summary").asText())
                .append(" |\n"));
        md.append("\n");
        forEachOperation(this::operation);
        md.append("## Schemas\n\n");
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        doc.at("/components/schemas").properties().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> s = it.next();
            schema(s.getKey(), s.getValue());
        }
        return md.toString();
    }

    private interface OperationVisitor {
        void visit(String method, String path, JsonNode op);
    }

    private void forEachOperation(OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        doc.path("paths").properties().iterator();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ms =
                            p.getValue().properties().iterator();
                    ms.hasNext(); ) {
                Map.Entry<String, JsonNode> m = ms.next();
                visitor.visit(m.getKey().toUpperCase(Locale.ROOT), p.getKey(), m.getValue());
            }
        }
    }

    private void operation(String method, String path, JsonNode op) {
        md.append("### ").append(method).append(" ").append(path).append("\n\n");
        md.append("**")
                .append(op.path("summary").asText())
                .append("** (`")
                .append(op.path("operationId").asText())
                .append("`)");
        if (op.has("security") && op.get("security").isEmpty()) {
            md.append(" — no key needed");
        }
        md.append("\n\n");
        if (op.has("description")) {
            md.append(op.get("description").asText().strip()).append("\n\n");
        }
        List<JsonNode> params = new ArrayList<>();
        op.path("parameters").forEach(p -> params.add(resolve(p)));
        if (!params.isEmpty()) {
            md.append("| parameter | in | type | description |\n|---|---|---|---|\n");
            for (JsonNode p : params) {
                md.append("| `")
                        .append(p.path("name").asText())
                        .append("`")
                        .append(p.path("required").asBoolean() ? " (required)" : "")
                        .append(" | ")
                        .append(p.path("in").asText())
                        .append(" | ")
                        .append(type(p.path("schema")))
                        .append(" | ")
                        .append(oneLine(p.path("description").asText()))
                        .append(" |\n");
            }
            md.append("\n");
        }
        if (op.has("requestBody")) {
            JsonNode body = resolve(op.get("requestBody"));
            JsonNode schema = body.at("/content/application~1json/schema");
            md.append("Body (`application/json`")
                    .append(body.path("required").asBoolean() ? "" : ", optional")
                    .append("): ")
                    .append(type(schema))
                    .append("\n\n");
        }
        md.append("| status | body | description |\n|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> rs =
                        op.path("responses").properties().iterator();
                rs.hasNext(); ) {
            Map.Entry<String, JsonNode> r = rs.next();
            JsonNode response = resolve(r.getValue());
            List<String> bodies = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> cs =
                            response.path("content").properties().iterator();
                    cs.hasNext(); ) {
                Map.Entry<String, JsonNode> c = cs.next();
                bodies.add("`" + c.getKey() + "` " + type(c.getValue().path("schema")));
            }
            List<String> headers = new ArrayList<>();
            response.path("headers").fieldNames().forEachRemaining(h -> {
                if (!h.equals("X-Request-Id")) {
                    headers.add("`" + h + "`");
                }
            });
            md.append("| ")
                    .append(r.getKey())
                    .append(" | ")
                    .append(bodies.isEmpty() ? "none" : String.join(", ", bodies))
                    .append(" | ")
                    .append(oneLine(response.path("description").asText()))
                    .append(headers.isEmpty() ? "" : " Headers: " + String.join(", ", headers) + ".")
                    .append(" |\n");
        }
        md.append("\n");
    }

    private void schema(String name, JsonNode s) {
        md.append("### ").append(name).append("\n\n");
        if (s.has("description")) {
            md.append(oneLine(s.get("description").asText())).append("\n\n");
        }
        if (!s.has("properties") || s.get("properties").isEmpty()) {
            md.append(type(s)).append(constraints(s)).append("\n\n");
            return;
        }
        List<String> required = new ArrayList<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        md.append("| member | type | required | constraints | description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        s.get("properties").properties().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode v = p.getValue();
            md.append("| `")
                    .append(p.getKey())
                    .append("` | ")
                    .append(type(v))
                    .append(" | ")
                    .append(required.contains(p.getKey()) ? "yes" : "no")
                    .append(" | ")
                    .append(constraints(v).strip())
                    .append(" | ")
                    .append(oneLine(v.path("description").asText()))
                    .append(" |\n");
        }
        md.append(
                s.path("additionalProperties").isBoolean()
                                && !s.get("additionalProperties").asBoolean()
                        ? "\nNo other members.\n\n"
                        : "\n");
    }

    private String type(JsonNode s) {
        if (s.has("$ref")) {
            String name = s.get("$ref").asText().replaceAll(".*/", "");
            return "[" + name + "](#" + anchor(name) + ")";
        }
        if (s.has("allOf")) {
            List<String> parts = new ArrayList<>();
            s.get("allOf").forEach(a -> parts.add(type(a)));
            return String.join(" & ", parts) + (s.path("nullable").asBoolean() ? " or null" : "");
        }
        String t = s.path("type").asText("object");
        if (t.equals("array")) {
            t = "array of " + type(s.path("items"));
        } else if (s.has("enum")) {
            List<String> values = new ArrayList<>();
            s.get("enum").forEach(v -> values.add(v.isNull() ? "null" : "`" + v.asText() + "`"));
            t = String.join(" \\| ", values);
        } else if (s.has("format")) {
            t = t + " (" + s.get("format").asText() + ")";
        }
        return t + (s.path("nullable").asBoolean() && !t.contains("null") ? " or null" : "");
    }

    private static String constraints(JsonNode s) {
        List<String> c = new ArrayList<>();
        if (s.has("minLength") || s.has("maxLength")) {
            c.add(s.path("minLength").asInt(0) + ".."
                    + (s.has("maxLength") ? s.get("maxLength").asText() : "") + " chars");
        }
        if (s.has("minimum") || s.has("maximum")) {
            c.add(s.path("minimum").asText("") + ".." + s.path("maximum").asText(""));
        }
        if (s.has("pattern")) {
            c.add("pattern `" + s.get("pattern").asText() + "`");
        }
        if (s.has("maxItems")) {
            c.add("at most " + s.get("maxItems").asText() + " items");
        }
        if (s.path("uniqueItems").asBoolean()) {
            c.add("unique");
        }
        if (s.has("default")) {
            c.add("default " + s.get("default").asText());
        }
        return c.isEmpty() ? "" : " " + String.join(", ", c);
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = doc.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\n\\s*", " ").replace("|", "\\|");
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** GitHub's heading anchors: lower case, spaces to dashes, most punctuation dropped. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
