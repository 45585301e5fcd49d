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
@Command(
        name = "profiles",
        description = "Add, list and remove connection profiles.",
        mixinStandardHelpOptions = true,
        subcommands = {
            ProfilesCommand.Add.class,
            ProfilesCommand.ListProfiles.class,
            ProfilesCommand.Remove.class,
            ProfilesCommand.SetDialect.class,
            ProfilesCommand.Show.class
        })
final class ProfilesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: add, list or remove");
    }

    @Command(
            name = "add",
            description = "Add a profile: a name for a server URL and how to present the key.",
            mixinStandardHelpOptions = true)
    static final class Add implements Runnable {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME", description = "Profile name (also the keychain account).")
        String name;

        @Option(
                names = "--url",
                required = true,
                paramLabel = "URL",
                description = "Base URL of the Approvals API, e.g. https://approvals.example.com")
        String url;

        @Option(
                names = "--header",
                paramLabel = "NAME",
                description = "Header that carries the key (default: X-API-Key).")
        String header;

        @Option(names = "--bearer", description = "Send the key as Authorization: Bearer (SSO, DeskToken).")
        boolean bearer;

        @Option(
                names = "--ca-cert",
                paramLabel = "PEM",
                description = "Extra CA certificate (PEM) to trust for this server.")
        Path caCert;

        @Option(
                names = "--openapi",
                paramLabel = "URL|FILE",
                description = "The server's OpenAPI document, where it is not at a usual place.")
        String openapi;

        @Option(names = "--no-discovery", description = "Do not look for the server's OpenAPI document.")
        boolean noDiscovery;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Add(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            ConnectionService service = ctx.service();
            Connection c = service.addProfile(name, url, bearer ? AuthMode.BEARER : AuthMode.API_KEY, header, caCert);
            boolean userAuth = header != null || bearer;
            if (userAuth) {
                c = service.setDialect(name, Map.of(), header, bearer ? Boolean.TRUE : null);
            }
            if (!noDiscovery && (!userAuth || openapi != null)) {
                var found = service.discoverDialect(name, openapi, userAuth);
                c = service.profile(name);
                if (!json) {
                    ctx.err().println(discoveryText(c, found));
                    ctx.err().flush();
                }
            }
            if (json) {
                JsonOutput.print(ctx.out(), profileView(c));
            } else {
                ctx.out()
                        .println(ctx.messages()
                                .get("profiles.added", c.name(), c.baseUrl().toString()));
                ctx.out().flush();
            }
        }
    }

    /** The profile as JSON, with its dialect. */
    static Map<String, Object> profileView(Connection c) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(Views.profile(c));
        m.put("dialect", c.dialect());
        return m;
    }

    /** What discovery found, or where it looked, in a line or two. */
    static String discoveryText(Connection c, io.approvals.console.client.OpenApiDiscovery.Found found) {
        if (found.result().isEmpty()) {
            return "note: no OpenAPI document found (tried " + String.join(", ", found.tried()) + "); using the "
                    + "contract's names and the header " + c.headerName() + " (a guess). If the key is refused, set "
                    + "the header: approvals-console profiles set " + c.name() + " --header NAME";
        }
        var r = found.result().get();
        return "Read the server's OpenAPI document (" + r.dialect().source() + "): key "
                + (c.authMode() == AuthMode.BEARER ? "as Authorization: Bearer" : "in header " + c.headerName())
                + "; "
                + String.join(
                        "; ",
                        r.dialect().describe().subList(1, r.dialect().describe().size()))
                + (r.notes().isEmpty() ? "" : " (" + String.join("; ", r.notes()) + ")");
    }

    @Command(
            name = "set",
            description = "Change how a profile speaks to its server: field names, spellings, "
                    + "header, time zone; or read its OpenAPI document again.",
            mixinStandardHelpOptions = true)
    static final class SetDialect implements Runnable {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(
                names = "--field",
                paramLabel = "NAME=SERVERNAME",
                description = "A request field's name on the "
                        + "server, e.g. approvalId=ApprovalId, comment=Reason, expectedVersion=RowVersion; also "
                        + "spelling.Approved=Approve, idType=integer, versionType=byte|integer|string. Repeatable; an "
                        + "empty value goes back to the contract's.")
        Map<String, String> fields = new java.util.LinkedHashMap<>();

        @Option(names = "--header", paramLabel = "NAME", description = "Header that carries the key.")
        String header;

        @Option(names = "--bearer", description = "Send the key as Authorization: Bearer.")
        Boolean bearer;

        @Option(
                names = "--time-zone",
                paramLabel = "ZONE",
                description = "Time zone of times the server sends without one (default UTC), e.g. Europe/Berlin.")
        String timeZone;

        @Option(
                names = "--openapi",
                paramLabel = "URL|FILE",
                description = "Read the dialect from this OpenAPI document (or the usual places with 'auto').")
        String openapi;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        SetDialect(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            ConnectionService service = ctx.service();
            if (openapi != null) {
                var found = service.discoverDialect(
                        name, openapi.equals("auto") ? null : openapi, header != null || bearer != null);
                if (found.result().isEmpty()) {
                    throw new CliFailure(
                            ExitCodes.OTHER,
                            ctx.messages().get("profiles.noOpenApi", String.join(", ", found.tried())));
                }
            }
            Map<String, String> settings = new java.util.LinkedHashMap<>(fields);
            if (timeZone != null) {
                settings.put("timeZone", timeZone);
            }
            Connection c = service.setDialect(name, settings, header, bearer);
            if (json) {
                JsonOutput.print(ctx.out(), profileView(c));
            } else {
                ctx.out()
                        .println("Profile " + c.name() + " now: key "
                                + (c.authMode() == AuthMode.BEARER
                                        ? "as Authorization: Bearer"
                                        : "in header " + c.headerName())
                                + "; "
                                + String.join("; ", c.dialectOrContract().describe()));
                ctx.out().flush();
            }
        }
    }

    @Command(
            name = "show",
            description = "Show a profile's connection details, its dialect included.",
            mixinStandardHelpOptions = true)
    static final class Show implements Runnable {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Connection c = ctx.service().profile(name);
            if (json) {
                JsonOutput.print(ctx.out(), profileView(c));
                return;
            }
            ctx.out().printf("%-15s%s%n", "Profile:", c.name());
            ctx.out().printf("%-15s%s%n", "URL:", c.baseUrl());
            ctx.out()
                    .printf(
                            "%-15s%s%n",
                            "Key sent:",
                            c.authMode() == AuthMode.BEARER
                                    ? "Authorization: Bearer"
                                    : "header " + c.headerName()
                                            + (c.dialectOrContract().headerGuessed() ? " (a guess)" : ""));
            for (String line : c.dialectOrContract().describe()) {
                ctx.out().printf("%-15s%s%n", "Dialect:", line);
            }
            ctx.out().flush();
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
                JsonOutput.print(
                        ctx.out(),
                        all.stream().map(ProfilesCommand::profileView).toList());
                return;
            }
            if (all.isEmpty()) {
                ctx.out().println(ctx.messages().get("profiles.none"));
                ctx.out().flush();
                return;
            }
            Table table = new Table("NAME", "URL", "AUTH", "KEY", "SCOPES", "VERIFIED");
            for (Connection c : all) {
                var v = c.verified();
                table.row(
                        c.name(),
                        c.baseUrl().toString(),
                        c.authMode() == AuthMode.BEARER ? "Bearer" : c.headerName(),
                        v == null ? "-" : v.masked(),
                        v == null ? "-" : v.keyEndpointsAvailable() ? String.join(",", v.scopes()) : "?",
                        v == null ? "never" : Views.time(v.verifiedAt()));
            }
            table.print(ctx.out());
        }
    }

    @Command(
            name = "remove",
            description = "Remove a profile and delete its key from the keychain.",
            mixinStandardHelpOptions = true)
    static final class Remove implements Runnable {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(
                names = "--keep-key",
                description = "Leave the key in the keychain (e.g. where no keychain is reachable).")
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
                ctx.out()
                        .println(
                                keepKey
                                        ? "Removed profile " + name
                                                + "; its key, if any, stays in the keychain (service "
                                                + "approvals-console, account " + name + ")."
                                        : "Removed profile " + name + " and its key.");
                ctx.out().flush();
            }
        }
    }
}
