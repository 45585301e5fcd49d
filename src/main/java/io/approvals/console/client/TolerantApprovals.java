package io.approvals.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Dialect;
import io.approvals.console.contract.Priority;
import io.approvals.console.contract.ServerText;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads one approval from what a real server sent, field by field: a value it cannot read makes that field
 * "unknown" (named in {@link Approval.Raw#unread()}), never the whole list fail. Names in any letter case and the
 * usual other names ({@code ApprovalId}, {@code RowVersion}, {@code DueDate}...); statuses and priorities the contract
 * does not name kept as their text; times with or without a zone (zone-less ones in the dialect's time zone),
 * date-only, or epoch numbers; ids and versions as strings or numbers. Every text is cleaned with {@link ServerText}.
 * An item without an id is not an approval: {@link #read} answers null and the caller counts it as skipped.
 */
final class TolerantApprovals {
    private static final Map<String, List<String>> NAMES = Map.ofEntries(
            Map.entry("id", List.of("id", "approvalId", "approval_id", "key")),
            Map.entry("title", List.of("title", "name", "subject", "summary")),
            Map.entry("description", List.of("description", "details", "body")),
            Map.entry("requester", List.of("requester", "requestedBy", "requestor", "createdBy")),
            Map.entry("approver", List.of("approver", "assignedTo", "assignee")),
            Map.entry("priority", List.of("priority")),
            Map.entry("dueAt", List.of("dueAt", "dueDate", "due", "dueUtc", "deadline")),
            Map.entry("status", List.of("status", "state", "approvalStatus")),
            Map.entry("createdAt", List.of("createdAt", "created", "createdOn", "createdDate", "createdUtc")),
            Map.entry(
                    "updatedAt",
                    List.of("updatedAt", "updated", "modifiedAt", "lastModified", "updatedOn", "modifiedOn")),
            Map.entry("decidedBy", List.of("decidedBy")),
            Map.entry("decidedAt", List.of("decidedAt", "decidedOn")),
            Map.entry("comment", List.of("comment", "decisionComment", "reason")),
            Map.entry("version", List.of("version", "rowVersion", "concurrencyToken", "etag", "timestamp")));

    private TolerantApprovals() {}

    /** True when name is one this reader takes for some field (in any letter case). */
    static boolean knowsName(String name) {
        for (List<String> names : NAMES.values()) {
            for (String n : names) {
                if (n.equalsIgnoreCase(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The approval, or null when the item has no usable id (or is not an object). */
    static Approval read(JsonNode item, Dialect dialect) {
        if (item == null || !item.isObject()) {
            return null;
        }
        Dialect d = dialect == null ? Dialect.CONTRACT : dialect;
        List<String> unread = new ArrayList<>();
        JsonNode idNode = find(item, "id", d);
        if (idNode == null || !(idNode.isTextual() || idNode.isIntegralNumber())) {
            return null;
        }
        String id = ServerText.clean(idNode.asText());
        if (id.isBlank()) {
            return null;
        }
        String title = text(item, "title", d, unread);
        String description = text(item, "description", d, unread);
        String requester = text(item, "requester", d, unread);
        String approver = text(item, "approver", d, unread);
        String priorityText = enumText(item, "priority", d, unread);
        String statusText = enumText(item, "status", d, unread);
        Priority priority = priorityText == null ? null : Priority.parseOrOther(contractSpelling(priorityText, d));
        ApprovalStatus status =
                statusText == null ? null : ApprovalStatus.parseOrOther(contractSpelling(statusText, d));
        ZoneId zone = d.zone();
        Instant dueAt = instant(item, "dueAt", d, zone, unread);
        Instant createdAt = instant(item, "createdAt", d, zone, unread);
        Instant updatedAt = instant(item, "updatedAt", d, zone, unread);
        String decidedBy = text(item, "decidedBy", d, unread);
        Instant decidedAt = instant(item, "decidedAt", d, zone, unread);
        String comment = text(item, "comment", d, unread);
        JsonNode v = find(item, "version", d);
        String token = null;
        long version = 0;
        boolean versionIsNumber = false;
        if (v != null && !v.isNull()) {
            if (v.isIntegralNumber() && v.canConvertToLong()) {
                version = v.asLong();
                token = Long.toString(version);
                versionIsNumber = true;
            } else if (v.isTextual() && !v.asText().isBlank() && v.asText().length() <= 200) {
                token = v.asText();
                version = versionNumber(token);
            } else {
                unread.add("version");
            }
        }
        boolean contractForm = unread.isEmpty()
                && !idNode.isNumber()
                && (token == null || versionIsNumber)
                && status != ApprovalStatus.OTHER
                && priority != Priority.OTHER;
        return new Approval(
                id,
                title,
                description,
                requester,
                approver,
                priority,
                dueAt,
                status,
                createdAt,
                updatedAt,
                decidedBy,
                decidedAt,
                comment,
                version,
                contractForm
                        ? null
                        : new Approval.Raw(
                                statusText == null ? null : ServerText.clean(statusText),
                                priorityText == null ? null : ServerText.clean(priorityText),
                                token,
                                versionIsNumber,
                                idNode.isNumber(),
                                unread));
    }

    /**
     * A number for a version sent as text, so the console can compare and show it: the number itself for digits, the
     * big-endian value of a base64 {@code RowVersion} of up to 8 bytes (SQL Server's, which grows with every change),
     * else a stable hash. The text itself is what goes back to the server.
     */
    static long versionNumber(String token) {
        String t = token.strip();
        if (t.matches("-?[0-9]{1,18}")) {
            return Long.parseLong(t);
        }
        byte[] bytes = rowVersion(t);
        if (bytes != null) {
            return new BigInteger(1, bytes).longValue();
        }
        long h = 0xcbf29ce484222325L;
        for (byte b : t.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h & Long.MAX_VALUE;
    }

    /** The bytes of a base64 text of 1..8 bytes, or null. */
    static byte[] rowVersion(String t) {
        if (!t.matches("[A-Za-z0-9+/]{2,11}={0,2}") || t.length() % 4 != 0) {
            return null;
        }
        try {
            byte[] b = Base64.getDecoder().decode(t);
            return b.length >= 1 && b.length <= 8 ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The base64 RowVersion (8 bytes) of a version number, as {@link #versionNumber} read it. */
    static String rowVersionText(long version) {
        return Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(8).putLong(version).array());
    }

    /** The contract's spelling of a server's enum text, through the dialect's spellings read backwards. */
    private static String contractSpelling(String serverText, Dialect d) {
        for (Map.Entry<String, String> e : d.spellings().entrySet()) {
            if (e.getValue().equalsIgnoreCase(serverText.strip())) {
                return e.getKey();
            }
        }
        return serverText;
    }

    /** The node of a logical field: the dialect's name, then the usual names, in any letter case. */
    static JsonNode find(JsonNode item, String logical, Dialect d) {
        String mapped = d.fields().get(logical);
        if (mapped != null) {
            JsonNode n = ResponseDecoder.field(item, mapped);
            if (n != null) {
                return n;
            }
        }
        for (String name : NAMES.get(logical)) {
            JsonNode n = ResponseDecoder.field(item, name);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    /** Fields whose text may have several lines; every other text is one line. */
    private static final java.util.Set<String> MULTI_LINE = java.util.Set.of("description", "comment");

    private static String text(JsonNode item, String logical, Dialect d, List<String> unread) {
        JsonNode n = find(item, logical, d);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isValueNode()) {
            return MULTI_LINE.contains(logical) ? ServerText.cleanLines(n.asText()) : ServerText.clean(n.asText());
        }
        // an object such as {"email": ..., "name": ...}: its first text, else unknown
        Iterator<JsonNode> values = n.elements();
        while (n.isObject() && values.hasNext()) {
            JsonNode inner = values.next();
            if (inner.isTextual()) {
                return ServerText.clean(inner.asText());
            }
        }
        unread.add(logical);
        return null;
    }

    private static String enumText(JsonNode item, String logical, Dialect d, List<String> unread) {
        JsonNode n = find(item, logical, d);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual() || n.isNumber() || n.isBoolean()) {
            String s = n.asText().strip();
            return s.isEmpty() || s.length() > 100 ? unreadText(logical, unread) : s;
        }
        return unreadText(logical, unread);
    }

    private static String unreadText(String logical, List<String> unread) {
        unread.add(logical);
        return null;
    }

    private static Instant instant(JsonNode item, String logical, Dialect d, ZoneId zone, List<String> unread) {
        JsonNode n = find(item, logical, d);
        if (n == null || n.isNull()) {
            return null;
        }
        Instant at = null;
        if (n.isNumber()) {
            at = epoch(n.asDouble());
        } else if (n.isTextual()) {
            at = instant(n.asText(), zone);
        }
        if (at == null) {
            unread.add(logical);
        }
        return at;
    }

    /** An epoch number: seconds, or milliseconds when it is too large to be seconds of this era. */
    private static Instant epoch(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) > 1e15) {
            return null;
        }
        return Math.abs(value) >= 1e11
                ? Instant.ofEpochMilli((long) value)
                : Instant.ofEpochSecond((long) Math.floor(value), (long) ((value - Math.floor(value)) * 1e9));
    }

    /**
     * ISO-8601 with a zone or offset, without one (taken in zone), a date alone (its start in zone), or epoch digits;
     * null for anything else.
     */
    static Instant instant(String text, ZoneId zone) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > 64) {
            return null;
        }
        if (s.matches("-?[0-9]{1,16}(\\.[0-9]+)?")) {
            return epoch(Double.parseDouble(s));
        }
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .atZone(zone)
                    .toInstant();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE)
                    .atStartOfDay(zone)
                    .toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
