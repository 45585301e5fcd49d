package io.approvals.console.app;

import io.approvals.console.bench.BenchCommand;
import io.approvals.console.cli.Cli;
import io.approvals.console.ui.ConsoleUi;
import picocli.CommandLine;

/**
 * Entry point. Not a javafx.application.Application on purpose: a classpath launch of an
 * Application subclass fails its JavaFX module check.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        boolean sandbox = args.length == 1 && args[0].equals("--sandbox");
        if (args.length == 0 || sandbox) {
            java.util.Optional<String> noDisplay = DisplayCheck.missing(
                    System.getenv(), System.getProperty("os.name"), System.getProperty("glass.platform"));
            if (noDisplay.isPresent()) {
                System.err.println(noDisplay.get());
                System.exit(io.approvals.console.cli.ExitCodes.USAGE);
            }
            if (sandbox) {
                System.setProperty(ConsoleUi.OPEN_SANDBOX_PROPERTY, "true");
            }
            StartupProbe.watchIfEnabled(); // packaging's start-up recording and timing; off without its property
            DesktopLauncher.launch();
            return;
        }
        CommandLine cl = Cli.commandLine();
        cl.addSubcommand("bench", new BenchCommand());
        // the sandbox command blocks inside its Callable until SIGINT/SIGTERM, so every command ends here
        System.exit(cl.execute(args));
    }
}
