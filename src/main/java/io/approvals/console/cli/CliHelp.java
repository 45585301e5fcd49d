package io.approvals.console.cli;

import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;

/**
 * The --help texts of every command, in picocli's resource bundle {@value #BUNDLE}: English in help.properties,
 * German in help_de.properties. The annotations name only the bundle; picocli would read it in the JVM's default
 * locale, so the command line sets it explicitly: in the CLI's language ({@link CliMessages}) for people, in
 * English for what the build generates (man pages, shell completion), whatever the build machine's locale.
 */
final class CliHelp {
    static final String BUNDLE = "io.approvals.console.cli.help";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private CliHelp() {}

    /** The help texts for locale; a language we lack (or English) gets help.properties, never the OS locale's. */
    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    /** Sets the help texts of cl and every subcommand it has now (add subcommands first). */
    static CommandLine in(CommandLine cl, Locale locale) {
        return cl.setResourceBundle(bundle(locale));
    }

    /** The English help texts: the ones the generated man pages and completion scripts carry. */
    static CommandLine inEnglish(CommandLine cl) {
        return in(cl, Locale.ROOT);
    }

    /** The command model the build-time generators read: nothing runs, and every text is the English one. */
    static CommandLine forGenerators() {
        return inEnglish(new CommandLine(new RootCommand(), new CliDocsFactory()));
    }
}
