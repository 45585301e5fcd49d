package io.approvals.console.ui.session;

/** What Settings can change: refresh interval (0 = never automatically) and theme. */
public record UiSettings(int refreshSeconds, ThemeChoice theme) {

    public enum ThemeChoice { SYSTEM, LIGHT, DARK }

    public static UiSettings defaults() {
        return new UiSettings(30, ThemeChoice.SYSTEM);
    }
}
