package io.approvals.console.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Name and version, from the build. */
public final class AppInfo {
    public static final String NAME = "Approvals Console";
    public static final String ID = "approvals-console";
    private static final String VERSION = load();

    private AppInfo() {}

    public static String version() {
        return VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("/io/approvals/console/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "dev");
    }
}
