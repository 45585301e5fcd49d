package io.approvals.console.config;

import dev.dirs.ProjectDirectories;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the app keeps its files: the OS-standard directories (XDG on Linux, %APPDATA% on Windows,
 * ~/Library/Application Support on macOS) from dev.dirs, or config/, data/ and cache/ under
 * $APPROVALS_CONSOLE_HOME when that is set (tests, portable installs). Secrets are never stored here.
 */
public record AppPaths(Path configDir, Path dataDir, Path cacheDir) {
    public static final String HOME_ENV = "APPROVALS_CONSOLE_HOME";
    public static final String CONNECTIONS_FILE = "connections.json";

    /** All three directories under one root. */
    public static AppPaths under(Path root) {
        Path r = root.toAbsolutePath().normalize();
        return new AppPaths(r.resolve("config"), r.resolve("data"), r.resolve("cache"));
    }

    public static AppPaths fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static AppPaths fromEnvironment(Map<String, String> env) {
        String home = env.get(HOME_ENV);
        if (home != null && !home.isBlank()) {
            return under(Path.of(home));
        }
        ProjectDirectories dirs = ProjectDirectories.from("io", "approvals", "Approvals Console");
        return new AppPaths(Path.of(dirs.configDir), Path.of(dirs.dataDir), Path.of(dirs.cacheDir));
    }

    public Path connectionsFile() {
        return configDir.resolve(CONNECTIONS_FILE);
    }
}
