package io.approvals.console.cli;

import io.approvals.console.config.AppInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** approvals-console: with no arguments the desktop app; subcommands are headless. */
@Command(
        name = "approvals-console",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        resourceBundle = CliHelp.BUNDLE, // every --help text, also of the subcommands: docs/cli.md, "Language"
        subcommands = {
            CommandLine.HelpCommand.class,
            ProfilesCommand.class,
            KeyCommand.class,
            KeysCommand.class,
            ApprovalsCommand.class,
            SandboxCommand.class
        })
public final class RootCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @CommandLine.Option(names = "--sandbox")
    boolean sandbox;

    @Override
    public void run() {
        // the app's launcher handles the no-argument case before picocli sees it; this is e.g. --verbose alone:
        // the help of this command line, in its language (Cli sets the bundle)
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version for --version. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                AppInfo.NAME + " " + AppInfo.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
