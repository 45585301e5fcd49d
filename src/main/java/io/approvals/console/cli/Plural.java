package io.approvals.console.cli;

/** "1 key", "2 keys", "0 keys": English count phrases. */
final class Plural {
    private Plural() {}

    static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
