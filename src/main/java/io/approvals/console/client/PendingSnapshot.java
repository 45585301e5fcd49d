package io.approvals.console.client;

import io.approvals.console.contract.Approval;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * All pending approvals at one moment, with the per-page ETags that let the next fetch skip
 * unchanged pages. notModified is true when every page answered 304.
 */
public record PendingSnapshot(
        List<Approval> items,
        Map<String, CachedPage> pages,
        Instant fetchedAt,
        boolean notModified,
        int partlyRead,
        int skipped) {

    public PendingSnapshot(
            List<Approval> items, Map<String, CachedPage> pages, Instant fetchedAt, boolean notModified) {
        this(items, pages, fetchedAt, notModified, 0, 0);
    }

    /**
     * "3 items partly read, 1 skipped (no id)" for the status bar and the CLI's stderr; empty when every item was
     * read whole.
     */
    public String readingNote() {
        if (partlyRead == 0 && skipped == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        if (partlyRead > 0) {
            s.append(partlyRead)
                    .append(partlyRead == 1 ? " item" : " items")
                    .append(" partly read (fields shown as unknown)");
        }
        if (skipped > 0) {
            s.append(s.length() > 0 ? ", " : "")
                    .append(skipped)
                    .append(skipped == 1 ? " item" : " items")
                    .append(" skipped (no id)");
        }
        return s.toString();
    }

    /** A page as last seen, keyed by the cursor that fetched it ("" for the first page). */
    public record CachedPage(String etag, List<Approval> items, String nextCursor, int partlyRead, int skipped) {
        public CachedPage(String etag, List<Approval> items, String nextCursor) {
            this(etag, items, nextCursor, 0, 0);
        }
    }

    public static PendingSnapshot empty() {
        return new PendingSnapshot(List.of(), Map.of(), null, false);
    }
}
