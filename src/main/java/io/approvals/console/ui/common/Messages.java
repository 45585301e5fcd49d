package io.approvals.console.ui.common;

import io.approvals.console.service.ServiceText;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The UI's strings, from the resource bundle {@value #BUNDLE} (English in messages.properties, German in
 * messages_de.properties): {@code %key} in FXML, {@link #get}/{@link #format} in code. The language is the one
 * chosen in Settings, else the OS locale's when the app has it, else English.
 */
public final class Messages {
    public static final String BUNDLE = "io.approvals.console.ui.messages";
    /** The languages the app speaks, by their tag (Settings offers these). */
    public static final List<String> LANGUAGES = List.of("en", "de");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile Locale locale = pick(null);
    private static volatile ResourceBundle bundle;

    private Messages() {}

    /** Uses a language by its tag ("de"), or the OS locale for null or blank. */
    public static void useLanguage(String tag) {
        locale = pick(tag);
        bundle = null;
        ServiceText.useLocale(locale); // the service's own sentences (key banners, refusals) follow the app's language
    }

    /** For tests: every string from this bundle (a pseudo-locale, say), until {@link #useLanguage} is called. */
    public static void useBundle(ResourceBundle b, Locale l) {
        bundle = b;
        locale = l;
    }

    static Locale pick(String tag) {
        Locale wanted = tag == null || tag.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(tag);
        return LANGUAGES.contains(wanted.getLanguage()) ? wanted : Locale.ENGLISH;
    }

    public static Locale locale() {
        return locale;
    }

    public static ResourceBundle bundle() {
        ResourceBundle b = bundle;
        if (b == null) {
            b = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
            bundle = b;
        }
        return b;
    }

    /** The text under a key; a missing key shows as itself in brackets (and fails the bundle test). */
    public static String get(String key) {
        try {
            return bundle().getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
    }

    /** The text under a key with {0}, {1}… filled in, numbers and dates in the language's form. */
    public static String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }
}
