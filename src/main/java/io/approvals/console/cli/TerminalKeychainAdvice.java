package io.approvals.console.cli;

import io.approvals.console.credentials.KeychainException;
import io.approvals.console.service.FailureText;
import java.util.Locale;

/**
 * A keychain failure as the command line says it: what to do in a terminal or over SSH, where the desktop's
 * "keep the key for this session only" does not exist. One line.
 */
final class TerminalKeychainAdvice {
    private TerminalKeychainAdvice() {}

    /** What happened (as {@link FailureText} says it), the terminal's next step, and the key for this run only. */
    static String message(KeychainException e, CliMessages texts) {
        FailureText f = FailureText.of(e, texts.locale());
        return f.message() + " " + nextStep(e, f, texts) + " " + texts.get("keychain.envKey", CliEnvironment.API_KEY);
    }

    private static String nextStep(KeychainException e, FailureText f, CliMessages texts) {
        boolean linux =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (!linux) {
            return f.nextStep()
                    .replace(", or keep the key for this session only.", ".")
                    .replace(" or keep the key for this session only.", ".");
        }
        return switch (e.kind()) {
            case UNAVAILABLE -> texts.get("keychain.linuxNoBus");
            case LOCKED, TIMEOUT -> texts.get("keychain.linuxLocked");
            default -> f.nextStep();
        };
    }
}
