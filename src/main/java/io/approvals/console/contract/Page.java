package io.approvals.console.contract;

import java.util.List;

/**
 * One page of a list endpoint; nextCursor is null on the last page. partlyRead counts the items kept with some
 * fields unknown, skipped the items left out (no id): both zero for a page in the contract's own form.
 */
public record Page<T>(List<T> items, String nextCursor, int partlyRead, int skipped) {
    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public Page(List<T> items, String nextCursor) {
        this(items, nextCursor, 0, 0);
    }

    public boolean isLast() {
        return nextCursor == null || nextCursor.isEmpty();
    }
}
