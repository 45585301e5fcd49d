package io.approvals.console.service;

import java.util.Locale;

/**
 * The sentences the service layer writes for users (key banners, replacement results, refusals), from the
 * failures bundle ({@link FailureText#BUNDLE}, keys {@code service.*}) in the language the surface chose: the
 * app sets it with its Settings language, the command line with APPROVALS_LANG or the OS locale. English
 * until one of them does. Process-wide because the app and a command never speak two languages at once.
 */
public final class ServiceText {
    private static volatile Locale locale = Locale.ENGLISH;

    private ServiceText() {}

    /** The language of the service's sentences from now on; null means English. */
    public static void useLocale(Locale l) {
        locale = l == null ? Locale.ENGLISH : l;
    }

    public static Locale locale() {
        return locale;
    }

    /** The sentence under {@code service.KEY} with {0}, {1}… filled in; a missing key shows in brackets. */
    static String get(String key, Object... args) {
        return new FailureText.Texts(locale).format("service." + key, args);
    }
}
