package io.approvals.console.cli;

import picocli.CommandLine;

/** Runs a headless command line and returns its exit code. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setExitCodeExceptionMapper(ExitCodeMapper.INSTANCE);
        cl.setExecutionExceptionHandler(ExitCodeMapper.INSTANCE);
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }
}
