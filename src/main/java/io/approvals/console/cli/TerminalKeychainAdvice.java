package io.approvals.console.cli;

import io.approvals.console.credentials.KeychainException;
import java.util.Locale;

/**
 * A keychain failure as the command line says it: what to do in a terminal or over SSH, where the desktop's
 * "keep the key for this session only" does not exist. One line.
 */
final class TerminalKeychainAdvice {
    static final String ENV_KEY = "Or give the key for this run only (nothing is stored): set "
            + CliEnvironment.API_KEY + ", or pass --key-file FILE (readable by you only).";
    private static final String LINUX_NO_BUS = "In a terminal or over SSH, run the command inside its own D-Bus "
            + "session with an unlocked keyring: dbus-run-session -- sh -c 'printf %s \"$KEYRING_PASSWORD\" | "
            + "gnome-keyring-daemon --unlock --components=secrets >/dev/null && approvals-console ...'.";
    private static final String LINUX_LOCKED = "In a terminal or over SSH, unlock it with: printf %s \"$KEYRING_PASSWORD\" "
            + "| gnome-keyring-daemon --replace --unlock --components=secrets (or log in to the desktop), then try again.";

    private TerminalKeychainAdvice() {
    }

    static String message(KeychainException e) {
        return e.reason() + " " + nextStep(e) + " " + ENV_KEY;
    }

    private static String nextStep(KeychainException e) {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (!linux) {
            return e.nextStep().replace(", or keep the key for this session only.", ".")
                    .replace(" or keep the key for this session only.", ".");
        }
        return switch (e.kind()) {
            case UNAVAILABLE -> LINUX_NO_BUS;
            case LOCKED, TIMEOUT -> LINUX_LOCKED;
            default -> e.nextStep();
        };
    }
}
