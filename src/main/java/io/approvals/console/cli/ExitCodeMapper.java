package io.approvals.console.cli;

import io.approvals.console.client.ApiException;
import picocli.CommandLine;

/** Turns a failure into one clear line on stderr and the documented exit code. */
final class ExitCodeMapper implements CommandLine.IExitCodeExceptionMapper, CommandLine.IExecutionExceptionHandler {
    static final ExitCodeMapper INSTANCE = new ExitCodeMapper();

    @Override
    public int getExitCode(Throwable t) {
        if (t instanceof ApiException.Unauthorized || t instanceof ApiException.Forbidden) {
            return ExitCodes.AUTH;
        }
        if (t instanceof ApiException.Network || t instanceof ApiException.InsecureUrl) {
            return ExitCodes.NETWORK;
        }
        if (t instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        if (t instanceof CliFailure f) {
            return f.exitCode();
        }
        return ExitCodes.OTHER;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cl.getErr().println("error: " + message);
        cl.getErr().flush();
        return getExitCode(ex);
    }
}
