package io.approvals.console.ui.main;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance for texts that repeat across the rows of one list (the same requester, approver or title on thousands
 * of approvals, the same description): the sort compares such keys by identity first, one shared copy stays in the
 * CPU's cache while 100,000 rows are sorted or searched, and a repeated text is held once. One per list made (see
 * {@link ApprovalList#rowsOf}), dropped with it: nothing is kept between lists. Not thread-safe.
 */
final class SharedStrings {
    /** Shares nothing: for a single row (a decision, a new approval). */
    static final SharedStrings NONE = new SharedStrings(false);

    private final Map<String, String> seen;

    SharedStrings() {
        this(true);
    }

    private SharedStrings(boolean share) {
        this.seen = share ? new HashMap<>() : null;
    }

    String of(String s) {
        if (s == null || seen == null) {
            return s;
        }
        String first = seen.putIfAbsent(s, s);
        return first == null ? s : first;
    }
}
