package io.approvals.console.service;

/** A flow refused what it was asked, before or without talking to a server. The message is fit to show. */
public class ServiceException extends RuntimeException {

    public enum Kind {
        /** The input is wrong as typed: a malformed URL, name, header, or a key that fails its format check. */
        INVALID_INPUT,
        /** No connection of that name. */
        UNKNOWN_PROFILE,
        /** A connection of that name exists already. */
        DUPLICATE_PROFILE,
        /** The connection has no key stored yet. */
        NO_KEY,
        /** The server cannot do this (e.g. it has no /apikeys endpoints); the message names what to do instead. */
        NOT_SUPPORTED,
        /** The server or the keychain state forbids it now (e.g. an admin action on the profile's own key). */
        REFUSED,
        /** The server refused the change in the target's current state (409, e.g. regenerating a revoked key). */
        CONFLICT
    }

    private final Kind kind;

    public ServiceException(Kind kind, String message) {
        this(kind, message, null);
    }

    /** cause: the server's failure behind this refusal, kept for its status and request id (--verbose). */
    public ServiceException(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
