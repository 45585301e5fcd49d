package io.approvals.console.cli;

/** A command's failure with its exit code; the message is the one line printed on stderr. */
public class CliFailure extends RuntimeException {
    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        this(exitCode, message, null);
    }

    /**
     * cause: the server's failure this one words for the command line, kept so that --verbose can still show its
     * status, request id and field errors.
     */
    public CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
