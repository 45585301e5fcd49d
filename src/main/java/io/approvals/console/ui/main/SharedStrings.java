package io.approvals.console.ui.main;

/**
 * One instance for texts that repeat across many rows (the same requester, approver or title on thousands of
 * approvals): the sort compares such keys by identity first, and one shared copy stays in the CPU's cache while
 * 100,000 rows are sorted or searched, and a repeated text is held once. A fixed table, last one in a slot wins: it never grows, and a miss only costs sharing.
 * Slots are read and written without locks from any thread (a String is immutable: a race loses sharing, not text).
 */
final class SharedStrings {
    private static final int SLOTS = 2048;
    /** Longer texts are not kept: the table holds at most SLOTS × this many characters after its rows are gone. */
    private static final int LONGEST = 4096;

    private static final String[] TABLE = new String[SLOTS];

    private SharedStrings() {}

    static String of(String s) {
        if (s == null || s.length() > LONGEST) {
            return s;
        }
        int slot = (s.hashCode() ^ (s.hashCode() >>> 16)) & (SLOTS - 1);
        String seen = TABLE[slot];
        if (s.equals(seen)) {
            return seen;
        }
        TABLE[slot] = s;
        return s;
    }
}
