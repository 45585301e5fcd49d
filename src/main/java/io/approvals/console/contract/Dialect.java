package io.approvals.console.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one organisation's server spells the API: the request body field names of UpdateApprovalStatus and
 * CreateApproval, its spellings of statuses and priorities, the type of its ids and versions, and the time zone of
 * its zone-less times. Learnt from the server's OpenAPI document, or set by hand; null values mean "as the contract
 * says". Nothing here is a security decision: the key still goes only to the profile's own origin.
 *
 * @param source     where it came from, e.g. {@code https://host/swagger/v1/swagger.json}, {@code manual}
 * @param headerFrom where the key's header name came from: {@code openapi}, {@code user} or {@code default} (a guess)
 * @param fields     logical name (see {@link #FIELDS}) to the server's name
 * @param spellings  the contract's spelling of a status or priority (e.g. {@code Approved}) to the server's
 * @param idType     {@code integer} when the server's request wants the id as a number, else a string
 * @param versionType {@code integer}, {@code byte} (a base64 RowVersion) or {@code string}
 * @param timeZone   zone of times sent without one (default UTC)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Dialect(
        String source,
        String headerFrom,
        Map<String, String> fields,
        Map<String, String> spellings,
        String idType,
        String versionType,
        String timeZone) {
    /** The logical field names a dialect may rename. */
    public static final List<String> FIELDS = List.of(
            "id",
            "status",
            "comment",
            "expectedVersion",
            "title",
            "description",
            "requester",
            "approver",
            "priority",
            "dueAt");

    public static final Dialect CONTRACT = new Dialect(null, null, Map.of(), Map.of(), null, null, null);

    public Dialect {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        spellings = spellings == null ? Map.of() : Map.copyOf(spellings);
        if (timeZone != null && !timeZone.isBlank()) {
            zoneOf(timeZone); // refuse a zone that does not exist
        }
        for (String f : fields.keySet()) {
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("Unknown field '" + f + "'; known: " + String.join(", ", FIELDS));
            }
        }
    }

    /** The server's name for a logical field. */
    public String field(String logical) {
        return fields.getOrDefault(logical, logical);
    }

    /** The server's spelling of one of the contract's values. */
    public String spelling(String contractValue) {
        return spellings.getOrDefault(contractValue, contractValue);
    }

    public ZoneId zone() {
        return timeZone == null || timeZone.isBlank() ? ZoneOffset.UTC : zoneOf(timeZone);
    }

    /** True when the key's header name was not learnt or given but assumed. */
    public boolean headerGuessed() {
        return headerFrom == null || headerFrom.equals("default");
    }

    public boolean idIsNumber() {
        return "integer".equals(idType);
    }

    /**
     * A copy with one setting changed by name: a logical field name ({@code approvalId} for {@code id}) to the
     * server's name, {@code spelling.Approved}, {@code idType}, {@code versionType}, {@code timeZone}.
     */
    public Dialect with(String name, String value) {
        String v = value == null || value.isBlank() ? null : value.strip();
        String key = name.strip();
        if (key.equalsIgnoreCase("approvalId")) {
            key = "id";
        }
        switch (key) {
            case "idType" -> {
                return new Dialect(
                        source, headerFrom, fields, spellings, oneOf(v, "integer", "string"), versionType, timeZone);
            }
            case "versionType" -> {
                return new Dialect(
                        source, headerFrom, fields, spellings, idType, oneOf(v, "integer", "byte", "string"), timeZone);
            }
            case "timeZone" -> {
                return new Dialect(source, headerFrom, fields, spellings, idType, versionType, v);
            }
            default -> {
                if (key.startsWith("spelling.")) {
                    Map<String, String> s = new LinkedHashMap<>(spellings);
                    put(s, key.substring("spelling.".length()), v);
                    return new Dialect(source, headerFrom, fields, s, idType, versionType, timeZone);
                }
                String logical = FIELDS.stream()
                        .filter(f -> f.equalsIgnoreCase(name.strip()))
                        .findFirst()
                        .orElse(key);
                Map<String, String> f = new LinkedHashMap<>(fields);
                put(f, logical, v);
                return new Dialect(source, headerFrom, f, spellings, idType, versionType, timeZone);
            }
        }
    }

    public Dialect withSource(String newSource, String newHeaderFrom) {
        return new Dialect(newSource, newHeaderFrom, fields, spellings, idType, versionType, timeZone);
    }

    /**
     * The name=value settings ({@link #with}) that turn this dialect into target: what an editor changed, to be
     * stored the way {@code profiles set} stores it. An empty value goes back to the contract's.
     */
    public Map<String, String> changesTo(Dialect target) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : FIELDS) {
            if (!java.util.Objects.equals(fields.get(f), target.fields.get(f))) {
                out.put(f, target.fields.getOrDefault(f, ""));
            }
        }
        java.util.Set<String> values = new java.util.TreeSet<>(spellings.keySet());
        values.addAll(target.spellings.keySet());
        for (String v : values) {
            if (!java.util.Objects.equals(spellings.get(v), target.spellings.get(v))) {
                out.put("spelling." + v, target.spellings.getOrDefault(v, ""));
            }
        }
        if (!java.util.Objects.equals(idType, target.idType)) {
            out.put("idType", target.idType == null ? "" : target.idType);
        }
        if (!java.util.Objects.equals(versionType, target.versionType)) {
            out.put("versionType", target.versionType == null ? "" : target.versionType);
        }
        if (!java.util.Objects.equals(timeZone, target.timeZone)) {
            out.put("timeZone", target.timeZone == null ? "" : target.timeZone);
        }
        return out;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v == null) {
            m.remove(k);
        } else {
            if (!v.matches("[A-Za-z0-9_.$@-]{1,100}")) {
                throw new IllegalArgumentException("Not a usable name: '" + ServerText.clean(v) + "'.");
            }
            m.put(k, v);
        }
    }

    private static String oneOf(String v, String... allowed) {
        if (v == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        throw new IllegalArgumentException("'" + v + "' is not one of " + String.join(", ", allowed) + ".");
    }

    private static ZoneId zoneOf(String id) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "Unknown time zone '" + ServerText.clean(id) + "'. Use e.g. UTC, Europe/Berlin or +02:00.");
        }
    }

    /** One line per setting, for the connection details. */
    public List<String> describe() {
        List<String> out = new java.util.ArrayList<>();
        out.add("source: " + (source == null ? "the contract's names" : source));
        fields.forEach((k, v) -> out.add("field " + k + " = " + v));
        spellings.forEach((k, v) -> out.add("spelling " + k + " = " + v));
        if (idType != null) {
            out.add("ids: " + idType);
        }
        if (versionType != null) {
            out.add("versions: " + versionType);
        }
        out.add("time zone: " + (zone().equals(ZoneOffset.UTC) ? "UTC" : zone().getId()));
        return out;
    }
}
