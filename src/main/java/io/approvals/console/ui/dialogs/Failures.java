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
        if (e instanceof ApiException.Unauthorized u && u.guessedHeader() != null) {
            return io.approvals.console.ui.common.Messages.format("failure.unauthorized.guessedHeader",
                    u.guessedHeader()) + " " + io.approvals.console.ui.common.Messages.get(
                    "failure.unauthorized.guessedHeader.settings");
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

    /**
     * What support needs to find the server's log line, for the dialogs' "Details" expander: HTTP status, request
     * id (X-Request-Id), the problem's traceId, and every field error; empty when the failure has none of them.
     */
    static String details(Throwable e) {
        if (!(e instanceof ApiException a)) {
            return "";
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        if (a.status() > 0) {
            out.add(io.approvals.console.ui.common.Messages.format("failure.details.status", String.valueOf(a.status())));
        }
        if (a.requestId() != null) {
            out.add(io.approvals.console.ui.common.Messages.format("failure.details.requestId", a.requestId()));
        }
        if (a.traceId() != null && !a.traceId().equals(a.requestId())) {
            out.add(io.approvals.console.ui.common.Messages.format("failure.details.traceId", a.traceId()));
        }
        if (a instanceof ApiException.Validation v) {
            v.errors().forEach((field, messages) -> out.add(io.approvals.console.ui.common.Messages.format(
                    "failure.details.field", field, String.join("; ", messages))));
        }
        // the status alone is no help to support: no expander then
        boolean traceable = a.requestId() != null || a.traceId() != null
                || a instanceof ApiException.Validation v && !v.errors().isEmpty();
        return traceable ? String.join("\n", out) : "";
    }

    /**
     * A server's field errors by the dialog field they are about: {@code $.ApprovalId}, {@code ApprovalId} and
     * {@code id} are "id"; {@code Comment} "comment"; {@code DueDate} "dueAt"; names the console does not know stay
     * as the server wrote them. Messages of one field are joined.
     */
    static java.util.Map<String, String> byField(java.util.Map<String, java.util.List<String>> errors) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        errors.forEach((field, messages) -> out.merge(logical(field), String.join(" ", messages), (x, y) -> x + " " + y));
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
            default -> io.approvals.console.contract.Dialect.FIELDS.stream().filter(x -> x.equalsIgnoreCase(last))
                    .findFirst().orElse(serverField);
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
        return rest.isEmpty() ? "" : io.approvals.console.ui.common.Messages.format("failure.otherFields",
                String.join("; ", rest));
    }
}
