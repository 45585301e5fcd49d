package io.approvals.console.cli;

import io.approvals.console.client.ApiException;
import io.approvals.console.contract.ApprovalStatus;
import java.io.PrintWriter;
import java.util.List;

/**
 * approve/reject --ids-from: each id decided once, one result line per id (or a JSON object per line) as it
 * happens. An auth failure stops the run (every further request would fail the same way, and count towards the
 * server's lockout), the ids not sent are listed as skipped; so does a network error that re-reading could not
 * resolve. The exit code is the first failure's (0 when every one was decided); a summary goes to stderr.
 */
final class BulkDecision {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Decider decider;
    private final boolean json;
    private final CliMessages texts;

    BulkDecision(PrintWriter out, PrintWriter err, Decider decider, boolean json, CliMessages texts) {
        this.texts = texts;
        this.out = out;
        this.err = err;
        this.decider = decider;
        this.json = json;
    }

    int run(List<IdsInput.Item> items, ApprovalStatus status, String comment) {
        int exit = ExitCodes.OK;
        String stopped = null;
        int ok = 0;
        for (IdsInput.Item item : items) {
            DecisionOutcome outcome;
            if (stopped != null) {
                outcome = new DecisionOutcome(
                        item.id(), DecisionOutcome.Result.SKIPPED, null, "not sent: " + stopped, exit);
            } else {
                try {
                    outcome = decider.decide(item.id(), status, comment, item.version());
                } catch (ApiException e) {
                    // auth failures, or the first read of the list failing: nothing further can work
                    outcome = new DecisionOutcome(
                            item.id(),
                            DecisionOutcome.Result.FAILED,
                            null,
                            e.getMessage(),
                            ExitCodeMapper.INSTANCE.getExitCode(e));
                    stopped = ApprovalDecideCommand.isAuth(e)
                            ? "stopped after an authentication failure"
                            : "stopped after: " + e.getMessage();
                }
                if (outcome.ok()) {
                    ok++;
                } else if (exit == ExitCodes.OK) {
                    exit = outcome.exitCode();
                }
                if (outcome.exitCode() == ExitCodes.NETWORK
                        && outcome.result() == DecisionOutcome.Result.FAILED
                        && stopped == null
                        && outcome.message().contains("could not be read again")) {
                    stopped = "stopped: the server cannot be reached";
                }
            }
            print(outcome);
        }
        // the summary goes to stderr: stdout holds only the per-id lines a script reads
        err.println(texts.get(
                "bulk.summary." + (status == ApprovalStatus.REJECTED ? "rejected" : "approved")
                        + (ok == items.size() ? "" : "Some"),
                ok,
                items.size()));
        err.flush();
        return exit;
    }

    private void print(DecisionOutcome o) {
        if (json) {
            out.println(JsonOutput.line(o.json()));
        } else {
            out.println(o.line());
        }
        out.flush();
    }
}
