package io.approvals.console.contract;

import java.util.List;

/** One page of a list endpoint; nextCursor is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean isLast() {
        return nextCursor == null || nextCursor.isEmpty();
    }
}
