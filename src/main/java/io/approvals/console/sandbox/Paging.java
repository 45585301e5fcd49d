package io.approvals.console.sandbox;

/** The limit and cursor query parameters shared by every list endpoint. */
final class Paging {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]{1,5}");

    private Paging() {}

    /** limit: an integer 1..1000, default 100; anything else is a 400. */
    static int limit(Call call) {
        String text = call.query("limit");
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        if (!DIGITS.matcher(text).matches()) {
            throw ApiProblem.field("limit", "must be an integer from 1 to " + MAX_LIMIT);
        }
        int limit = Integer.parseInt(text);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.field("limit", "must be an integer from 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    /** The position after which the page starts, or fallback when no cursor was sent. */
    static long position(Call call, Cursors cursors, String kind, long fallback) {
        String cursor = call.query("cursor");
        if (cursor == null || cursor.isEmpty()) {
            return fallback;
        }
        return cursors.position(kind, cursor);
    }
}
