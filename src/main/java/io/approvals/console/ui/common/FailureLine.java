package io.approvals.console.ui.common;

import io.approvals.console.client.ApiException;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.service.FailureText;
import io.approvals.console.service.ServiceException;

/**
 * A failure as one line in the user's language, for the places that quote "what went wrong" inside a sentence of
 * their own ("‘prod’ could not be opened: …"). Our own failures (server, keychain, service) come from
 * {@link FailureText}; any other exception keeps its own words (a file's path, a parser's position), as these
 * places showed them before, or is named by its class when it has none.
 */
public final class FailureLine {
    private FailureLine() {}

    public static String of(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        boolean ours = t instanceof ApiException
                || t instanceof KeychainException
                || t instanceof ServiceException
                || t instanceof IllegalArgumentException;
        if (ours || t.getMessage() == null) {
            return FailureText.of(t, Messages.locale()).line();
        }
        return t.getMessage();
    }
}
