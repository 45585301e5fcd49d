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
        return message(e, texts, texts.get("keychain.envKey", CliEnvironment.API_KEY));
    }

    /** The same, with otherwise: what else the user can do, for a command where a key for this run does not help. */
    static String message(KeychainException e, CliMessages texts, String otherwise) {
        FailureText f = FailureText.of(e, texts.locale());
        return f.message() + " " + nextStep(e, f, texts) + " " + otherwise;
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
