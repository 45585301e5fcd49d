package io.approvals.console.ui.common;

import io.approvals.console.client.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * What support needs to find the server's log line, for the "Details" of a dialog or the main window's banner: HTTP
 * status, request id (X-Request-Id), the problem's traceId, and every field error; empty when there is none of them.
 */
public final class FailureDetails {
    private FailureDetails() {}

    public static String of(Throwable e) {
        if (!(e instanceof ApiException a)) {
            return "";
        }
        List<String> out = new ArrayList<>();
        if (a.status() > 0) {
            out.add(Messages.format("failure.details.status", String.valueOf(a.status())));
        }
        if (a.requestId() != null) {
            out.add(Messages.format("failure.details.requestId", a.requestId()));
        }
        if (a.traceId() != null && !a.traceId().equals(a.requestId())) {
            out.add(Messages.format("failure.details.traceId", a.traceId()));
        }
        if (a instanceof ApiException.Validation v) {
            v.errors()
                    .forEach((field, messages) ->
                            out.add(Messages.format("failure.details.field", field, String.join("; ", messages))));
        }
        // the status alone is no help to support: no expander then
        boolean traceable = a.requestId() != null
                || a.traceId() != null
                || a instanceof ApiException.Validation v && !v.errors().isEmpty();
        return traceable ? String.join("\n", out) : "";
    }
}
