package io.approvals.console.ui.main;

/**
 * A message across the top of the main window: what went wrong, and what the user can do; details (request id,
 * traceId) are for support, empty when the failure has none.
 */
public record Banner(Kind kind, String text, String actionLabel, String details) {

    public Banner(Kind kind, String text, String actionLabel) {
        this(kind, text, actionLabel, "");
    }

    public enum Kind {
        /** The server could not be reached; the table shows the last data. */
        OFFLINE,
        /** 401: the key was rejected. */
        UNAUTHORIZED,
        /** 403: a scope is missing. */
        FORBIDDEN,
        /** 429: waiting as told. */
        RATE_LIMITED,
        /** Anything else, e.g. a 5xx. */
        ERROR
    }
}
