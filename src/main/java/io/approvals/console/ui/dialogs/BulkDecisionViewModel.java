package io.approvals.console.ui.dialogs;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.Messages;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One decision and one comment for many approvals, sent one after another with a result per item.
 * Cancel stops before the next item. Sending again only sends items that did not succeed: an
 * approval that was decided is never sent twice.
 */
public final class BulkDecisionViewModel {
    private final ApprovalsApi api;
    private final Background background;
    private final ObservableList<BulkItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<ApprovalStatus> decision;
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final AtomicBoolean cancel = new AtomicBoolean();

    public BulkDecisionViewModel(
            ApprovalsApi api, Background background, List<Approval> approvals, ApprovalStatus decision) {
        this.api = api;
        this.background = background;
        this.decision = new SimpleObjectProperty<>(this, "decision", decision);
        approvals.forEach(a -> items.add(new BulkItem(a)));
        summary.set(Messages.format("bulk.summary.selected", approvals.size()));
    }

    public boolean commentMissing() {
        return decision.get() == ApprovalStatus.REJECTED
                && (comment.get() == null || comment.get().isBlank());
    }

    public BooleanBinding canStartProperty() {
        return Bindings.createBooleanBinding(
                () -> !running.get() && !commentMissing() && items.stream().anyMatch(BulkItem::sendable),
                running,
                decision,
                comment,
                finished);
    }

    /**
     * Sends every sendable item. onDecided runs (UI thread) for each success and each conflict, with
     * the approval as it now is; onFinished once at the end.
     */
    public void start(Consumer<Approval> onDecided, Consumer<Throwable> onTrouble, Runnable onFinished) {
        if (running.get() || commentMissing()) {
            return;
        }
        List<BulkItem> toSend = items.stream().filter(BulkItem::sendable).toList();
        if (toSend.isEmpty()) {
            return;
        }
        cancel.set(false);
        running.set(true);
        finished.set(false);
        ApprovalStatus status = decision.get();
        String text = comment.get() == null || comment.get().isBlank()
                ? null
                : comment.get().strip();
        toSend.forEach(i -> {
            i.stateProperty().set(BulkItem.State.WAITING);
            i.messageProperty().set("");
        });
        progress.set(0);
        int total = toSend.size();
        background.run(
                () -> {
                    int done = 0;
                    for (BulkItem item : toSend) {
                        if (cancel.get()) {
                            background.ui(() -> {
                                item.stateProperty().set(BulkItem.State.NOT_SENT);
                                item.messageProperty().set(Messages.get("bulk.item.cancelled"));
                            });
                            continue;
                        }
                        background.ui(() -> item.stateProperty().set(BulkItem.State.SENDING));
                        Approval a = item.approval();
                        try {
                            Approval decided =
                                    api.updateStatus(new UpdateStatusRequest(a.id(), status, text, a.version()));
                            background.ui(() -> {
                                item.stateProperty().set(BulkItem.State.DONE);
                                item.messageProperty()
                                        .set(Messages.get(
                                                status == ApprovalStatus.APPROVED
                                                        ? "bulk.item.approved"
                                                        : "bulk.item.rejected"));
                                onDecided.accept(decided);
                            });
                        } catch (ApiException.Conflict c) {
                            background.ui(() -> {
                                item.stateProperty().set(BulkItem.State.CONFLICT);
                                item.messageProperty().set(DecisionViewModel.describeConflict(c));
                                if (c.current() != null) {
                                    onDecided.accept(c.current());
                                }
                            });
                        } catch (RuntimeException e) {
                            background.ui(() -> {
                                item.stateProperty().set(BulkItem.State.FAILED);
                                item.messageProperty().set(Failures.explain(e, false));
                                onTrouble.accept(e);
                            });
                            if (e instanceof ApiException.Unauthorized || e instanceof ApiException.Forbidden) {
                                // Every further request would be refused the same way.
                                cancel.set(true);
                            }
                        }
                        done++;
                        double p = (double) done / total;
                        background.ui(() -> progress.set(p));
                    }
                    return null;
                },
                x -> finish(onFinished),
                e -> finish(onFinished));
    }

    private void finish(Runnable onFinished) {
        running.set(false);
        finished.set(true);
        progress.set(1);
        long ok = count(BulkItem.State.DONE);
        long conflicts = count(BulkItem.State.CONFLICT);
        long failed = count(BulkItem.State.FAILED);
        long notSent = count(BulkItem.State.NOT_SENT);
        StringBuilder s = new StringBuilder(Messages.format(
                decision.get() == ApprovalStatus.APPROVED ? "bulk.summary.approved" : "bulk.summary.rejected", ok));
        if (conflicts > 0) {
            s.append(" \u00b7 ").append(Messages.format("bulk.summary.conflicts", conflicts));
        }
        if (failed > 0) {
            s.append(" \u00b7 ").append(Messages.format("bulk.summary.failed", failed));
        }
        if (notSent > 0) {
            s.append(" \u00b7 ").append(Messages.format("bulk.summary.notSent", notSent));
        }
        summary.set(Messages.format("bulk.summary.end", s.toString()));
        onFinished.run();
    }

    public long count(BulkItem.State state) {
        return items.stream().filter(i -> i.state() == state).count();
    }

    public void cancel() {
        cancel.set(true);
    }

    public ObservableList<BulkItem> items() {
        return items;
    }

    public ObjectProperty<ApprovalStatus> decisionProperty() {
        return decision;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
