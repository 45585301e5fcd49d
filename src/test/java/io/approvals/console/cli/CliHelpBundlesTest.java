package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.bench.BenchCommand;
import io.approvals.console.config.AppPaths;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.service.FakeApprovalsApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The --help texts (bundle {@value CliHelp#BUNDLE}): English and German have the same keys; every command and every
 * option of the whole tree (bench included, as app.Main adds it) finds its text in each language on its own; no
 * German text is still the English one, apart from command examples; APPROVALS_LANG (else the OS locale) picks the
 * language of --help as it does for the other human texts; the generators always get English.
 */
class CliHelpBundlesTest {
    @org.junit.jupiter.api.AfterAll
    static void serviceTextsBackToEnglish() {
        // a CliContext made with APPROVALS_LANG=de sets the service's language process-wide (as the command does)
        io.approvals.console.service.ServiceText.useLocale(Locale.ENGLISH);
    }

    private static final String EN = "/io/approvals/console/cli/help.properties";
    private static final String DE = "/io/approvals/console/cli/help_de.properties";

    /** Positional parameters with no text in English either: the help shows their label alone. */
    private static final Set<String> WITHOUT_TEXT = Set.of(
            "approvals-console profiles set NAME",
            "approvals-console profiles show NAME",
            "approvals-console profiles remove NAME");

    /** A line that is a command example (the same in every language): a command, a pipe, or option-value pairs. */
    private static final Pattern EXAMPLE =
            Pattern.compile("\\s*(approvals-console\\s.*|\\|\\s.*|(--[a-z-]+ [^\\s-]\\S*\\s*)+\\\\?)");

    @TempDir
    Path root;

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CliHelpBundlesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The bundle of one file alone, without help.properties behind it: a key it lacks stays missing. */
    private static ResourceBundle alone(String path) throws IOException {
        try (InputStream in = CliHelpBundlesTest.class.getResourceAsStream(path)) {
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    /** The whole command tree as the user gets it (bench too), with its texts from bundle only. */
    private static CommandLine tree(ResourceBundle bundle) {
        CommandLine cl = new CommandLine(new RootCommand(), new CliDocsFactory());
        cl.addSubcommand("bench", new BenchCommand());
        return cl.setResourceBundle(bundle);
    }

    /** Every text of the help screens, by where it shows: "approvals-console key set: description" → lines. */
    private static Map<String, List<String>> texts(CommandLine cl) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        collect(cl.getCommandSpec(), out);
        return out;
    }

    private static void collect(CommandSpec spec, Map<String, List<String>> out) {
        String cmd = spec.qualifiedName();
        // the model's accessors look the keys up as the help screen does (qualified, then plain, then the annotation)
        var usage = spec.usageMessage();
        out.put(cmd + ": description", List.of(usage.description()));
        out.put(cmd + ": header", List.of(usage.header()));
        out.put(cmd + ": footer", List.of(usage.footer()));
        out.put(
                cmd + ": headings",
                List.of(
                        usage.synopsisHeading(),
                        usage.commandListHeading(),
                        usage.footerHeading(),
                        usage.exitCodeListHeading()));
        out.put(cmd + ": exit codes", List.copyOf(usage.exitCodeList().values()));
        for (ArgSpec arg : spec.args()) {
            if (arg.hidden()) {
                continue;
            }
            String name = arg instanceof OptionSpec o ? o.longestName() : ((PositionalParamSpec) arg).paramLabel();
            out.put(cmd + " " + name, List.of(arg.description()));
        }
        for (var e : spec.subcommands().entrySet()) {
            if (e.getKey().equals(e.getValue().getCommandName())) {
                collect(e.getValue().getCommandSpec(), out);
            }
        }
    }

    private static boolean example(String line) {
        return EXAMPLE.matcher(line).matches();
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties en = load(EN);
        Properties de = load(DE);
        assertThat(new TreeMap<>(de).keySet()).isEqualTo(new TreeMap<>(en).keySet());
        Pattern placeholders = Pattern.compile("%n|\\$\\{[^}]*}|^\\s+");
        for (String k : en.stringPropertyNames()) {
            for (Properties p : List.of(en, de)) {
                String text = p.getProperty(k);
                assertThat(text).as(k).isNotBlank();
                // picocli runs the texts through String.format: a lone % would break the help screen
                assertThat(text.replace("%n", "")).as(k).doesNotContain("%");
            }
            List<String> enMarks = new ArrayList<>();
            List<String> deMarks = new ArrayList<>();
            for (Matcher m = placeholders.matcher(en.getProperty(k)); m.find(); ) {
                enMarks.add(m.group());
            }
            for (Matcher m = placeholders.matcher(de.getProperty(k)); m.find(); ) {
                deMarks.add(m.group());
            }
            assertThat(deMarks).as(k).isEqualTo(enMarks);
        }
    }

    @Test
    void everyCommandAndOptionFindsItsTextInEachLanguageAlone() throws IOException {
        for (String file : List.of(EN, DE)) {
            Map<String, List<String>> texts = texts(tree(alone(file)));
            List<String> missing = new ArrayList<>();
            texts.forEach((where, lines) -> {
                boolean isArg = !where.contains(": ");
                boolean needed = where.endsWith(": description") || (isArg && !WITHOUT_TEXT.contains(where));
                if (needed && String.join("", lines).isBlank()) {
                    missing.add(where);
                }
                if (WITHOUT_TEXT.contains(where) && !String.join("", lines).isBlank()) {
                    missing.add(where + " (has a text now: take it out of WITHOUT_TEXT)");
                }
            });
            assertThat(missing).as(file).isEmpty();
            assertThat(texts)
                    .as(file)
                    .containsKeys("approvals-console bench --quick", "approvals-console help COMMAND");
        }
    }

    @Test
    void noGermanHelpTextIsStillTheEnglishOneButCommandExamples() throws IOException {
        Map<String, List<String>> en = texts(tree(alone(EN)));
        Map<String, List<String>> de = texts(tree(alone(DE)));
        assertThat(de.keySet()).isEqualTo(en.keySet());
        List<String> untranslated = new ArrayList<>();
        en.forEach((where, lines) -> {
            List<String> german = de.get(where);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                boolean same = i < german.size() && german.get(i).equals(line);
                if (same && !line.isBlank() && !example(line)) {
                    untranslated.add(where + ": " + line);
                }
            }
        });
        // and per key, for texts the model does not show (a key with no command left)
        Properties enKeys = load(EN);
        Properties deKeys = load(DE);
        for (String k : enKeys.stringPropertyNames()) {
            if (enKeys.getProperty(k).equals(deKeys.getProperty(k)) && !example(enKeys.getProperty(k))) {
                untranslated.add(k + " = " + enKeys.getProperty(k));
            }
        }
        assertThat(untranslated).isEmpty();
    }

    @Test
    void theExamplesRuleLetsOnlyCommandsThrough() {
        assertThat(example("  approvals-console approvals list --overdue --format csv --fields id,dueAt"))
                .isTrue();
        assertThat(example("    --approver lee@example.com --priority High --due 3d"))
                .isTrue();
        assertThat(example("    | approvals-console approvals approve --ids-from - --comment ok"))
                .isTrue();
        assertThat(example("--compromised: the old key stops working at once.")).isFalse();
        assertThat(example("Print JSON.")).isFalse();
        assertThat(example("Example: approvals-console key set --profile prod < key.txt"))
                .isFalse();
    }

    private CliHarness harness(String lang) {
        FakeApprovalsApi server = new FakeApprovalsApi();
        CliHarness h = new CliHarness(new SessionOnlyStore(), root, server.factory());
        return lang == null ? h : h.env(Map.of(CliEnvironment.LANG, lang));
    }

    @Test
    void approvalsLangDeGivesGermanHelpScreensAndEnglishStaysAsItWas() {
        CliHarness german = harness("de");
        CliHarness english = harness("en");

        CliHarness.Result list = german.run("approvals", "list", "--help");
        assertThat(list.code()).isZero();
        assertThat(list.out())
                .startsWith("Aufruf: approvals-console approvals list")
                .contains(
                        "Die Antr\u00e4ge auflisten, die nicht abgeschlossen sind",
                        "H\u00f6chstens N Antr\u00e4ge.",
                        "Das Profil (Standard: $APPROVALS_PROFILE",
                        "Diese Hilfe zeigen und beenden.",
                        "Bei einem Fehler auch die Request-ID")
                .doesNotContain("At most N approvals", "Show this help message", "Usage:");
        CliHarness.Result englishList = english.run("approvals", "list", "--help");
        assertThat(englishList.out())
                .startsWith("Usage: approvals-console approvals list")
                .contains("At most N approvals.", "Show this help message and exit.")
                .doesNotContain("Antr\u00e4ge");

        assertThat(german.run("--help").out())
                .contains("Befehle:", "Exit-Codes:", "6   Konflikt", "Umgebungsvariablen:", "APPROVALS_API_KEY  der")
                .doesNotContain("Exit codes:", "Environment:");
        assertThat(german.run("key", "rotate", "--help").out())
                .contains("Der Schl\u00fcssel ist bekannt geworden", "--grace=DURATION");
        assertThat(german.run("help", "keys").out()).contains("API-Schl\u00fcssel verwalten", "Befehle:");
        assertThat(german.run("help", "--help").out()).contains("Die Hilfe zum angegebenen Befehl anzeigen.");
        // the same language as the rest: a usage error in a German run is German too, with its exit code
        CliHarness.Result bogus = german.run("approvals", "list", "--bogus");
        assertThat(bogus.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bogus.err()).startsWith("Fehler: ");
    }

    @Test
    void withoutApprovalsLangTheOsLocaleDecidesAndALanguageWeLackIsEnglish() {
        Locale os = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(harness(null).run("sandbox", "--help").out())
                    .contains("Startet den lokalen Sandbox-Server")
                    .doesNotContain("Runs the local");
            assertThat(harness("en").run("sandbox", "--help").out())
                    .contains("Runs the local sandbox server")
                    .doesNotContain("Startet");
            Locale.setDefault(Locale.FRANCE);
            assertThat(harness(null).run("sandbox", "--help").out()).contains("Runs the local sandbox server");
            assertThat(harness("de-AT").run("sandbox", "--help").out()).contains("Startet den lokalen");
        } finally {
            Locale.setDefault(os);
        }
    }

    @Test
    void theBenchCommandAddedAsAppMainAddsItSpeaksTheSameLanguage() {
        StringWriter out = new StringWriter();
        PrintWriter nowhere = new PrintWriter(new StringWriter());
        CliContext ctx = new CliContext(
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true),
                nowhere,
                () -> null,
                SessionOnlyStore::new,
                AppPaths.under(root),
                new FakeApprovalsApi().factory(),
                Map.of(CliEnvironment.LANG, "de"));
        CommandLine cl = Cli.commandLine(ctx);
        cl.addSubcommand("bench", new BenchCommand()); // as app.Main does
        cl.setOut(new PrintWriter(out, true)); // bench came after Cli set the streams (in Main: System.out)
        assertThat(cl.execute("bench", "--help")).isZero();
        assertThat(out.toString())
                .contains("Misst Start", "Das Ausgabeverzeichnis (Standard: target", "bench")
                .doesNotContain("Output directory");
    }

    @Test
    void theGeneratorsGetEnglishWhateverTheMachinesLocale() {
        Locale os = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            String english = CliHelp.forGenerators().getUsageMessage();
            String fish = CompletionScripts.fish(CliHelp.forGenerators().getCommandSpec());
            Locale.setDefault(Locale.GERMANY);
            assertThat(CliHelp.forGenerators().getUsageMessage())
                    .isEqualTo(english)
                    .contains("Usage: approvals-console", "Exit codes:");
            assertThat(CompletionScripts.fish(CliHelp.forGenerators().getCommandSpec()))
                    .isEqualTo(fish)
                    .contains("'List, show, create, approve and reject approvals.'");
            // picocli alone would have followed the locale: the reason the generators set the bundle
            assertThat(new CommandLine(new RootCommand(), new CliDocsFactory()).getUsageMessage())
                    .contains("Aufruf:");
        } finally {
            Locale.setDefault(os);
        }
    }
}
