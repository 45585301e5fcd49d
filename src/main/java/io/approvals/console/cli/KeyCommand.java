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
@Command(
        name = "key",
        mixinStandardHelpOptions = true,
        subcommands = {
            KeyCommand.Set.class,
            KeyCommand.Status.class,
            KeyCommand.Verify.class,
            KeyCommand.Delete.class,
            KeyRotateCommand.class
        })
final class KeyCommand implements Runnable {
    private final CliContext ctx;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    KeyCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, ctx.messages());
    }

    /** Options every key subcommand has. */
    abstract static class Base implements Runnable {
        final CliContext ctx;

        @Option(names = "--profile", paramLabel = "NAME", descriptionKey = "key.profile")
        String profile;

        @Option(names = "--json")
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
                ctx.out().print(Views.reportText(report, ctx.messages()));
                ctx.out().flush();
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true)
    static final class Set extends Base {
        Set(CliContext ctx) {
            super(ctx);
        }

        @Override
        public void run() {
            ctx.serviceFor(profile).profile(profile); // fail on an unknown profile before asking for a secret
            char[] typed = ctx.readSecret(ctx.messages().get("key.prompt", profile));
            ApiKey key;
            try {
                if (typed.length == 0 || new String(typed).isBlank()) {
                    throw new CliFailure(ExitCodes.USAGE, ctx.messages().get("key.noKeyOnStdin", profile));
                }
                key = ApiKey.of(typed);
            } catch (IllegalArgumentException e) {
                throw new ServiceException(
                        ServiceException.Kind.INVALID_INPUT, e.getMessage() + " Nothing was changed.");
            } finally {
                Arrays.fill(typed, '\0');
            }
            KeyReport report = ctx.service().setKey(profile, key);
            printReport(ctx.messages().get("key.stored", report.backend()), report);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true)
    static final class Status extends Base {
        @Option(names = "--key-file", paramLabel = "FILE")
        java.nio.file.Path keyFile;

        @Option(names = "--check")
        boolean check;

        Status(CliContext ctx) {
            super(ctx);
        }

        @Override
        public void run() {
            // no profile here means APPROVALS_URL is set (ProfileDefaults): its key is a file's or the environment's
            if (keyFile != null || ctx.env(CliEnvironment.API_KEY) != null || profile == null) {
                ConnectionOptions options = new ConnectionOptions();
                options.profile = profile;
                options.keyFile = keyFile;
                ResolvedConnection r = new ConnectionResolver(ctx).resolve(options);
                KeyStatusOutput.Check c = check ? check(r.api()::verifyKey) : null;
                KeyStatusOutput.forThisRun(ctx.out(), json, r, c, ctx.messages());
                failIfDead(c);
                return;
            }
            io.approvals.console.service.ConnectionService service = ctx.serviceFor(profile);
            KeyReport report = service.status(profile);
            KeyStatusOutput.Check c = null;
            if (check && report.stored()) {
                // check() records the answer, a refusal too: the report then shows it as "Last verified: just now"
                c = check(() -> service.check(profile));
                report = service.status(profile);
            }
            KeyStatusOutput.keychain(ctx.out(), json, report, c, ctx.messages());
            failIfDead(c);
            if (check && !report.stored()) {
                throw new CliFailure(ExitCodes.AUTH, ctx.messages().get("key.noneToCheck", profile));
            }
            warnIfUnresolved();
        }

        /** A rotation left half-done or a key left Expiring/refused: one warning line and exit 8 until resolved. */
        private void warnIfUnresolved() {
            KeyAttention.check(ctx.service(), profile).ifPresent(a -> {
                throw new CliWarning(ExitCodes.KEY_ATTENTION, a.warningLine());
            });
        }

        private static KeyStatusOutput.Check check(
                java.util.function.Supplier<io.approvals.console.client.KeyVerification> call) {
            try {
                return new KeyStatusOutput.Check(call.get(), null);
            } catch (io.approvals.console.client.ApiException.Unauthorized e) {
                return KeyStatusOutput.Check.refused();
            }
        }

        private void failIfDead(KeyStatusOutput.Check c) {
            if (c != null && c.dead()) {
                throw new CliFailure(ExitCodes.AUTH, ctx.messages().get("key.dead", c.refusalText(ctx.messages())));
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true)
    static final class Verify extends Base {
        Verify(CliContext ctx) {
            super(ctx);
        }

        @Override
        public void run() {
            printReport(
                    ctx.messages().get("key.verified"), ctx.serviceFor(profile).verify(profile));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true)
    static final class Delete extends Base {
        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        public void run() {
            // a second delete said "Deleted" again: say whether there was a key to delete
            boolean stored = ctx.service().storedKeyIfAny(profile).isPresent();
            ctx.service().deleteKey(profile);
            if (json) {
                JsonOutput.print(ctx.out(), Map.of("profile", profile, "deleted", stored));
            } else {
                ctx.out()
                        .println(ctx.messages()
                                .get(
                                        stored ? "key.deleted" : "key.noneToDelete",
                                        profile,
                                        ctx.secrets().backendName()));
                ctx.out().flush();
            }
        }
    }
}
