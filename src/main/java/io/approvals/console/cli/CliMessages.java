package io.approvals.console.cli;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The command line's human texts (stderr lines, the table's notes, key reports) from the bundle {@value #BUNDLE}:
 * English in messages.properties, German in messages_de.properties. The language is {@code APPROVALS_LANG} when
 * set, else the OS locale's (LANG, LC_ALL) when we have it, else English. What scripts read is never translated:
 * JSON, CSV/TSV, field names, result words, exit codes.
 */
final class CliMessages {
    static final String BUNDLE = "io.approvals.console.cli.messages";
    /** The languages the command line speaks. */
    static final List<String> LANGUAGES = List.of("en", "de");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    static final CliMessages ENGLISH = new CliMessages(Locale.ENGLISH); // after NO_FALLBACK, which it uses

    private final Locale locale;
    private final ResourceBundle bundle;

    private CliMessages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    /** tag: APPROVALS_LANG's value ("de", "en", "de-AT"), or null for the OS locale. */
    static CliMessages forLanguage(String tag) {
        Locale wanted = tag == null || tag.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(tag.strip());
        return LANGUAGES.contains(wanted.getLanguage()) && !wanted.getLanguage().equals("en")
                ? new CliMessages(wanted)
                : ENGLISH;
    }

    Locale locale() {
        return locale;
    }

    /** The text under key with {0}, {1}… filled in; a missing key shows as itself in brackets (and fails a test). */
    String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
