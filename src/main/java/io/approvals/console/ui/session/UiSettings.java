package io.approvals.console.ui.session;

/**
 * What Settings can change: refresh interval (0 = never automatically), theme, and desktop notifications for new
 * approvals.
 */
public record UiSettings(int refreshSeconds, ThemeChoice theme, boolean notifications) {

    public UiSettings(int refreshSeconds, ThemeChoice theme) {
        this(refreshSeconds, theme, true);
    }

    public enum ThemeChoice { SYSTEM, LIGHT, DARK }

    public static UiSettings defaults() {
        return new UiSettings(30, ThemeChoice.SYSTEM);
    }
}
