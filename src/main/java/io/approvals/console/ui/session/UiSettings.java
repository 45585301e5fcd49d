package io.approvals.console.ui.session;

/**
 * What Settings can change: refresh interval (0 = never automatically), theme, and the UI's language (a tag such as
 * "de"; null follows the OS).
 */
public record UiSettings(int refreshSeconds, ThemeChoice theme, String language) {

    public enum ThemeChoice { SYSTEM, LIGHT, DARK }

    public UiSettings(int refreshSeconds, ThemeChoice theme) {
        this(refreshSeconds, theme, null);
    }

    public static UiSettings defaults() {
        return new UiSettings(60, ThemeChoice.SYSTEM);
    }
}
