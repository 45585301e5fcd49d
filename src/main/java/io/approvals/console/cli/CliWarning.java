package io.approvals.console.cli;

/** A command that did its job but ends with a warning line (printed as it is, already "warning: …") and a code. */
final class CliWarning extends CliFailure {
    CliWarning(int exitCode, String line) {
        super(exitCode, line);
    }
}
