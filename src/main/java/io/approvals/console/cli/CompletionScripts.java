package io.approvals.console.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Writes the shell completion scripts from the command model, at build time (see pom.xml): bash with picocli's
 * generator, zsh as the same script behind zsh's bash-completion emulation, and fish from the same model.
 * Usage: CompletionScripts OUTDIR -> OUTDIR/approvals-console.bash, _approvals-console (zsh), approvals-console.fish
 */
public final class CompletionScripts {
    static final String NAME = "approvals-console";

    private CompletionScripts() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/completion");
        Files.createDirectories(dir);
        CommandLine cl = CliHelp.forGenerators();
        String bash = AutoComplete.bash(NAME, cl);
        Files.writeString(dir.resolve(NAME + ".bash"), bash, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("_" + NAME), zsh(bash), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(NAME + ".fish"), fish(cl.getCommandSpec()), StandardCharsets.UTF_8);
    }

    /** zsh runs picocli's bash script through bashcompinit; the trailing call serves the first Tab too. */
    static String zsh(String bash) {
        return "#compdef " + NAME + "\n"
                + "# Generated at build time from the command model (picocli AutoComplete); do not edit.\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + bash + "\n"
                + "# registered above for later Tabs; answer this first one too\n"
                + "_bash_complete -F _complete_" + NAME + " \"$@\"\n";
    }

    /** fish: one `complete` line per subcommand and option, guarded by the command path typed so far. */
    static String fish(CommandSpec root) {
        List<String> paths = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        walk(root, "", paths, lines);
        StringBuilder s = new StringBuilder();
        s.append("# fish completion for ")
                .append(NAME)
                .append(": generated at build time from the command model; do not edit.\n");
        s.append("set -g __approvals_console_paths");
        for (String p : paths) {
            s.append(" '").append(p).append("'");
        }
        s.append("\n\n");
        s.append("""
                # the subcommand path typed so far, e.g. "key set"
                function __approvals_console_path
                    set -l tokens (commandline -opc)
                    set -e tokens[1]
                    set -l path ""
                    for t in $tokens
                        string match -q -- '-*' $t; and continue
                        set -l next (string trim -- "$path $t")
                        contains -- $next $__approvals_console_paths; and set path $next
                    end
                    echo $path
                end

                function __approvals_console_is
                    test (__approvals_console_path) = "$argv[1]"
                end

                complete -c approvals-console -f
                """);
        s.append(lines);
        return s.toString();
    }

    private static void walk(CommandSpec spec, String path, List<String> paths, StringBuilder out) {
        paths.add(path);
        String guard = "-n '__approvals_console_is \"" + path + "\"'";
        for (var e : spec.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (!e.getKey().equals(sub.name())) {
                continue; // an alias
            }
            out.append("complete -c ")
                    .append(NAME)
                    .append(' ')
                    .append(guard)
                    .append(" -a ")
                    .append(quote(sub.name()))
                    .append(" -d ")
                    .append(quote(firstLine(sub.usageMessage().description())))
                    .append('\n');
        }
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            StringBuilder line = new StringBuilder("complete -c " + NAME + " " + guard);
            for (String n : o.names()) {
                if (n.startsWith("--")) {
                    line.append(" -l ").append(n.substring(2));
                } else if (n.startsWith("-") && n.length() == 2) {
                    line.append(" -s ").append(n.substring(1));
                }
            }
            if (o.arity().max() > 0) {
                Iterable<String> candidates = o.completionCandidates();
                boolean file = o.type() == Path.class
                        || o.type() == java.io.File.class
                        || o.paramLabel().toUpperCase(Locale.ROOT).contains("FILE")
                        || o.paramLabel().equals("PEM")
                        || o.paramLabel().equals("DIR");
                // -r -F: a value that is a file name; -x: a value that is not (only the candidates, if any)
                line.append(file ? " -r -F" : " -x");
                if (candidates != null && candidates.iterator().hasNext()) {
                    line.append(" -a ").append(quote(String.join(" ", candidates)));
                }
            }
            line.append(" -d ").append(quote(firstLine(o.description())));
            out.append(line).append('\n');
        }
        for (var e : spec.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (e.getKey().equals(sub.name())) {
                walk(sub, (path + " " + sub.name()).strip(), paths, out);
            }
        }
    }

    private static String firstLine(String[] text) {
        String t = text == null || text.length == 0 ? "" : text[0];
        t = t.replace("%n", " ").replaceAll("\\s+", " ").strip();
        int stop = t.indexOf(". ");
        return stop > 0 ? t.substring(0, stop + 1) : t;
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
