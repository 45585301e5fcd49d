package io.approvals.console.cli;

import io.approvals.console.app.AppInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** approvals-console: with no arguments the desktop app; subcommands are headless. */
@Command(name = "approvals-console",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        description = "Approvals Console: approve, reject and create approvals; keys live in the OS keychain.%n"
                + "With no arguments it opens the desktop app; with --sandbox alone it opens the desktop app and,%n"
                + "when no connection is configured yet, starts the bundled sandbox at once.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ProfilesCommand.class,
                KeyCommand.class,
                KeysCommand.class,
                ApprovalsCommand.class,
                SandboxCommand.class
        })
public final class RootCommand implements Runnable {

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "On a failure, also print the server's request id, trace id and field errors.")
    boolean verbose;

    @CommandLine.Option(names = "--sandbox",
            description = "Open the desktop app; with no connection configured, on the bundled local sandbox.")
    boolean sandbox;

    @Override
    public void run() {
        // the app's launcher handles the no-argument case before picocli sees it
        new CommandLine(this).usage(System.out);
    }

    /** Version for --version. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{AppInfo.NAME + " " + AppInfo.version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
