package io.approvals.console.cli;

import io.approvals.console.client.ApiException;
import io.approvals.console.contract.Approval;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What became of one decision: the result word scripts match on, the approval as it is now, and a message; cause is
 * the server's failure behind it (null when none), whose status, request id and field errors --verbose shows.
 */
record DecisionOutcome(String id, Result result, Approval approval, String message, int exitCode, ApiException cause) {

    DecisionOutcome(String id, Result result, Approval approval, String message, int exitCode) {
        this(id, result, approval, message, exitCode, null);
    }

    enum Result {
        APPROVED("approved"),
        REJECTED("rejected"),
        CONFLICT("conflict"),
        NOT_FOUND("not-found"),
        FAILED("failed"),
        SKIPPED("skipped");

        final String word;

        Result(String word) {
            this.word = word;
        }
    }

    boolean ok() {
        return exitCode == ExitCodes.OK;
    }

    /** One line for a person: id, result, and what happened. */
    String line() {
        String detail = message != null ? message : approval == null ? "" : "now version " + approval.version();
        return id + "  " + result.word + (detail.isEmpty() ? "" : "  " + detail);
    }

    /** One JSON object for a JSON-lines consumer; the approval carries exactly the contract's fields. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("result", result.word);
        m.put("exitCode", exitCode);
        m.put("message", message);
        m.put("approval", approval == null ? null : ApprovalView.map(approval));
        return m;
    }
}
