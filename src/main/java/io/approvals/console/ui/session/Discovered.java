package io.approvals.console.ui.session;

import java.util.List;

/**
 * What looking for a server's OpenAPI document found: the draft as the document says (header name or bearer,
 * dialect), where it was read (null when nowhere), every place tried, and notes on what could not be read.
 */
public record Discovered(ConnectionDraft draft, String source, List<String> tried, List<String> notes) {
    public Discovered {
        tried = List.copyOf(tried);
        notes = List.copyOf(notes);
    }

    public boolean found() {
        return source != null;
    }

    public static Discovered nothing(ConnectionDraft draft) {
        return new Discovered(draft, null, List.of(), List.of());
    }
}
