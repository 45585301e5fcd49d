package io.approvals.console.cli;

import io.approvals.console.config.AuthMode;
import io.approvals.console.config.Connection;
import io.approvals.console.service.ConnectionService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** profiles add | list | remove: the connections (no secrets; keys are set with "key set"). */
@Command(name = "profiles", description = "Add, list and remove connection profiles.",
        mixinStandardHelpOptions = true,
        subcommands = {ProfilesCommand.Add.class, ProfilesCommand.ListProfiles.class, ProfilesCommand.Remove.class})
final class ProfilesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: add, list or remove");
    }

    @Command(name = "add", description = "Add a profile: a name for a server URL and how to present the key.",
            mixinStandardHelpOptions = true)
    static final class Add implements Runnable {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME", description = "Profile name (also the keychain account).")
        String name;

        @Option(names = "--url", required = true, paramLabel = "URL",
                description = "Base URL of the Approvals API, e.g. https://approvals.example.com")
        String url;

        @Option(names = "--header", paramLabel = "NAME", description = "Header that carries the key (default: X-API-Key).")
        String header;

        @Option(names = "--bearer", description = "Send the key as Authorization: Bearer (SSO, DeskToken).")
        boolean bearer;

        @Option(names = "--ca-cert", paramLabel = "PEM", description = "Extra CA certificate (PEM) to trust for this server.")
        Path caCert;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Add(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            ConnectionService service = ctx.service();
            Connection c = service.addProfile(name, url, bearer ? AuthMode.BEARER : AuthMode.API_KEY, header, caCert);
            if (json) {
                JsonOutput.print(ctx.out(), Views.profile(c));
            } else {
                ctx.out().println("Added profile " + c.name() + " (" + c.baseUrl() + "). Set its key with: "
                        + "approvals-console key set --profile " + c.name());
                ctx.out().flush();
            }
        }
    }

    @Command(name = "list", description = "List the profiles.", mixinStandardHelpOptions = true)
    static final class ListProfiles implements Runnable {
        private final CliContext ctx;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListProfiles(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            List<Connection> all = ctx.service().profiles();
            if (json) {
                JsonOutput.print(ctx.out(), all.stream().map(Views::profile).toList());
                return;
            }
            if (all.isEmpty()) {
                ctx.out().println("No profiles yet. Add one with: approvals-console profiles add NAME --url URL");
                ctx.out().flush();
                return;
            }
            Table table = new Table("NAME", "URL", "AUTH", "KEY", "SCOPES", "VERIFIED");
            for (Connection c : all) {
                var v = c.verified();
                table.row(c.name(), c.baseUrl().toString(),
                        c.authMode() == AuthMode.BEARER ? "Bearer" : c.headerName(),
                        v == null ? "-" : v.masked(),
                        v == null ? "-" : v.keyEndpointsAvailable() ? String.join(",", v.scopes()) : "?",
                        v == null ? "never" : Views.time(v.verifiedAt()));
            }
            table.print(ctx.out());
        }
    }

    @Command(name = "remove", description = "Remove a profile and delete its key from the keychain.",
            mixinStandardHelpOptions = true)
    static final class Remove implements Runnable {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--keep-key", description = "Leave the key in the keychain (e.g. where no keychain is reachable).")
        boolean keepKey;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Remove(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            ctx.service().removeProfile(name, !keepKey);
            if (json) {
                JsonOutput.print(ctx.out(), Map.of("removed", name, "keyDeleted", !keepKey));
            } else {
                ctx.out().println(keepKey
                        ? "Removed profile " + name + "; its key, if any, stays in the keychain (service "
                                + "approvals-console, account " + name + ")."
                        : "Removed profile " + name + " and its key.");
                ctx.out().flush();
            }
        }
    }
}
