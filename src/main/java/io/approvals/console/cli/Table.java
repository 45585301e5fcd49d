package io.approvals.console.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain aligned text table: columns as wide as their widest cell, the last one left ragged. */
final class Table {
    private static final int MAX_CELL = 60;
    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = headers;
    }

    void row(String... cells) {
        String[] r = new String[headers.length];
        for (int i = 0; i < r.length; i++) {
            String c = i < cells.length && cells[i] != null ? cells[i].replaceAll("[\\r\\n\\t]+", " ") : "";
            r[i] = c.length() > MAX_CELL ? c.substring(0, MAX_CELL - 1) + "\u2026" : c;
        }
        rows.add(r);
    }

    void print(PrintWriter out) {
        int[] width = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            width[i] = headers[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        printRow(out, headers, width);
        for (String[] r : rows) {
            printRow(out, r, width);
        }
        out.flush();
    }

    private static void printRow(PrintWriter out, String[] cells, int[] width) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i == cells.length - 1) {
                s.append(cells[i]);
            } else {
                s.append(String.format("%-" + width[i] + "s  ", cells[i]));
            }
        }
        out.println(s.toString().stripTrailing());
    }
}
