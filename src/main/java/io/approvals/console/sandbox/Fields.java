package io.approvals.console.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed fields out of a JSON object and collects every problem, field by field, so one 400
 * names all of them. Unknown fields are errors: a typo in a field name should not be silently ignored.
 */
final class Fields {
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final ObjectNode node;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    Fields(ObjectNode node, Set<String> known) {
        this.node = node;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                error(io.approvals.console.contract.Wire.clip(name), "unknown field");
            }
        }
    }

    void error(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws the 400 if anything failed. */
    void check() {
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
    }

    private JsonNode value(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /**
     * A string of min..max characters (code points), or null when absent and optional. Blank
     * strings count as empty.
     */
    String string(String name, boolean required, int min, int max) {
        JsonNode v = value(name);
        if (v == null) {
            if (required) {
                error(name, "is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            error(name, "must be a string");
            return null;
        }
        String s = v.textValue();
        int length = s.codePointCount(0, s.length());
        if (min > 0 && s.isBlank()) {
            error(name, "must not be blank");
            return null;
        }
        if (length < min || length > max) {
            error(name, "must be " + min + " to " + max + " characters long (is " + length + ")");
            return null;
        }
        return s;
    }

    Instant instant(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            error(name, "must be an ISO-8601 UTC timestamp string");
            return null;
        }
        try {
            Instant t = Instant.parse(v.textValue());
            if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
                error(name, "must be between the years 1970 and 9999");
                return null;
            }
            return t;
        } catch (DateTimeParseException e) {
            error(name, "must be an ISO-8601 UTC timestamp such as 2026-12-01T17:00:00Z");
            return null;
        }
    }

    /** A whole number in min..max, or null when absent and optional. */
    Long integer(String name, boolean required, long min, long max) {
        JsonNode v = value(name);
        if (v == null) {
            if (required) {
                error(name, "is required");
            }
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            error(name, "must be a whole number");
            return null;
        }
        long n = v.longValue();
        if (n < min || n > max) {
            error(name, "must be between " + min + " and " + max);
            return null;
        }
        return n;
    }

    /** An array of strings, or null when absent. */
    List<String> strings(String name, boolean required) {
        JsonNode v = value(name);
        if (v == null) {
            if (required) {
                error(name, "is required");
            }
            return null;
        }
        if (!v.isArray()) {
            error(name, "must be an array of strings");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                error(name, "must be an array of strings");
                return null;
            }
            out.add(item.textValue());
        }
        return out;
    }
}
