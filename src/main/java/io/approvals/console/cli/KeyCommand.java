package io.approvals.console.cli;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.service.KeyAttention;
import io.approvals.console.service.KeyReport;
import io.approvals.console.service.ServiceException;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** key set | status | verify | delete: the profile's key in the OS keychain. */
@Command(name = "key", description = "Set, check and delete a profile's API key (kept in the OS keychain).",
        mixinStandardHelpOptions = true,
        subcommands = {KeyCommand.Set.class, KeyCommand.Status.class, KeyCommand.Verify.class, KeyCommand.Delete.class,
                KeyRotateCommand.class})
final class KeyCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: set, status, verify, delete or rotate");
    }

    /** Options every key subcommand has. */
    abstract static class Base implements Runnable {
        final CliContext ctx;

        @Option(names = "--profile", required = true, paramLabel = "NAME", description = "The profile.")
        String profile;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Base(CliContext ctx) {
            this.ctx = ctx;
        }

        void printReport(String headline, KeyReport report) {
            if (json) {
                JsonOutput.print(ctx.out(), Views.report(report));
            } else {
                if (headline != null) {
                    ctx.out().println(headline);
                }
                ctx.out().print(Views.reportText(report));
                ctx.out().flush();
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Read a key from stdin (hidden on a terminal), verify it against the server, then store it.",
                    "The key is never taken from an argument. A refused key leaves the stored one as it was.",
                    "Example: approvals-console key set --profile prod < key.txt"})
    static final class Set extends Base {
        Set(CliContext ctx) {
            super(ctx);
        }

        @Override
        public void run() {
            ctx.serviceFor(profile).profile(profile); // fail on an unknown profile before asking for a secret
            char[] typed = ctx.readSecret("API key for profile '" + profile + "' (input hidden): ");
            ApiKey key;
            try {
                if (typed.length == 0 || new String(typed).isBlank()) {
                    throw new CliFailure(ExitCodes.USAGE,
                            "No key was given on stdin. Pipe it in, e.g.: approvals-console key set --profile "
                                    + profile + " < key.txt");
                }
                key = ApiKey.of(typed);
            } catch (IllegalArgumentException e) {
                throw new ServiceException(ServiceException.Kind.INVALID_INPUT, e.getMessage() + " Nothing was changed.");
            } finally {
                Arrays.fill(typed, '\0');
            }
            KeyReport report = ctx.service().setKey(profile, key);
            printReport("Key verified and stored in " + report.backend() + ".", report);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show the stored key (masked), where it lives, and what its last verification found.")
    static final class Status extends Base {
        Status(CliContext ctx) {
            super(ctx);
        }

        @Override
        public void run() {
            printReport(null, ctx.serviceFor(profile).status(profile));
            warnIfUnresolved();
        }

        /** A rotation left half-done or a key left Expiring/refused: one warning line and exit 6 until resolved. */
        private void warnIfUnresolved() {
            KeyAttention.check(ctx.service(), profile).ifPresent(a -> {
                throw new CliWarning(ExitCodes.KEY_ATTENTION, a.warningLine());
            });
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify the stored key against the server again.")
    static final class Verify extends Base {
        Verify(CliContext ctx) {
            super(ctx);
        }

        @Override
        public void run() {
            printReport("Key verified.", ctx.serviceFor(profile).verify(profile));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete the profile's key from the keychain; the profile stays.")
    static final class Delete extends Base {
        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        public void run() {
            ctx.service().deleteKey(profile);
            if (json) {
                JsonOutput.print(ctx.out(), Map.of("profile", profile, "deleted", true));
            } else {
                ctx.out().println("Deleted the key of profile " + profile + " from " + ctx.secrets().backendName() + ".");
                ctx.out().flush();
            }
        }
    }
}
