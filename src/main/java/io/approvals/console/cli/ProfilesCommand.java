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
        mixinStandardHelpOptions = true,
        subcommands = {
            ProfilesCommand.Add.class,
            ProfilesCommand.ListProfiles.class,
            ProfilesCommand.Remove.class,
            ProfilesCommand.SetDialect.class,
            ProfilesCommand.Show.class
        })
final class ProfilesCommand implements Runnable {
    private final CliContext ctx;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    ProfilesCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, ctx.messages());
    }

    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class Add implements Runnable {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "profiles.add.name")
        String name;

        @Option(names = "--url", required = true, paramLabel = "URL")
        String url;

        @Option(names = "--header", paramLabel = "NAME")
        String header;

        @Option(names = "--bearer")
        boolean bearer;

        @Option(names = "--ca-cert", paramLabel = "PEM")
        Path caCert;

        @Option(names = "--openapi", paramLabel = "URL|FILE")
        String openapi;

        @Option(names = "--no-discovery")
        boolean noDiscovery;

        @Option(names = "--json")
        boolean json;

        Add(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            ConnectionService service = ctx.service();
            // stored only once complete: a discovery that fails (an unreadable --openapi file) leaves no profile
            Connection c = service.newProfile(name, url, bearer ? AuthMode.BEARER : AuthMode.API_KEY, header, caCert);
            boolean userAuth = header != null || bearer;
            if (userAuth) {
                c = ConnectionService.withSettings(c, Map.of(), header, bearer ? Boolean.TRUE : null);
            }
            io.approvals.console.client.OpenApiDiscovery.Found found = null;
            if (!noDiscovery && (!userAuth || openapi != null)) {
                found = ConnectionService.discover(c, openapi);
                if (found.result().isPresent()) {
                    c = ConnectionService.withDiscovered(c, found.result().get(), userAuth);
                }
            }
            c = service.addProfile(c);
            if (found != null && !json) {
                ctx.err().println(discoveryText(c, found));
                ctx.err().flush();
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

    @Command(name = "set", mixinStandardHelpOptions = true)
    static final class SetDialect implements Runnable {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--field", paramLabel = "NAME=SERVERNAME")
        Map<String, String> fields = new java.util.LinkedHashMap<>();

        @Option(names = "--header", paramLabel = "NAME")
        String header;

        @Option(names = "--bearer")
        Boolean bearer;

        @Option(names = "--time-zone", paramLabel = "ZONE")
        String timeZone;

        @Option(names = "--openapi", paramLabel = "URL|FILE")
        String openapi;

        @Option(names = "--json")
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
                CliMessages t = ctx.messages();
                // the dialect's description comes from config, in English
                ctx.out()
                        .println(t.get(
                                "profiles.setNow",
                                c.name(),
                                c.authMode() == AuthMode.BEARER
                                        ? t.get("profiles.keyBearer")
                                        : t.get("profiles.keyHeader", c.headerName()),
                                String.join("; ", c.dialectOrContract().describe())));
                ctx.out().flush();
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    static final class Show implements Runnable {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--json")
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
            CliMessages t = ctx.messages();
            List<String> labels = List.of(
                    t.get("profiles.show.profile"),
                    t.get("profiles.show.url"),
                    t.get("profiles.show.keySent"),
                    t.get("profiles.show.dialect"));
            // 15 in English, as it always was; wider when a language's label needs it
            int w = Math.max(15, labels.stream().mapToInt(String::length).max().orElse(0) + 2);
            String row = "%-" + w + "s%s%n";
            ctx.out().printf(row, labels.get(0) + ":", c.name());
            ctx.out().printf(row, labels.get(1) + ":", c.baseUrl());
            ctx.out()
                    .printf(
                            row,
                            labels.get(2) + ":",
                            c.authMode() == AuthMode.BEARER
                                    ? "Authorization: Bearer"
                                    : t.get(
                                            c.dialectOrContract().headerGuessed()
                                                    ? "profiles.show.headerGuessed"
                                                    : "profiles.show.header",
                                            c.headerName()));
            // the dialect's lines come from config, in English
            for (String line : c.dialectOrContract().describe()) {
                ctx.out().printf(row, labels.get(3) + ":", line);
            }
            ctx.out().flush();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListProfiles implements Runnable {
        private final CliContext ctx;

        @Option(names = "--json")
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

    @Command(name = "remove", mixinStandardHelpOptions = true)
    static final class Remove implements Runnable {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--keep-key")
        boolean keepKey;

        @Option(names = "--json")
        boolean json;

        Remove(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            boolean keyDeleted;
            try {
                // whether there was a key to delete: JSON said keyDeleted true for a profile that never had one
                keyDeleted = !keepKey && ctx.service().storedKeyIfAny(name).isPresent();
                ctx.service().removeProfile(name, !keepKey);
            } catch (io.approvals.console.credentials.KeychainException e) {
                // a key for this run (the usual advice) cannot delete a stored one: --keep-key is what helps here
                throw new CliFailure(
                        ExitCodes.KEYCHAIN,
                        TerminalKeychainAdvice.message(
                                e, ctx.messages(), ctx.messages().get("keychain.keepKey", name)));
            }
            if (json) {
                JsonOutput.print(ctx.out(), Map.of("removed", name, "keyDeleted", keyDeleted));
            } else {
                ctx.out().println(ctx.messages().get(keepKey ? "profiles.removedKeepKey" : "profiles.removed", name));
                ctx.out().flush();
            }
        }
    }
}
