package io.approvals.console.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.approvals.console.contract.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids for a bulk decision: one per line (blank lines and # comments skipped; the first word counts, so a
 * table's lines work too), JSON lines, or the JSON array `approvals list --json` prints. A JSON object's "version"
 * becomes the decision's expectedVersion: the version the list just read. Each id once, in first-seen order.
 */
final class IdsInput {
    private static final ObjectMapper MAPPER = Json.strict();

    /** An id and, when the input said, the version it was read at. */
    record Item(String id, Long version) {}

    private IdsInput() {}

    static List<Item> read(String source, InputStream stdin, CliMessages t) {
        String text;
        try {
            text = "-".equals(source)
                    ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source));
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.USAGE, t.get("idsFrom.unreadable", source, e.getMessage()));
        }
        return parse(text, t);
    }

    static List<Item> parse(String text, CliMessages t) {
        Map<String, Item> items = new LinkedHashMap<>();
        // a file saved by Windows Notepad starts with a byte order mark, which would become part of the first id
        String s = (text.startsWith("\uFEFF") ? text.substring(1) : text).strip();
        if (s.startsWith("[")) {
            JsonNode array = tree(s, t.get("idsFrom.theArray"), t);
            for (JsonNode n : array) {
                add(items, item(n, t));
            }
            return List.copyOf(items.values());
        }
        int lineNo = 0;
        for (String line : s.lines().toList()) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("{")) {
                add(items, item(tree(l, t.get("idsFrom.line", String.valueOf(lineNo)), t), t));
            } else {
                String id = l.split("\\s+")[0];
                if (!id.equals("ID")) { // a table's header line
                    add(items, new Item(id, null));
                }
            }
        }
        return List.copyOf(items.values());
    }

    private static void add(Map<String, Item> items, Item item) {
        items.putIfAbsent(item.id(), item);
    }

    private static Item item(JsonNode n, CliMessages t) {
        if (n.isTextual() && !n.asText().isBlank()) {
            return new Item(n.asText().strip(), null);
        }
        JsonNode id = n.get("id");
        if (id == null || !(id.isTextual() || id.isNumber()) || id.asText().isBlank()) {
            throw new CliFailure(ExitCodes.USAGE, t.get("idsFrom.needsId"));
        }
        JsonNode v = n.get("version");
        return new Item(
                id.asText().strip(), v != null && v.canConvertToLong() && v.isIntegralNumber() ? v.asLong() : null);
    }

    private static JsonNode tree(String json, String where, CliMessages t) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.USAGE, t.get("idsFrom.notJson", where));
        }
    }

    static List<String> ids(List<Item> items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.id()));
        return out;
    }
}
