package io.approvals.console.ui.keys;

import io.approvals.console.client.ApiException;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.service.ServiceException;

/** How failures read in the key windows (times: {@code TimeText.moment}). */
final class KeyTexts {
    private KeyTexts() {
    }

    /** Our exceptions' messages are written to be shown and never hold a key; anything else is named only. */
    static String failure(Throwable e) {
        if (e instanceof ApiException || e instanceof KeychainException || e instanceof ServiceException
                || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return "Something went wrong (" + e.getClass().getSimpleName() + "). Try again.";
    }
}
