package io.approvals.console.ui.dialogs;

import io.approvals.console.client.ApiException;

/** What a failed request means to someone filling in a dialog, and what to do next. */
final class Failures {
    private Failures() {
    }

    /** retrySafe: whether pressing the button again is harmless (true for a create with its idempotency key). */
    static String explain(Throwable e, boolean retrySafe) {
        String again = retrySafe ? " Everything you typed is kept; press the button again to retry \u2014 it will not "
                + "create a duplicate." : " Nothing was sent twice; look again, then try once more.";
        if (e instanceof ApiException.Network) {
            return "The server cannot be reached." + again;
        }
        if (e instanceof ApiException.Unauthorized) {
            return "The key was rejected \u2014 it may be revoked or expired. Replace the key (Connection menu), "
                    + "then try again. What you typed is kept.";
        }
        if (e instanceof ApiException.Forbidden f) {
            return f.requiredScope() == null ? f.getMessage()
                    : "This key lacks the \u2018" + f.requiredScope() + "\u2019 scope. Ask an administrator for a key "
                            + "with \u2018" + f.requiredScope() + "\u2019.";
        }
        if (e instanceof ApiException.RateLimited r) {
            return "The server asks us to wait " + r.retryAfter().toSeconds() + " s before trying again.";
        }
        if (e instanceof ApiException.Server) {
            return e.getMessage() + (retrySafe ? " Everything you typed is kept." : "");
        }
        if (e instanceof ApiException) {
            return e.getMessage();
        }
        return "Something went wrong (" + e.getClass().getSimpleName() + ")." + again;
    }
}
