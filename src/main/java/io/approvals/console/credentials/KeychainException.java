package io.approvals.console.credentials;

/**
 * A secret store could not do what was asked. The message is a reason and a next step, fit to show a
 * user as it is; it never contains a secret.
 */
public class KeychainException extends RuntimeException {

    /** What went wrong, so callers can react (e.g. offer "this session only" when UNAVAILABLE). */
    public enum Kind {
        /** No keychain here: no Secret Service on the session bus, no D-Bus session, unsupported OS. */
        UNAVAILABLE,
        /** The keychain is locked and was not unlocked. */
        LOCKED,
        /** The keychain did not answer in time (often: waiting for an unlock prompt nobody answered). */
        TIMEOUT,
        /** The user or the system refused access. */
        DENIED,
        /** Anything else the keychain reported. */
        ERROR
    }

    private final Kind kind;
    private final String reason;
    private final String nextStep;

    public KeychainException(Kind kind, String reason, String nextStep) {
        this(kind, reason, nextStep, null);
    }

    public KeychainException(Kind kind, String reason, String nextStep, Throwable cause) {
        super(reason + " " + nextStep, cause);
        this.kind = kind;
        this.reason = reason;
        this.nextStep = nextStep;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    public String nextStep() {
        return nextStep;
    }
}
