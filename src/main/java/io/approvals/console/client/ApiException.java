package io.approvals.console.client;

import io.approvals.console.contract.Approval;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every failure the client reports. Each message is fit to show a user as it is and names a next
 * step; none ever contains a key. Subclasses are the contract's error kinds.
 */
public abstract class ApiException extends RuntimeException {
    private final int status;
    private final String requestId;
    /** The server's own traceId from a problem body (ASP.NET's), when it gave one besides X-Request-Id. */
    private String traceId;

    protected ApiException(String message, int status, String requestId, Throwable cause) {
        super(message, cause, true, false);
        this.status = status;
        this.requestId = requestId;
    }

    /** HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** The server's X-Request-Id or traceId, to quote to support; may be null. */
    public String requestId() {
        return requestId;
    }

    /** The problem body's traceId, when the server sent one; may be null. */
    public String traceId() {
        return traceId;
    }

    ApiException withTraceId(String id) {
        this.traceId = id;
        return this;
    }

    /**
     * What support needs to find the server's log line, for a "details" expander and {@code --verbose}: the status,
     * request id and trace id, and field errors; empty lines left out.
     */
    public java.util.List<String> details() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (status > 0) {
            out.add("HTTP status: " + status);
        }
        if (requestId != null) {
            out.add("Request id: " + requestId);
        }
        if (traceId != null && !traceId.equals(requestId)) {
            out.add("Trace id: " + traceId);
        }
        if (this instanceof Conflict c && c.reason() != null) {
            out.add("Server said: " + c.reason());
        }
        if (this instanceof Validation v) {
            v.errors().forEach((field, messages) -> out.add("Field " + field + ": " + String.join("; ", messages)));
        }
        return out;
    }

    /** 401: no credential, or an unknown, revoked or expired key. */
    public static final class Unauthorized extends ApiException {
        private final String guessedHeader;

        public Unauthorized(String requestId) {
            super(
                    "The key was rejected: it may be revoked or expired. Replace the key, or ask an administrator for a new one.",
                    401,
                    requestId,
                    null);
            this.guessedHeader = null;
        }

        /**
         * An empty 401 to a key sent in a header whose name was assumed, not learnt: the server may simply not look
         * at that header.
         */
        public Unauthorized(String requestId, String headerName) {
            super(
                    "The server refused the key (HTTP 401, no explanation). The key was sent in the header '"
                            + headerName
                            + "', which was assumed, not learnt from the server: check the header name its "
                            + "documentation gives (approvals-console profiles set NAME --header NAME), then check the key.",
                    401,
                    requestId,
                    null);
            this.guessedHeader = headerName;
        }

        /** The header name the key went in when it was assumed, not learnt (an empty 401); else null. */
        public String guessedHeader() {
            return guessedHeader;
        }
    }

    /** 403: the credential is valid but lacks a scope. */
    public static final class Forbidden extends ApiException {
        private final String requiredScope;

        public Forbidden(String requiredScope, String requestId) {
            super(
                    requiredScope == null
                            ? "The key is not allowed to do this. Ask an administrator for a key with more scopes."
                            : "The key lacks the '" + requiredScope + "' scope. Ask an administrator for a key with '"
                                    + requiredScope + "'.",
                    403,
                    requestId,
                    null);
            this.requiredScope = requiredScope;
        }

        public String requiredScope() {
            return requiredScope;
        }
    }

    /** 404: unknown approval, key or endpoint. */
    public static final class NotFound extends ApiException {
        public NotFound(String detail, String requestId) {
            super(
                    detail == null || detail.isBlank()
                            ? "Not found on the server. Refresh to see the current list."
                            : detail + " Refresh to see the current list.",
                    404,
                    requestId,
                    null);
        }
    }

    /**
     * 409: the approval was decided or changed by someone else, carrying it as it is now; or, for a key, the server
     * refused the change in the key's state (reason: its own sentence, e.g. "The key key_… is revoked").
     */
    public static final class Conflict extends ApiException {
        private final transient Approval current;
        private final String reason;

        public Conflict(Approval current, String requestId) {
            this(current, null, requestId);
        }

        /** reason: the problem's detail, already clipped and cleaned; null when the server gave none. */
        public Conflict(Approval current, String reason, String requestId) {
            super(describe(current), 409, requestId, null);
            this.current = current;
            this.reason = reason == null || reason.isBlank() ? null : reason.strip();
        }

        /** The server's own sentence about the conflict, for callers that are not deciding an approval; or null. */
        public String reason() {
            return reason;
        }

        private static String describe(Approval current) {
            if (current == null) {
                return "Someone else changed this approval first. Refresh and look again before deciding.";
            }
            if (current.decidedBy() != null && !current.isPending()) {
                return "Already " + current.status().wire().toLowerCase() + " by " + current.decidedBy()
                        + (current.decidedAt() != null ? " at " + current.decidedAt() : "")
                        + ". Nothing was changed.";
            }
            return "Someone else changed this approval first (now version " + current.version()
                    + "). Look at it again before deciding.";
        }

        public Approval current() {
            return current;
        }
    }

    /** 400/413/415/422: the request was refused as it stands; errors name the fields. */
    public static final class Validation extends ApiException {
        private final transient Map<String, List<String>> errors;

        public Validation(int status, String detail, Map<String, List<String>> errors, String requestId) {
            super(
                    detail == null || detail.isBlank()
                            ? "The server refused the input. Check the fields and try again."
                            : detail,
                    status,
                    requestId,
                    null);
            this.errors = errors == null ? Map.of() : Map.copyOf(errors);
        }

        public Map<String, List<String>> errors() {
            return errors;
        }
    }

    /** 429: too many requests; try again after retryAfter. */
    public static final class RateLimited extends ApiException {
        private final Duration retryAfter;

        public RateLimited(Duration retryAfter, String requestId) {
            super(
                    "The server asks us to slow down. Trying again is possible in " + retryAfter.toSeconds() + " s.",
                    429,
                    requestId,
                    null);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** 5xx, or an answer we could not understand. */
    public static final class Server extends ApiException {
        public Server(int status, String detail, String requestId) {
            super(
                    "The server failed (" + (status == 0 ? "unreadable answer" : "HTTP " + status) + ")"
                            + (detail == null || detail.isBlank()
                                    ? ""
                                    : ": " + detail.strip().replaceAll("[.\\s]+$", ""))
                            + ". Try again in a moment; if it persists, tell the API's operators"
                            + (requestId == null ? "." : " (request " + requestId + ")."),
                    status,
                    requestId,
                    null);
        }
    }

    /**
     * The server sent more than the console takes (bytes per response, pages or items per list): stopped there,
     * nothing of it used, memory bounded.
     */
    public static final class CapReached extends ApiException {
        public CapReached(int status, String what, String requestId) {
            super(
                    "Stopped: " + what + ". Nothing of it was used. If the server really has that much, raise the cap; "
                            + "otherwise tell the API's operators"
                            + (requestId == null ? "." : " (request " + requestId + ")."),
                    status,
                    requestId,
                    null);
        }
    }

    /** No answer: connection refused or reset, DNS, TLS, or a timeout. */
    public static final class Network extends ApiException {
        public Network(String what, Throwable cause) {
            super(what + " Check the network and the server address, then try again.", 0, null, cause);
        }
    }

    /** An http:// URL to a host that is not loopback: the key would travel in clear text. */
    public static final class InsecureUrl extends ApiException {
        public InsecureUrl(String host) {
            super("Refusing http:// to " + host + ": the key would travel in clear text. Use https://.", 0, null, null);
        }
    }
}
