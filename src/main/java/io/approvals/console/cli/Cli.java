package io.approvals.console.cli;

import picocli.CommandLine;

/** Runs a headless command line and returns its exit code. */
public final class Cli {
    private Cli() {}

    public static CommandLine commandLine() {
        return commandLine(CliContext.defaults());
    }

    /** A command line whose commands use ctx's streams, keychain, directories and client factory. */
    public static CommandLine commandLine(CliContext ctx) {
        CommandLine cl = new CommandLine(new RootCommand(), new ContextFactory(ctx));
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        ExitCodeMapper failures = new ExitCodeMapper(ctx.messages());
        cl.setExitCodeExceptionMapper(failures);
        cl.setExecutionExceptionHandler(failures);
        cl.setParameterExceptionHandler(failures);
        ProfileDefaults profiles = new ProfileDefaults(ctx);
        cl.setDefaultValueProvider(profiles);
        cl.setExecutionStrategy(profiles);
        // --help in the language of the other human texts; a subcommand added later (bench) inherits it
        return CliHelp.in(cl, ctx.messages().locale());
    }

    public static int run(String... args) {
        return run(CliContext.defaults(), args);
    }

    public static int run(CliContext ctx, String... args) {
        int code = commandLine(ctx).execute(args);
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }
}
