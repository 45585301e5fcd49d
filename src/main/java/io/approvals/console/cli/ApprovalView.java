package io.approvals.console.cli;

import io.approvals.console.contract.Approval;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An approval on the command line: exactly the contract's fields in the contract's order (JSON gets nothing the
 * contract does not name), selectable with --fields, as JSON, CSV, a table or a block of "field: value" lines.
 */
final class ApprovalView {
    static final List<String> FIELDS = List.of(
            "id",
            "title",
            "description",
            "requester",
            "approver",
            "priority",
            "dueAt",
            "status",
            "createdAt",
            "updatedAt",
            "decidedBy",
            "decidedAt",
            "comment",
            "version");
    /** The table's columns when --fields is not given. */
    static final List<String> TABLE_FIELDS = List.of("id", "priority", "dueAt", "requester", "approver", "title");

    private ApprovalView() {}

    /** Parses --fields a,b,c; an unknown name is a usage error listing the known ones. */
    static List<String> fields(String spec, List<String> whenAbsent) {
        if (spec == null || spec.isBlank()) {
            return whenAbsent;
        }
        List<String> out = new ArrayList<>();
        for (String f : spec.split(",")) {
            String name = f.strip();
            String known = FIELDS.stream()
                    .filter(x -> x.equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> new CliFailure(
                            ExitCodes.USAGE,
                            "--fields: unknown field '" + name + "'; the fields are " + String.join(",", FIELDS)));
            out.add(known);
        }
        return out;
    }

    /** The approval as the contract's JSON object (only the given fields, in their order). */
    static Map<String, Object> map(Approval a, List<String> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String f : fields) {
            m.put(f, value(a, f));
        }
        return m;
    }

    static Map<String, Object> map(Approval a) {
        return map(a, FIELDS);
    }

    static Object value(Approval a, String field) {
        return switch (field) {
            case "id" -> a.id();
            case "title" -> a.title();
            case "description" -> a.description();
            case "requester" -> a.requester();
            case "approver" -> a.approver();
            case "priority" -> a.priority() == null ? null : a.priorityText();
            case "dueAt" -> a.dueAt() == null ? null : a.dueAt().toString();
            case "status" -> a.status() == null ? null : a.statusText();
            case "createdAt" -> a.createdAt() == null ? null : a.createdAt().toString();
            case "updatedAt" -> a.updatedAt() == null ? null : a.updatedAt().toString();
            case "decidedBy" -> a.decidedBy();
            case "decidedAt" -> a.decidedAt() == null ? null : a.decidedAt().toString();
            case "comment" -> a.comment();
            case "version" -> a.version();
            default -> throw new IllegalArgumentException(field);
        };
    }

    static String text(Approval a, String field) {
        Object v = value(a, field);
        return v == null ? "" : v.toString();
    }

    /** Every field on its own line, for show/approve/reject/create. */
    static void printBlock(PrintWriter out, Approval a) {
        for (String f : FIELDS) {
            Object v = value(a, f);
            out.printf("%-13s%s%n", f + ":", v == null ? "-" : v.toString().replaceAll("[\\r\\n]+", " "));
        }
        out.flush();
    }

    static void printTable(PrintWriter out, List<Approval> items, List<String> fields) {
        Table table =
                new Table(fields.stream().map(f -> f.toUpperCase(Locale.ROOT)).toArray(String[]::new));
        for (Approval a : items) {
            table.row(fields.stream().map(f -> text(a, f)).toArray(String[]::new));
        }
        table.print(out);
    }

    /** RFC 4180: a header row, fields quoted when they hold a comma, quote or line break; CRLF line ends. */
    static void printCsv(PrintWriter out, List<Approval> items, List<String> fields) {
        out.print(String.join(",", fields) + "\r\n");
        for (Approval a : items) {
            out.print(String.join(
                            ",",
                            Arrays.asList(
                                    fields.stream().map(f -> csv(text(a, f))).toArray(String[]::new))) + "\r\n");
        }
        out.flush();
    }

    static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
