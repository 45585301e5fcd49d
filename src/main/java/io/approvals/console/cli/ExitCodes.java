package io.approvals.console.cli;

/** Exit codes of the headless commands; scripts depend on them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int OTHER = 1;
    public static final int USAGE = 2;
    public static final int AUTH = 3;
    public static final int NETWORK = 4;
    public static final int KEYCHAIN = 5;
    /** 409: the approval was decided or changed by someone else first; keys expire-previous: nothing in grace. */
    public static final int CONFLICT = 6;
    /** The approval is not among the not-complete ones (the API has no endpoint to read a single one). */
    public static final int NOT_FOUND = 7;
    /** key status: the key needs attention (a rotation unfinished or under way, the key Expiring or refused). */
    public static final int KEY_ATTENTION = 8;
    /** 429: the server asked to wait (after too many failed authentications); a script may try again later. */
    public static final int RATE_LIMITED = 9;

    private ExitCodes() {}
}
