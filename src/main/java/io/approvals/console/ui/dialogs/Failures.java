package io.approvals.console.ui.dialogs;

import io.approvals.console.service.FailureText;
import io.approvals.console.ui.common.Messages;
import java.util.Locale;

/** What a failed request means to someone filling in a dialog, and what to do next: {@link FailureText}'s words. */
final class Failures {
    private Failures() {
    }

    /** retrySafe: whether pressing the button again is harmless (true for a create with its idempotency key). */
    static String explain(Throwable e, boolean retrySafe) {
        Locale locale = Messages.locale();
        FailureText f = FailureText.of(e, locale);
        String again = " " + FailureText.note(retrySafe ? "retrySafe" : "notSentTwice", locale);
        return switch (f.kind()) {
            // no answer: whether trying again is safe matters more than the transport's details
            case OFFLINE, TIMEOUT, TLS_HOST, TLS_TRUST -> f.title() + "." + again;
            case UNEXPECTED -> f.message() + again;
            case UNAUTHORIZED, UNAUTHORIZED_HEADER -> f.line() + " " + FailureText.note("typedKept", locale);
            case SERVER -> f.line() + (retrySafe ? " " + FailureText.note("kept", locale) : "");
            default -> f.line();
        };
    }
}
