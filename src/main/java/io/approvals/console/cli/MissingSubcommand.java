package io.approvals.console.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The usage error of a command group run without a subcommand, naming its subcommands, in the user's language. */
final class MissingSubcommand {
    private MissingSubcommand() {}

    static CommandLine.ParameterException of(CommandSpec spec, CliMessages messages) {
        List<String> names = spec.subcommands().entrySet().stream()
                .filter(e -> e.getKey().equals(e.getValue().getCommandName())) // not the aliases
                .map(Map.Entry::getKey)
                .toList();
        String last = names.get(names.size() - 1);
        String others = String.join(", ", names.subList(0, names.size() - 1));
        return new CommandLine.ParameterException(
                spec.commandLine(), messages.get("usage.missingSubcommand", others, last));
    }
}
