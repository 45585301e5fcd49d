package io.approvals.console.cli;

import io.approvals.console.config.Connection;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * --profile when it is not given: APPROVALS_PROFILE, else nothing when APPROVALS_URL is set (no profile needed),
 * else the only profile there is. Before a command runs, a --profile that is still missing is a usage error
 * naming the choices, except for the commands that can work from APPROVALS_URL alone.
 */
final class ProfileDefaults implements CommandLine.IDefaultValueProvider, CommandLine.IExecutionStrategy {
    private static final String OPTION = "--profile";
    private final CliContext ctx;
    private List<String> names;

    ProfileDefaults(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec o) || !OPTION.equals(o.longestName())) {
            return null;
        }
        String fromEnv = ctx.env(CliEnvironment.PROFILE);
        if (fromEnv != null) {
            return fromEnv;
        }
        if (ctx.env(CliEnvironment.URL) != null) {
            return null;
        }
        List<String> all = profileNames();
        return all.size() == 1 ? all.get(0) : null;
    }

    @Override
    public int execute(CommandLine.ParseResult parseResult) throws CommandLine.ExecutionException {
        Integer help = CommandLine.executeHelpRequest(parseResult);
        if (help != null) {
            return help;
        }
        CommandLine.ParseResult last = parseResult;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        CommandSpec spec = last.commandSpec();
        OptionSpec profile = spec.findOption(OPTION);
        if (profile != null && profile.getValue() == null && !worksWithoutProfile(spec)) {
            throw new CommandLine.ParameterException(spec.commandLine(), missingProfile());
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** Commands that take --key-file (see {@link ConnectionOptions}) can run from APPROVALS_URL alone. */
    private boolean worksWithoutProfile(CommandSpec spec) {
        return ctx.env(CliEnvironment.URL) != null && spec.findOption("--key-file") != null;
    }

    private String missingProfile() {
        List<String> all = profileNames();
        if (all.isEmpty()) {
            return ctx.messages().get("profiles.noneYet", CliEnvironment.URL, CliEnvironment.API_KEY);
        }
        return ctx.messages().get("profiles.which", all.size(), String.join(", ", all), CliEnvironment.PROFILE);
    }

    private synchronized List<String> profileNames() {
        if (names == null) {
            names = ctx.connectionStore().list().stream().map(Connection::name).toList();
        }
        return names;
    }
}
