package io.approvals.console.ui.session;

/**
 * What Settings can change: refresh interval (0 = never automatically), theme, desktop notifications for new
 * approvals, and the UI's language (a tag such as "de"; null follows the OS).
 */
public record UiSettings(int refreshSeconds, ThemeChoice theme, boolean notifications, String language) {

    public enum ThemeChoice {
        SYSTEM,
        LIGHT,
        DARK
    }

    public UiSettings(int refreshSeconds, ThemeChoice theme) {
        this(refreshSeconds, theme, true, null);
    }

    public UiSettings(int refreshSeconds, ThemeChoice theme, boolean notifications) {
        this(refreshSeconds, theme, notifications, null);
    }

    public UiSettings(int refreshSeconds, ThemeChoice theme, String language) {
        this(refreshSeconds, theme, true, language);
    }

    public static UiSettings defaults() {
        return new UiSettings(30, ThemeChoice.SYSTEM);
    }
}
