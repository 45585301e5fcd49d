package io.approvals.console.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.client.ApiException;
import io.approvals.console.service.FailureText;
import io.approvals.console.ui.common.Messages;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A dialog shows FailureText's words (the ones the command line prints) and adds only what its button means. */
class FailuresTest {

    @AfterEach
    void english() {
        Messages.useLanguage("en");
    }

    @Test
    void aDialogSaysWhatTheCommandLineSaysPlusWhetherRetryingIsSafe() {
        for (String lang : List.of("en", "de")) {
            Messages.useLanguage(lang);
            Locale l = Messages.locale();
            for (RuntimeException e : List.of(
                    new ApiException.Unauthorized("r"),
                    new ApiException.Forbidden("write", "r"),
                    new ApiException.Conflict(null, "r"),
                    new ApiException.RateLimited(Duration.ofSeconds(3), "r"),
                    new ApiException.Server(500, null, "r"),
                    new ApiException.NotFound(null, "r"))) {
                assertThat(Failures.explain(e, false))
                        .as(lang + " " + e.getClass().getSimpleName())
                        .startsWith(FailureText.of(e, l).line());
            }
            ApiException offline =
                    new ApiException.Network("Could not connect to h (connection refused).", new ConnectException());
            assertThat(Failures.explain(offline, true))
                    .startsWith(FailureText.of(offline, l).title() + ".")
                    .endsWith(FailureText.note("retrySafe", l));
            assertThat(Failures.explain(offline, false)).endsWith(FailureText.note("notSentTwice", l));
        }
    }

    @Test
    void theEnglishWordsStayWhereTheyWere() {
        Messages.useLanguage("en");
        ApiException offline = new ApiException.Network("Could not connect.", new ConnectException());
        assertThat(Failures.explain(offline, true))
                .isEqualTo("The server cannot be reached. Everything you typed is "
                        + "kept; press the button again to retry \u2014 it will not create a duplicate.");
        assertThat(Failures.explain(offline, false))
                .isEqualTo(
                        "The server cannot be reached. What you typed is kept; send it again once the server answers: a"
                                + " decision carries the version you saw, so it is never applied twice.");
        assertThat(Failures.explain(new ApiException.Unauthorized("r"), false))
                .startsWith("The key was rejected \u2014 " + "it may be revoked or expired.")
                .endsWith("What you typed is kept.");
        assertThat(Failures.explain(new IllegalStateException("boom"), false))
                .isEqualTo(
                        "Something went wrong (IllegalStateException). What you typed is kept; send it again once the"
                                + " server answers: a decision carries the version you saw, so it is never applied twice.");
    }

    @Test
    void inGermanTheDialogIsGermanThroughout() {
        Messages.useLanguage("de");
        ApiException offline = new ApiException.Network("Could not connect.", new ConnectException());
        assertThat(Failures.explain(offline, true))
                .isEqualTo("Der Server ist nicht erreichbar. Alles Eingegebene bleibt "
                        + "erhalten; dr\u00fccken Sie die Schaltfl\u00e4che erneut \u2014 es entsteht kein Duplikat.");
    }
}
