package io.approvals.console.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.ui.common.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every locale has every key, with the same {n} arguments; every %key of every FXML view exists. */
class MessagesBundleTest {
    private static final String DIR = "/io/approvals/console/ui/";

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream(DIR + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
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

    @Test
    void everyLocaleHasEveryKeyWithTheSameArguments() throws IOException {
        Properties en = load("messages.properties");
        for (String lang : Messages.LANGUAGES) {
            if (lang.equals("en")) {
                continue;
            }
            Properties other = load("messages_" + lang + ".properties");
            assertThat(other.stringPropertyNames()).as("keys of " + lang).isEqualTo(en.stringPropertyNames());
            for (String k : en.stringPropertyNames()) {
                assertThat(arguments(other.getProperty(k))).as(lang + " " + k).isEqualTo(arguments(en.getProperty(k)));
                assertThat(other.getProperty(k)).as(lang + " " + k).isNotBlank();
            }
        }
    }

    @Test
    void everyKeyOfEveryFxmlViewIsInTheBundle() throws IOException {
        Properties en = load("messages.properties");
        Path root = Path.of("src/main/resources/io/approvals/console/ui");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                Matcher m = Pattern.compile("\"%([A-Za-z0-9_.]+)\"").matcher(Files.readString(f));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
                // an attribute text="…" that is not %key is a string no translator sees
                Matcher literal = Pattern.compile("(text|promptText|accessibleText)=\"([^\"%$][^\"]*)\"")
                        .matcher(Files.readString(f));
                while (literal.find()) {
                    missing.add(f.getFileName() + ": literal " + literal.group(0));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theLanguageFollowsTheSettingElseTheOsElseEnglish() {
        Locale os = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Messages.useLanguage(null);
            assertThat(Messages.get("common.cancel")).isEqualTo("Abbrechen");
            Messages.useLanguage("en");
            assertThat(Messages.get("common.cancel")).isEqualTo("Cancel");
            Locale.setDefault(Locale.JAPAN);
            Messages.useLanguage(null);
            assertThat(Messages.get("common.cancel")).isEqualTo("Cancel");
        } finally {
            Locale.setDefault(os);
            Messages.useLanguage("en");
        }
    }
}
