package io.approvals.console.client;

import io.approvals.console.contract.Approval;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * All pending approvals at one moment, with the per-page ETags that let the next fetch skip
 * unchanged pages. notModified is true when every page answered 304.
 */
public record PendingSnapshot(List<Approval> items, Map<String, CachedPage> pages, Instant fetchedAt,
                              boolean notModified) {

    /** A page as last seen, keyed by the cursor that fetched it ("" for the first page). */
    public record CachedPage(String etag, List<Approval> items, String nextCursor) {
    }

    public static PendingSnapshot empty() {
        return new PendingSnapshot(List.of(), Map.of(), null, false);
    }
}
