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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An ApprovalsController v2 in the shapes ASP.NET Core produces with PascalCase naming: a bare array, int ids,
 * zone-less DateTime with 7 fraction digits, InProgress and Medium, a base64 RowVersion, ValidationProblemDetails,
 * an empty 401, no /apikeys, 204 to a decision, 201 + Location to a create, and Swashbuckle's document at
 * /swagger/v1/swagger.json naming the key header X-Api-Token. Binds request names in any letter case and wants an
 * int as an int, as System.Text.Json does.
 */
public final class AspNetLikeServer implements AutoCloseable {
    public static final String HEADER = "X-Api-Token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String key;
    private final Map<Integer, ObjectNode> items = new ConcurrentHashMap<>();
    /** Every request body the decision and create endpoints received. */
    public final List<JsonNode> received = new CopyOnWriteArrayList<>();
    /** Items sent after the others in the list as they are, e.g. one without an id or with an unreadable field. */
    public final List<String> rawItems = new CopyOnWriteArrayList<>();
    /** [MaxLength] on the decision's Comment and the create's Title, answered as ASP.NET words it. */
    public volatile int commentMaxLength = Integer.MAX_VALUE;

    public volatile int titleMaxLength = Integer.MAX_VALUE;
    /** False: no Swashbuckle document (a server whose header name must be guessed). */
    public volatile boolean publishSwagger = true;
    /** The list answers 500 with a problem body and a traceId, as an ASP.NET exception handler does. */
    public volatile boolean listFails;

    public AspNetLikeServer(String key, int count) throws IOException {
        this.key = key;
        for (int i = 1; i <= count; i++) {
            ObjectNode a = JSON.createObjectNode();
            a.put("Id", i)
                    .put("Title", "Purchase order " + i)
                    .put("Description", "Needs sign-off")
                    .put("Requester", "dana@example.com")
                    .put("Approver", i % 2 == 0 ? "lee@example.com" : null)
                    .put("Priority", i % 3 == 0 ? "Medium" : i % 3 == 1 ? "High" : "Critical")
                    .put("DueDate", "2026-12-0" + (1 + i % 9) + "T17:00:00")
                    .put("Status", i % 4 == 0 ? "InProgress" : "Pending")
                    .put("CreatedAt", "2025-09-06T11:02:07.1234567")
                    .put("RowVersion", rowVersion(2000 + i));
            items.put(i, a);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public ObjectNode item(int id) {
        return items.get(id);
    }

    public static String rowVersion(long v) {
        return Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(8).putLong(v).array());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] in = ex.getRequestBody().readAllBytes();
            if (path.equals("/swagger/v1/swagger.json") && publishSwagger) {
                send(ex, 200, "application/json", SWAGGER);
                return;
            }
            if (!key.equals(ex.getRequestHeaders().getFirst(HEADER))) {
                ex.sendResponseHeaders(401, -1); // ASP.NET's default: no body at all
                return;
            }
            switch (path) {
                case "/approvals/GetApprovalNotComplete" -> {
                    if (listFails) {
                        send(
                                ex,
                                500,
                                "application/problem+json",
                                "{\"title\":\"An error occurred while processing"
                                        + " your request.\",\"status\":500,\"traceId\":\"00-5f1c-trace-01\"}");
                        return;
                    }
                    ArrayNode out = JSON.createArrayNode();
                    items.keySet().stream()
                            .sorted()
                            .map(items::get)
                            .filter(a -> !a.get("Status").asText().matches("Approved|Rejected"))
                            .forEach(out::add);
                    for (String raw : rawItems) {
                        out.add(JSON.readTree(raw));
                    }
                    send(ex, 200, "application/json; charset=utf-8", out.toString());
                }
                case "/approvals/UpdateApprovalStatus" -> update(ex, JSON.readTree(in));
                case "/approvals/CreateApproval" -> create(ex, JSON.readTree(in));
                default -> {
                    if (path.matches("/approvals/[0-9]+") && items.containsKey(Integer.parseInt(path.substring(11)))) {
                        send(
                                ex,
                                200,
                                "application/json",
                                items.get(Integer.parseInt(path.substring(11))).toString());
                    } else {
                        send(
                                ex,
                                404,
                                "application/problem+json",
                                "{\"type\":\"https://tools.ietf.org/html/rfc9110#"
                                        + "section-15.5.5\",\"title\":\"Not Found\",\"status\":404,\"traceId\":\"00-aa-bb-00\"}");
                    }
                }
            }
        }
    }

    private void update(HttpExchange ex, JsonNode body) throws IOException {
        received.add(body);
        JsonNode id = field(body, "ApprovalId");
        if (id == null || !id.isInt()) {
            validation(ex, "$.ApprovalId", "The JSON value could not be converted to System.Int32.");
            return;
        }
        String status =
                field(body, "Status") == null ? "" : field(body, "Status").asText();
        if (!status.matches("(?i)Approved|Rejected")) {
            validation(ex, "Status", "The value '" + status + "' is not valid for Status.");
            return;
        }
        JsonNode comment = field(body, "Comment");
        if (status.equalsIgnoreCase("Rejected")
                && (comment == null || comment.asText().isBlank())) {
            validation(ex, "Comment", "The Comment field is required.");
            return;
        }
        if (comment != null && comment.asText().length() > commentMaxLength) {
            validation(
                    ex,
                    "Comment",
                    "The field Comment must be a string or array type with a maximum length of '" + commentMaxLength
                            + "'.");
            return;
        }
        ObjectNode a = items.get(id.asInt());
        if (a == null) {
            send(ex, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
            return;
        }
        JsonNode rv = field(body, "RowVersion");
        if (rv != null && !rv.asText().equals(a.get("RowVersion").asText())) {
            send(
                    ex,
                    409,
                    "application/problem+json",
                    "{\"title\":\"Conflict\",\"status\":409,"
                            + "\"detail\":\"The approval was changed by someone else.\"}");
            return;
        }
        a.put("Status", status.equalsIgnoreCase("Approved") ? "Approved" : "Rejected");
        a.put(
                "RowVersion",
                rowVersion(Base64.getDecoder().decode(a.get("RowVersion").asText())[7] + 5000));
        ex.sendResponseHeaders(204, -1);
    }

    private void create(HttpExchange ex, JsonNode body) throws IOException {
        received.add(body);
        JsonNode title = field(body, "Title");
        if (title == null || title.asText().isBlank()) {
            validation(ex, "Title", "The Title field is required.");
            return;
        }
        if (title.asText().length() > titleMaxLength) {
            validation(
                    ex,
                    "Title",
                    "The field Title must be a string or array type with a maximum length of '" + titleMaxLength
                            + "'.");
            return;
        }
        int id = items.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        ObjectNode a = JSON.createObjectNode();
        a.put("Id", id)
                .put("Title", title.asText())
                .put("Status", "Pending")
                .put(
                        "Priority",
                        field(body, "Priority") == null
                                ? "Low"
                                : field(body, "Priority").asText())
                .put("CreatedAt", "2025-09-07T08:00:00")
                .put("RowVersion", rowVersion(9000 + id));
        items.put(id, a);
        ex.getResponseHeaders().set("Location", "/approvals/" + id);
        ex.sendResponseHeaders(201, -1);
    }

    private static JsonNode field(JsonNode body, String name) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (n.equalsIgnoreCase(name)) {
                return body.get(n);
            }
        }
        return null;
    }

    private static void validation(HttpExchange ex, String field, String message) throws IOException {
        send(
                ex,
                400,
                "application/problem+json",
                "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.1\","
                        + "\"title\":\"One or more validation errors occurred.\",\"status\":400,\"errors\":{\""
                        + field + "\":[\"" + message
                        + "\"]},\"traceId\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00\"}");
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** What Swashbuckle writes for such a controller (trimmed to what matters; $refs as it writes them). */
    static final String SWAGGER = """
            {"openapi": "3.0.1", "info": {"title": "Approvals", "version": "v2"},
             "paths": {
               "/approvals/GetApprovalNotComplete": {"get": {"tags": ["Approvals"], "responses": {"200": {
                  "description": "Success", "content": {"application/json": {"schema": {"type": "array",
                  "items": {"$ref": "#/components/schemas/Approval"}}}}}}}},
               "/approvals/UpdateApprovalStatus": {"post": {"tags": ["Approvals"], "requestBody": {"content": {
                  "application/json": {"schema": {"$ref": "#/components/schemas/UpdateApprovalStatusRequest"}},
                  "text/json": {"schema": {"$ref": "#/components/schemas/UpdateApprovalStatusRequest"}}}},
                  "responses": {"204": {"description": "No Content"}}}},
               "/approvals/CreateApproval": {"post": {"tags": ["Approvals"], "requestBody": {"content": {
                  "application/json": {"schema": {"$ref": "#/components/schemas/CreateApprovalRequest"}}}},
                  "responses": {"201": {"description": "Created"}}}}},
             "components": {
               "schemas": {
                 "ApprovalStatus": {"enum": ["Pending", "InProgress", "Approved", "Rejected"], "type": "string"},
                 "Priority": {"enum": ["Low", "Medium", "High", "Critical"], "type": "string"},
                 "Approval": {"type": "object", "properties": {"Id": {"type": "integer", "format": "int32"},
                    "Title": {"type": "string", "nullable": true}, "Status": {"$ref": "#/components/schemas/ApprovalStatus"},
                    "RowVersion": {"type": "string", "format": "byte", "nullable": true}}, "additionalProperties": false},
                 "ApprovalRequestBase": {"type": "object", "properties": {
                    "ApprovalId": {"type": "integer", "format": "int32"}}},
                 "UpdateApprovalStatusRequest": {"allOf": [{"$ref": "#/components/schemas/ApprovalRequestBase"}],
                    "type": "object", "properties": {
                    "Status": {"$ref": "#/components/schemas/ApprovalStatus"},
                    "Comment": {"type": "string", "nullable": true},
                    "RowVersion": {"type": "string", "format": "byte", "nullable": true}}, "additionalProperties": false},
                 "CreateApprovalRequest": {"type": "object", "properties": {
                    "Title": {"type": "string"}, "Description": {"type": "string", "nullable": true},
                    "Requester": {"type": "string", "nullable": true}, "Approver": {"type": "string", "nullable": true},
                    "Priority": {"$ref": "#/components/schemas/Priority"},
                    "DueDate": {"type": "string", "format": "date-time", "nullable": true}}, "additionalProperties": false}},
               "securitySchemes": {"ApiKey": {"type": "apiKey", "description": "API key", "name": "X-Api-Token",
                  "in": "header"}}},
             "security": [{"ApiKey": []}]}
            """;
}
