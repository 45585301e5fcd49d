package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line's bundle and the failure texts' bundle (shared with the app): every language has every key,
 * none is empty, each is a valid MessageFormat with the same {n} arguments as the English; every key the CLI's
 * code names exists.
 */
class CliBundlesTest {

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CliBundlesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/io/approvals/console/cli/messages", "/io/approvals/console/service/failures"})
    void everyLanguageHasEveryKeyWithTheSameArguments(String base) throws IOException {
        Properties en = load(base + ".properties");
        for (String lang : CliMessages.LANGUAGES) {
            Properties other = lang.equals("en") ? en : load(base + "_" + lang + ".properties");
            assertThat(other.stringPropertyNames())
                    .as(base + " keys of " + lang)
                    .isEqualTo(en.stringPropertyNames());
            for (String k : en.stringPropertyNames()) {
                String text = other.getProperty(k);
                assertThat(text).as(lang + " " + k).isNotBlank();
                assertThat(arguments(text)).as(lang + " " + k).isEqualTo(arguments(en.getProperty(k)));
                new MessageFormat(text, Locale.forLanguageTag(lang)); // throws on a broken pattern
            }
        }
    }

    @Test
    void everyKeyTheCodeNamesIsInTheBundle() throws IOException {
        Properties en = load("/io/approvals/console/cli/messages.properties");
        Set<String> missing = new TreeSet<>();
        Pattern key = Pattern.compile(
                "\\.get\\(\"((?:prefix|usage|keychain|list|bulk|report|ago|decide|profiles|key|keys|show|create|connection)\\.[A-Za-z.]*[A-Za-z])\"");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/approvals/console/cli"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theLanguageIsApprovalsLangElseTheOsElseEnglish() {
        Locale os = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(CliMessages.forLanguage(null).get("list.none")).isEqualTo("Keine offenen Antr\u00e4ge.");
            assertThat(CliMessages.forLanguage("en").get("list.none")).isEqualTo("No pending approvals.");
            Locale.setDefault(Locale.JAPAN);
            assertThat(CliMessages.forLanguage(null).get("list.none")).isEqualTo("No pending approvals.");
            assertThat(CliMessages.forLanguage("de-AT").get("list.none")).isEqualTo("Keine offenen Antr\u00e4ge.");
            assertThat(CliMessages.forLanguage("fr").locale()).isEqualTo(Locale.ENGLISH);
        } finally {
            Locale.setDefault(os);
        }
    }
}
