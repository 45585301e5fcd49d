package io.approvals.console.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An ApprovalsController v2 in the shapes Spring Boot produces: camelCase, UUID ids, upper-case enums, pages as
 * {@code {"content": [...], "number", "totalPages", "last"}} asked for with {@code ?page=N&size=M} (3 items a
 * page), epoch-millisecond times, a bearer token, a decision body {@code {"approvalId", "decision", "comment",
 * "version"}} answered 200 with the approval, and springdoc's document at /v3/api-docs.
 */
public final class SpringLikeServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 3;

    private final HttpServer server;
    private final String token;
    private final Map<String, ObjectNode> items = new LinkedHashMap<>();
    public final List<JsonNode> received = new CopyOnWriteArrayList<>();
    public final List<String> listQueries = new CopyOnWriteArrayList<>();

    public SpringLikeServer(String token, int count) throws IOException {
        this.token = token;
        for (int i = 1; i <= count; i++) {
            ObjectNode a = JSON.createObjectNode();
            String id = new UUID(0x1234, i).toString();
            a.put("id", id)
                    .put("title", "Travel request " + i)
                    .put("requester", "sam@example.com")
                    .put("priority", i % 2 == 0 ? "HIGH" : "MEDIUM")
                    .put("status", "PENDING")
                    .put("createdAt", 1757156527000L + i * 1000L)
                    .put("version", i);
            items.put(id, a);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized ObjectNode item(String id) {
        return items.get(id);
    }

    public synchronized List<String> ids() {
        return new ArrayList<>(items.keySet());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] in = ex.getRequestBody().readAllBytes();
            if (path.equals("/v3/api-docs")) {
                send(ex, 200, API_DOCS);
                return;
            }
            if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(
                        ex,
                        401,
                        "{\"timestamp\":\"2025-09-06T11:02:07.123+00:00\",\"status\":401,"
                                + "\"error\":\"Unauthorized\",\"path\":\"" + path + "\"}");
                return;
            }
            synchronized (this) {
                switch (path) {
                    case "/approvals/GetApprovalNotComplete" -> list(ex);
                    case "/approvals/UpdateApprovalStatus" -> decide(ex, JSON.readTree(in));
                    case "/approvals/CreateApproval" -> create(ex, JSON.readTree(in));
                    default -> send(ex, 404, "{\"status\":404,\"error\":\"Not Found\",\"path\":\"" + path + "\"}");
                }
            }
        }
    }

    private void list(HttpExchange ex) throws IOException {
        String q =
                ex.getRequestURI().getQuery() == null ? "" : ex.getRequestURI().getQuery();
        listQueries.add(q);
        int page = 0;
        for (String part : q.split("&")) {
            if (part.startsWith("page=")) {
                page = Integer.parseInt(part.substring(5));
            }
        }
        List<ObjectNode> open = items.values().stream()
                .filter(a -> a.get("status").asText().equals("PENDING"))
                .toList();
        int total = (open.size() + PAGE - 1) / PAGE;
        ArrayNode content = JSON.createArrayNode();
        open.stream().skip((long) page * PAGE).limit(PAGE).forEach(content::add);
        ObjectNode out = JSON.createObjectNode();
        out.set("content", content);
        out.put("number", page)
                .put("size", PAGE)
                .put("totalElements", open.size())
                .put("totalPages", total)
                .put("first", page == 0)
                .put("last", page + 1 >= total);
        send(ex, 200, out.toString());
    }

    private void decide(HttpExchange ex, JsonNode body) throws IOException {
        received.add(body);
        ObjectNode a = items.get(body.path("approvalId").asText());
        String decision = body.path("decision").asText();
        if (a == null) {
            send(ex, 404, "{\"status\":404,\"error\":\"Not Found\"}");
            return;
        }
        if (!decision.equals("APPROVED") && !decision.equals("REJECTED")) {
            send(
                    ex,
                    400,
                    "{\"status\":400,\"error\":\"Bad Request\",\"message\":\"decision: must be APPROVED or REJECTED\"}");
            return;
        }
        if (body.has("version")
                && body.get("version").asLong() != a.get("version").asLong()) {
            send(ex, 409, "{\"status\":409,\"error\":\"Conflict\"}");
            return;
        }
        a.put("status", decision)
                .put("version", a.get("version").asLong() + 1)
                .put("comment", body.path("comment").asText(null));
        send(ex, 200, a.toString());
    }

    private void create(HttpExchange ex, JsonNode body) throws IOException {
        received.add(body);
        ObjectNode a = JSON.createObjectNode();
        String id = UUID.randomUUID().toString();
        a.put("id", id)
                .put("title", body.path("title").asText())
                .put("priority", body.path("priority").asText("LOW"))
                .put("status", "PENDING")
                .put("createdAt", System.currentTimeMillis())
                .put("version", 0);
        items.put(id, a);
        send(ex, 201, a.toString());
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static final String API_DOCS = """
            {"openapi": "3.0.1", "info": {"title": "OpenAPI definition", "version": "v0"},
             "servers": [{"url": "http://localhost:8080", "description": "Generated server url"}],
             "security": [{"bearerAuth": []}],
             "paths": {
               "/approvals/UpdateApprovalStatus": {"post": {"tags": ["approval-controller"],
                  "operationId": "updateApprovalStatus", "requestBody": {"content": {"application/json": {
                  "schema": {"$ref": "#/components/schemas/DecisionRequest"}}}, "required": true},
                  "responses": {"200": {"description": "OK"}}}},
               "/approvals/CreateApproval": {"post": {"operationId": "createApproval", "requestBody": {"content": {
                  "application/json": {"schema": {"$ref": "#/components/schemas/NewApproval"}}}, "required": true},
                  "responses": {"201": {"description": "Created"}}}},
               "/approvals/GetApprovalNotComplete": {"get": {"operationId": "getApprovalNotComplete",
                  "parameters": [{"name": "pageable", "in": "query", "required": true,
                  "schema": {"$ref": "#/components/schemas/Pageable"}}], "responses": {"200": {"description": "OK"}}}}},
             "components": {
               "schemas": {
                 "DecisionRequest": {"required": ["approvalId", "decision"], "type": "object", "properties": {
                    "approvalId": {"type": "string", "format": "uuid"},
                    "decision": {"type": "string", "enum": ["APPROVED", "REJECTED"]},
                    "comment": {"type": "string"}, "version": {"type": "integer", "format": "int64"}}},
                 "NewApproval": {"type": "object", "properties": {"title": {"type": "string"},
                    "description": {"type": "string"},
                    "priority": {"type": "string", "enum": ["LOW", "MEDIUM", "HIGH", "CRITICAL"]}}},
                 "Pageable": {"type": "object", "properties": {"page": {"minimum": 0, "type": "integer"},
                    "size": {"minimum": 1, "type": "integer"}}}},
               "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}}}
            """;
}
