package io.approvals.console.ui.dialogs;

import io.approvals.console.client.ApiException;
import io.approvals.console.service.FailureText;
import io.approvals.console.ui.common.FailureDetails;
import io.approvals.console.ui.common.Messages;
import java.util.Locale;

/** What a failed request means to someone filling in a dialog, and what to do next: {@link FailureText}'s words. */
final class Failures {
    private Failures() {}

    /** retrySafe: whether pressing the button again is harmless (true for a create with its idempotency key). */
    static String explain(Throwable e, boolean retrySafe) {
        Locale locale = Messages.locale();
        FailureText f = FailureText.of(e, locale);
        String again = " " + FailureText.note(retrySafe ? "retrySafe" : "notSentTwice", locale);
        return switch (f.kind()) {
            // no answer: whether trying again is safe matters more than the transport's details
            case OFFLINE, TIMEOUT, TLS_HOST, TLS_TRUST -> f.title() + "." + again;
            case UNEXPECTED -> f.message() + again;
            // in the app the header is changed in Settings, not with the CLI's `profiles set`
            case UNAUTHORIZED_HEADER ->
                e instanceof ApiException.Unauthorized u && u.guessedHeader() != null
                        ? Messages.format("failure.unauthorized.guessedHeader", u.guessedHeader()) + " "
                                + Messages.get("failure.unauthorized.guessedHeader.settings")
                        : f.line() + " " + FailureText.note("typedKept", locale);
            case UNAUTHORIZED -> f.line() + " " + FailureText.note("typedKept", locale);
            case SERVER -> f.line() + (retrySafe ? " " + FailureText.note("kept", locale) : "");
            default -> f.line();
        };
    }

    /**
     * What support needs to find the server's log line, for the dialogs' "Details" expander: HTTP status, request
     * id (X-Request-Id), the problem's traceId, and every field error; empty when the failure has none of them.
     */
    static String details(Throwable e) {
        return FailureDetails.of(e);
    }

    /**
     * A server's field errors by the dialog field they are about: {@code $.ApprovalId}, {@code ApprovalId} and
     * {@code id} are "id"; {@code Comment} "comment"; {@code DueDate} "dueAt"; names the console does not know stay
     * as the server wrote them. Messages of one field are joined.
     */
    static java.util.Map<String, String> byField(java.util.Map<String, java.util.List<String>> errors) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        errors.forEach(
                (field, messages) -> out.merge(logical(field), String.join(" ", messages), (x, y) -> x + " " + y));
        return out;
    }

    static String logical(String serverField) {
        String f = serverField == null ? "" : serverField.strip();
        f = f.replaceAll("\\[[^]]*]", "");
        int dot = f.lastIndexOf('.');
        String last = (dot >= 0 ? f.substring(dot + 1) : f).toLowerCase(java.util.Locale.ROOT);
        return switch (last) {
            case "approvalid", "id" -> "id";
            case "duedate", "dueat", "due" -> "dueAt";
            case "expectedversion", "rowversion", "version" -> "expectedVersion";
            case "status", "decision" -> "status";
            default ->
                io.approvals.console.contract.Dialect.FIELDS.stream()
                        .filter(x -> x.equalsIgnoreCase(last))
                        .findFirst()
                        .orElse(serverField);
        };
    }

    /** "Field: message; Field: message" for field errors no dialog field shows. */
    static String others(java.util.Map<String, String> byField, java.util.Collection<String> shown) {
        java.util.List<String> rest = new java.util.ArrayList<>();
        byField.forEach((f, m) -> {
            if (!shown.contains(f)) {
                rest.add(f + ": " + m);
            }
        });
        return rest.isEmpty()
                ? ""
                : io.approvals.console.ui.common.Messages.format("failure.otherFields", String.join("; ", rest));
    }
}
