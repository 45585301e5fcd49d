package io.approvals.console.config;

/**
 * App settings kept next to the connections. refreshIntervalSeconds: how often the pending list
 * refreshes (0 = never automatically; otherwise at least 10); theme: the desktop app's colours; notifications:
 * desktop notifications for new approvals; language: the desktop app's language tag ("de"), null to follow the OS.
 */
public record Settings(int refreshIntervalSeconds, Theme theme, boolean notifications, String language) {
    public static final int DEFAULT_REFRESH_SECONDS = 30;
    public static final int MIN_REFRESH_SECONDS = 10;

    public Settings {
        if (refreshIntervalSeconds < 0) {
            refreshIntervalSeconds = DEFAULT_REFRESH_SECONDS;
        } else if (refreshIntervalSeconds > 0 && refreshIntervalSeconds < MIN_REFRESH_SECONDS) {
            refreshIntervalSeconds = MIN_REFRESH_SECONDS;
        }
        theme = theme == null ? Theme.SYSTEM : theme;
        language = language == null || language.isBlank() ? null : language;
    }

    /** Notifications on, the OS's language. */
    public Settings(int refreshIntervalSeconds, Theme theme) {
        this(refreshIntervalSeconds, theme, true, null);
    }

    /** The OS's language. */
    public Settings(int refreshIntervalSeconds, Theme theme, boolean notifications) {
        this(refreshIntervalSeconds, theme, notifications, null);
    }

    /** Notifications on. */
    public Settings(int refreshIntervalSeconds, Theme theme, String language) {
        this(refreshIntervalSeconds, theme, true, language);
    }

    /**
     * How the store's mapper reads the file: a file written before notifications existed has none, and means
     * them on (as the plain reader does), instead of failing on a missing primitive.
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    static Settings read(
            @com.fasterxml.jackson.annotation.JsonProperty("refreshIntervalSeconds") int refresh,
            @com.fasterxml.jackson.annotation.JsonProperty("theme") Theme theme,
            @com.fasterxml.jackson.annotation.JsonProperty("notifications") Boolean notifications,
            @com.fasterxml.jackson.annotation.JsonProperty("language") String language) {
        return new Settings(refresh, theme, notifications == null || notifications, language);
    }

    public static Settings defaults() {
        return new Settings(DEFAULT_REFRESH_SECONDS, Theme.SYSTEM);
    }

    public Settings withRefreshIntervalSeconds(int seconds) {
        return new Settings(seconds, theme, notifications, language);
    }

    public Settings withTheme(Theme t) {
        return new Settings(refreshIntervalSeconds, t, notifications, language);
    }
}
