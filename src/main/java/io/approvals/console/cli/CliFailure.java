package io.approvals.console.cli;

/** A command's failure with its exit code; the message is the one line printed on stderr. */
public class CliFailure extends RuntimeException {
    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
