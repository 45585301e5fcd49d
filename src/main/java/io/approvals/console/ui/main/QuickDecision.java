package io.approvals.console.ui.main;

import io.approvals.console.client.ApiException;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.session.ConsoleSession;
import java.util.function.Consumer;

/** One decision sent without a dialog; what came back is shown in the list, what failed is reported. */
final class QuickDecision {
    private final ConsoleSession session;
    private final Background background;
    private final Consumer<Approval> replace;
    private final Consumer<Throwable> reportFailure;

    QuickDecision(
            ConsoleSession session,
            Background background,
            Consumer<Approval> replace,
            Consumer<Throwable> reportFailure) {
        this.session = session;
        this.background = background;
        this.replace = replace;
        this.reportFailure = reportFailure;
    }

    /**
     * Sends one decision without a dialog (quick approve, once its undo time is over). The version the user saw is
     * sent, so a decision made meanwhile elsewhere comes back as a 409 and is shown, never overwritten.
     */
    void decideNow(
            Approval approval, ApprovalStatus decision, Consumer<Approval> onDone, Consumer<Throwable> onFailure) {
        UpdateStatusRequest request = new UpdateStatusRequest(approval.id(), decision, null, approval.version());
        background.run(
                () -> session.api().updateStatus(request),
                decided -> {
                    replace.accept(decided);
                    onDone.accept(decided);
                },
                e -> {
                    if (e instanceof ApiException.Conflict c && c.current() != null) {
                        replace.accept(c.current());
                    } else if (e instanceof ApiException.Unauthorized || e instanceof ApiException.Network) {
                        reportFailure.accept(e);
                    }
                    onFailure.accept(e);
                });
    }
}
