package io.approvals.console.credentials;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

/**
 * Real keychain tests skip with a visible reason where no Secret Service answers (a developer's
 * terminal without a desktop session), and fail instead when the CI variable is set: in CI the
 * keychain must be there (scripts/test.sh starts one).
 */
public final class SecretServiceAssumptions {
    private SecretServiceAssumptions() {}

    public static void requireOsKeychain() {
        Availability a;
        try (SecretStore probing = new TimeoutSecretStore(new OsKeychainStore(), Duration.ofSeconds(20))) {
            a = probing.probe();
        }
        String why = "No OS keychain reachable: " + a.describe()
                + " Run ./scripts/test.sh for a private, unlocked Secret Service.";
        if (isCi()) {
            assertTrue(a.reachable(), why + " (CI is set, so this fails instead of skipping)");
        } else {
            assumeTrue(a.reachable(), why);
        }
    }

    public static boolean isCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    public static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase().contains("linux");
    }
}
