package io.approvals.console.ui.keys;

import io.approvals.console.service.FailureText;
import io.approvals.console.ui.common.Messages;

/** How failures read in the key windows (times: {@code TimeText.moment}). */
final class KeyTexts {
    private KeyTexts() {}

    /** What a failure means and what to do next, as everywhere else ({@link FailureText}). */
    static String failure(Throwable e) {
        return FailureText.of(e, Messages.locale()).line();
    }
}
