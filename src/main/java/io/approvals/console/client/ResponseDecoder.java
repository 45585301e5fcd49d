package io.approvals.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.Json;
import io.approvals.console.contract.Page;
import io.approvals.console.contract.ServerText;
import io.approvals.console.contract.Wire;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns answers into values or typed failures. Tolerant of what real servers send (bare arrays,
 * PascalCase, numeric ids, unknown properties, plain-text errors); anything it cannot read becomes
 * {@link ApiException.Server}, never another exception.
 */
final class ResponseDecoder {
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    /** One for all clients. */
    static final ResponseDecoder SHARED = new ResponseDecoder();

    /** The tolerant mapper, made when first needed (a plain page of approvals needs none); learns each type once. */
    private static final class Binding {
        static final ObjectMapper MAPPER = Json.tolerant();
    }

    <T> T object(byte[] body, Class<T> type, int status, String requestId) {
        if (type == Approval.class) {
            Approval a = approval(body, null, status, requestId);
            if (a == null) {
                throw unreadable(status, "empty answer", requestId);
            }
            return type.cast(a);
        }
        try {
            JsonNode node = tree(body);
            if (node == null || !node.isObject()) {
                throw unreadable(status, "expected a JSON object", requestId);
            }
            T value = Binding.MAPPER.treeToValue(node, type);
            if (value == null) {
                throw unreadable(status, "empty answer", requestId);
            }
            return value;
        } catch (ApiException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw unreadable(status, describe(e), requestId);
        }
    }

    <T> Page<T> page(byte[] body, Class<T> itemType, int status, String requestId) {
        if (itemType == Approval.class) {
            @SuppressWarnings("unchecked")
            Page<T> plain = (Page<T>) plainApprovals(body);
            if (plain != null) {
                return plain;
            }
        }
        return boundPage(body, itemType, status, requestId);
    }

    /** A page read through the tolerant mapper, whatever its form. */
    <T> Page<T> boundPage(byte[] body, Class<T> itemType, int status, String requestId) {
        PageTree tree = pageTree(body, status, requestId);
        if (itemType == Approval.class) {
            @SuppressWarnings("unchecked")
            Page<T> approvals = (Page<T>) approvals(tree, null);
            return approvals;
        }
        return new Page<>(items(tree, itemType, status, requestId), tree.nextCursor());
    }

    /**
     * A page of approvals in the form the contract documents, read without data binding (see
     * {@link PlainApprovalPage}); null for any other answer, which {@link #page} or {@link #pageTree} then read.
     */
    Page<Approval> plainApprovals(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            strictUtf8(body);
        } catch (CharacterCodingException e) {
            return null;
        }
        return PlainApprovalPage.read(body);
    }

    /**
     * A page parsed as far as its cursor: what the next request needs, before the items are bound (which takes
     * longer), so that {@link ApprovalsClient#fetchAllNotComplete} can send it meanwhile.
     */
    record PageTree(JsonNode items, String nextCursor) {}

    PageTree pageTree(byte[] body, int status, String requestId) {
        try {
            JsonNode node = tree(body);
            JsonNode items;
            String next = null;
            if (node != null && node.isArray()) {
                items = node;
            } else if (node != null && node.isObject()) {
                items = field(node, "items");
                for (int i = 0; items == null && i < OTHER_ITEM_NAMES.length; i++) {
                    items = field(node, OTHER_ITEM_NAMES[i]);
                }
                JsonNode cursor = field(node, "nextCursor");
                String numbered = pageNumberCursor(node);
                if (numbered != null && (cursor == null || cursor.isNull())) {
                    next = numbered;
                }
                if (cursor != null && !cursor.isNull()) {
                    if (!cursor.isValueNode()) {
                        throw unreadable(status, "nextCursor is not a string", requestId);
                    }
                    next = cursor.asText();
                    if (next.isEmpty()) {
                        next = null;
                    }
                }
                if (items == null || items.isNull()) {
                    items = Binding.MAPPER.createArrayNode();
                }
            } else {
                throw unreadable(status, "expected a list", requestId);
            }
            if (!items.isArray()) {
                throw unreadable(status, "items is not a list", requestId);
            }
            return new PageTree(items, next);
        } catch (ApiException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw unreadable(status, describe(e), requestId);
        }
    }

    /** Where other frameworks put a page's items: Spring's {@code content}, OData's {@code value}, and others. */
    private static final String[] OTHER_ITEM_NAMES = {"content", "value", "data", "results", "approvals"};
    /** A cursor the client made for a page-numbered list (Spring's {@code ?page=N}): never sent as a cursor. */
    static final String PAGE_CURSOR = "#page:";

    /**
     * The next page of a page-numbered answer ({@code {"content": [...], "number": 0, "totalPages": 3}} or
     * {@code "last": false}), as a cursor of the client's own; null on the last page or for any other answer.
     */
    private static String pageNumberCursor(JsonNode node) {
        JsonNode number = field(node, "number");
        if (number == null) {
            JsonNode pageInfo = field(node, "page"); // Spring's PagedModel: {"page": {"number", "totalPages"}}
            if (pageInfo != null && pageInfo.isObject()) {
                node = pageInfo;
                number = field(node, "number");
            }
        }
        if (number == null || !number.canConvertToInt()) {
            return null;
        }
        JsonNode total = field(node, "totalPages");
        JsonNode last = field(node, "last");
        int n = number.asInt();
        boolean more = last != null && last.isBoolean()
                ? !last.asBoolean()
                : total != null && total.canConvertToInt() && n + 1 < total.asInt();
        JsonNode size = field(node, "size");
        // the page size the server used goes along, so the next page is counted in the same pages
        return more && n >= 0
                ? PAGE_CURSOR
                        + (n + 1)
                        + (size != null && size.canConvertToInt() && size.asInt() > 0 ? ":" + size.asInt() : "")
                : null;
    }

    /**
     * The approvals of a page, one at a time through {@link TolerantApprovals}: an item that is not an object or
     * has no id is skipped and counted, one with fields it could not read is kept and counted.
     */
    Page<Approval> approvals(PageTree tree, io.approvals.console.contract.Dialect dialect) {
        List<Approval> out = new ArrayList<>(tree.items().size());
        int partly = 0;
        int skipped = 0;
        for (JsonNode item : tree.items()) {
            Approval a;
            try {
                a = TolerantApprovals.read(item, dialect);
            } catch (RuntimeException | StackOverflowError e) {
                a = null;
            }
            if (a == null) {
                skipped++;
                continue;
            }
            if (a.isPartlyRead()) {
                partly++;
            }
            out.add(a);
        }
        return new Page<>(out, tree.nextCursor(), partly, skipped);
    }

    /** One approval answered by a create or a decision, read tolerantly; null for an empty body. */
    Approval approval(byte[] body, io.approvals.console.contract.Dialect dialect, int status, String requestId) {
        if (body == null || body.length == 0 || lenientUtf8(body).isEmpty()) {
            return null;
        }
        JsonNode node;
        try {
            node = tree(body);
        } catch (Exception | StackOverflowError e) {
            throw unreadable(status, describe(e), requestId);
        }
        if (node != null
                && node.isObject()
                && TolerantApprovals.find(
                                node, "id", dialect == null ? io.approvals.console.contract.Dialect.CONTRACT : dialect)
                        == null) {
            // some servers wrap it: {"approval": {...}} or {"data": {...}}
            for (String wrapper : new String[] {"approval", "data", "value", "result"}) {
                JsonNode inner = field(node, wrapper);
                if (inner != null && inner.isObject()) {
                    node = inner;
                    break;
                }
            }
        }
        Approval a = TolerantApprovals.read(node, dialect);
        if (a == null) {
            throw unreadable(status, "the approval has no id", requestId);
        }
        return a;
    }

    <T> List<T> items(PageTree tree, Class<T> itemType, int status, String requestId) {
        try {
            List<T> out = new ArrayList<>(tree.items().size());
            for (JsonNode item : tree.items()) {
                if (!item.isObject()) {
                    throw unreadable(status, "a list item is not an object", requestId);
                }
                out.add(Binding.MAPPER.treeToValue(item, itemType));
            }
            return out;
        } catch (ApiException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw unreadable(status, describe(e), requestId);
        }
    }

    /** The typed failure for an error status. */
    ApiException error(int status, HttpHeaders headers, byte[] body, String requestId) {
        JsonNode problem = problemOf(body);
        String detail = text(problem, "detail", DETAIL_MAX);
        if (detail == null) {
            detail = text(problem, "title", DETAIL_MAX);
        }
        if (problem == null && body != null && body.length > 0) {
            detail = Wire.clip(lenientUtf8(body), DETAIL_MAX);
        }
        String traceId = text(problem, "traceId");
        String id = requestId != null ? requestId : traceId;
        return typed(status, headers, problem, detail, id).withTraceId(traceId);
    }

    private ApiException typed(int status, HttpHeaders headers, JsonNode problem, String detail, String id) {
        return switch (status) {
            case 401 -> new ApiException.Unauthorized(id);
            case 403 -> new ApiException.Forbidden(text(problem, "requiredScope"), id);
            case 404 -> new ApiException.NotFound(null, id);
            case 409 -> new ApiException.Conflict(current(problem), detail, id);
            case 429 -> new ApiException.RateLimited(retryAfter(headers), id);
            case 400, 413, 415, 422 ->
                new ApiException.Validation(status, validationMessage(status, detail), fieldErrors(problem), id);
            default -> new ApiException.Server(status, detail, id);
        };
    }

    static Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return Duration.ofSeconds(Math.max(0, Math.min(seconds, 86_400)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return DEFAULT_RETRY_AFTER;
            }
        }
    }

    private static String validationMessage(int status, String detail) {
        return switch (status) {
            case 413 -> "The request is too large for the server (over its size limit). Shorten the text.";
            case 415 -> "The server did not accept the request's format" + (detail == null ? "." : ": " + detail);
            case 422 -> "This request repeats an earlier one with different content. Start a new request.";
            default -> detail;
        };
    }

    private Approval current(JsonNode problem) {
        JsonNode node = field(problem, "current");
        if (node == null || !node.isObject()) {
            return null;
        }
        try {
            return TolerantApprovals.read(node, null);
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /** ASP.NET's own field messages run to ~90 characters ("... with a maximum length of '10'."): shown whole. */
    private static final int FIELD_MESSAGE_MAX = 300;

    /**
     * A problem's detail is shown as the failure's sentence: 60 characters cut a plain validation sentence
     * ("... must be 0 to 4000 characters long (is 4001)") before the limit; 300 still keeps a flood out.
     */
    static final int DETAIL_MAX = 300;

    private Map<String, List<String>> fieldErrors(JsonNode problem) {
        JsonNode errors = field(problem, "errors");
        if (errors == null || !errors.isObject()) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = errors.properties().iterator();
        while (it.hasNext() && out.size() < 50) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> messages = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(m -> messages.add(Wire.clip(m.asText(), FIELD_MESSAGE_MAX)));
            } else {
                messages.add(Wire.clip(e.getValue().asText(), FIELD_MESSAGE_MAX));
            }
            out.put(Wire.clip(e.getKey()), messages);
        }
        return out;
    }

    private JsonNode problemOf(byte[] body) {
        try {
            JsonNode node = tree(body);
            return node != null && node.isObject() ? node : null;
        } catch (Exception | StackOverflowError e) {
            return null;
        }
    }

    private JsonNode tree(byte[] body) throws Exception {
        if (body == null || body.length == 0) {
            return null;
        }
        strictUtf8(body);
        return clean(Binding.MAPPER.readTree(body));
    }

    /**
     * Cleans every text of the tree with {@link ServerText} in place (names too), so nothing a server sends, bound
     * into keys, audit entries or problems, can reach a terminal, the profile or the UI with control characters.
     */
    static JsonNode clean(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = o.get(name);
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                // a cursor is opaque and goes back as it came (it is never shown); a description or comment keeps
                // its lines (newline, tab); every other text becomes one line
                JsonNode cleaned = value != null && value.isTextual() && lower.equals("nextcursor")
                        ? value
                        : value != null && value.isTextual() && MULTI_LINE.contains(lower)
                                ? keepingLines(value)
                                : clean(value);
                String cleanName = ServerText.clean(name);
                if (!cleanName.equals(name)) {
                    o.remove(name);
                }
                if (cleaned != value || !cleanName.equals(name)) {
                    o.set(cleanName, cleaned);
                }
            }
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode value = a.get(i);
                JsonNode cleaned = clean(value);
                if (cleaned != value) {
                    a.set(i, cleaned);
                }
            }
        } else if (node != null && node.isTextual() && ServerText.isUnsafe(node.textValue())) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(ServerText.clean(node.textValue()));
        }
        return node;
    }

    /** Response fields whose text may have several lines; every other text is made one line. */
    private static final java.util.Set<String> MULTI_LINE = java.util.Set.of("description", "comment");

    private static JsonNode keepingLines(JsonNode text) {
        String cleaned = ServerText.cleanLines(text.textValue());
        return cleaned.equals(text.textValue()) ? text : com.fasterxml.jackson.databind.node.TextNode.valueOf(cleaned);
    }

    /**
     * Refuses a body that is not well-formed UTF-8 (Jackson would read some broken bytes as text), decoding it
     * through a small buffer: decoding it whole made a char copy twice its size, 2 MB of garbage per page of 1,000.
     */
    private static void strictUtf8(byte[] body) throws CharacterCodingException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(4096);
        CoderResult result;
        do {
            out.clear();
            result = utf8.decode(in, out, true);
            if (result.isError()) {
                result.throwException();
            }
        } while (result.isOverflow());
        do {
            out.clear();
            result = utf8.flush(out);
        } while (result.isOverflow());
    }

    private static String lenientUtf8(byte[] body) {
        int n = Math.min(body.length, 500);
        return new String(body, 0, n, StandardCharsets.UTF_8).strip();
    }

    /** A property by name in any letter case (camelCase, PascalCase...). */
    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (n.equalsIgnoreCase(name)) {
                return node.get(n);
            }
        }
        return null;
    }

    private static String text(JsonNode node, String name) {
        return text(node, name, 60);
    }

    private static String text(JsonNode node, String name, int max) {
        JsonNode v = field(node, name);
        return v == null || !v.isValueNode() || v.isNull() ? null : Wire.clip(v.asText(), max);
    }

    private static ApiException.Server unreadable(int status, String why, String requestId) {
        return new ApiException.Server(status, "the answer could not be read (" + why + ")", requestId);
    }

    private static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "nested too deeply";
        }
        if (e instanceof CharacterCodingException) {
            return "not valid UTF-8";
        }
        String name = e.getClass().getSimpleName();
        return name.isEmpty()
                ? "malformed"
                : name.replace("Exception", "")
                        .replaceAll("([a-z])([A-Z])", "$1 $2")
                        .toLowerCase();
    }
}
