package io.approvals.console.cli;

import io.approvals.console.config.AppInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** approvals-console: with no arguments the desktop app; subcommands are headless. */
@Command(
        name = "approvals-console",
        mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class,
        description = {
            "Approvals Console: approve, reject and create approvals; keys live in the OS keychain.",
            "With no arguments it opens the desktop app; with --sandbox alone it opens the desktop app and, "
                    + "when no connection is configured yet, starts the bundled sandbox at once.",
            "The commands below are headless: for scripts, CI and terminals."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Success.",
            "1:Another failure.",
            "2:Usage: a bad option or input, an unknown profile; nothing was sent.",
            "3:Authentication: the key was refused or lacks a scope; key status --check: the key is dead.",
            "4:Network: no answer from the server (or it is unsure whether a decision landed).",
            "5:Keychain: unreachable or locked (see APPROVALS_API_KEY).",
            "6:Conflict: someone else decided or changed the approval first.",
            "7:Not found: no such approval among the not-complete ones.",
            "8:Key status: the key needs attention (a rotation unfinished, the key Expiring or refused)."
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  APPROVALS_URL      the API's URL when no profile is used",
            "  APPROVALS_API_KEY  the key for this run only, never stored",
            "  APPROVALS_PROFILE  the profile when --profile is not given",
            "The key: --key-file FILE, else APPROVALS_API_KEY, else the keychain."
        },
        subcommands = {
            CommandLine.HelpCommand.class,
            ProfilesCommand.class,
            KeyCommand.class,
            KeysCommand.class,
            ApprovalsCommand.class,
            SandboxCommand.class
        })
public final class RootCommand implements Runnable {

    @CommandLine.Option(
            names = "--verbose",
            scope = CommandLine.ScopeType.INHERIT,
            description = "On a failure, also print the server's request id, trace id and field errors.")
    boolean verbose;

    @CommandLine.Option(
            names = "--sandbox",
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
            return new String[] {
                AppInfo.NAME + " " + AppInfo.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
