package io.approvals.console.ui.dialogs;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.TimeText;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Approve or reject one approval. Sends the version the user looked at (expectedVersion); when
 * someone else decided first (409) it says who and when and hands the current approval back.
 * Never retried automatically and never queued.
 */
public final class DecisionViewModel {
    private final ApprovalsApi api;
    private final Background background;
    private final Approval approval;
    private final ObjectProperty<ApprovalStatus> decision;
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
    private final SimpleBooleanProperty commentTouched = new SimpleBooleanProperty(this, "commentTouched");
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper(this, "submitting");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Approval> conflict = new ReadOnlyObjectWrapper<>(this, "conflict");
    private final ReadOnlyStringWrapper conflictText = new ReadOnlyStringWrapper(this, "conflictText", "");
    private final StringBinding commentError;
    /** The server's own word on the comment (ValidationProblemDetails' errors), until the comment changes. */
    private final ReadOnlyStringWrapper serverCommentError = new ReadOnlyStringWrapper(this, "serverCommentError", "");
    /** Status, request and trace id, field errors: the failure's "Details" for support. */
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");

    public DecisionViewModel(ApprovalsApi api, Background background, Approval approval, ApprovalStatus decision) {
        this.api = api;
        this.background = background;
        this.approval = approval;
        this.decision = new SimpleObjectProperty<>(this, "decision", decision);
        comment.addListener((o, a, b) -> {
            commentTouched.set(true);
            serverCommentError.set("");
        });
        commentError = Bindings.createStringBinding(
                () -> this.decision.get() == ApprovalStatus.REJECTED && isBlank(comment.get()) && commentTouched.get()
                        ? io.approvals.console.ui.common.Messages.get("decision.error.commentRequired")
                        : serverCommentError.get(),
                this.decision,
                comment,
                commentTouched,
                serverCommentError);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public Approval approval() {
        return approval;
    }

    public boolean isValid() {
        return decision.get() != ApprovalStatus.REJECTED || !isBlank(comment.get());
    }

    public BooleanBinding canSubmitProperty() {
        return Bindings.createBooleanBinding(
                () -> !submitting.get() && conflict.get() == null && isValid(),
                submitting,
                conflict,
                decision,
                comment);
    }

    /** onDone gets the decided approval; onConflict the approval as someone else left it. */
    public void submit(Consumer<Approval> onDone, Consumer<Approval> onConflict, Consumer<Throwable> onFailure) {
        commentTouched.set(true);
        if (!isValid() || submitting.get() || conflict.get() != null) {
            return;
        }
        submitting.set(true);
        error.set("");
        details.set("");
        serverCommentError.set("");
        UpdateStatusRequest request = new UpdateStatusRequest(
                approval.id(),
                decision.get(),
                isBlank(comment.get()) ? null : comment.get().strip(),
                approval.version());
        background.run(
                () -> api.updateStatus(request),
                decided -> {
                    submitting.set(false);
                    onDone.accept(decided);
                },
                e -> {
                    submitting.set(false);
                    if (e instanceof ApiException.Conflict c) {
                        conflict.set(c.current());
                        conflictText.set(describeConflict(c));
                        if (c.current() != null) {
                            onConflict.accept(c.current());
                        }
                    } else {
                        String others = "";
                        if (e instanceof ApiException.Validation v) {
                            var byField = Failures.byField(v.errors());
                            serverCommentError.set(byField.getOrDefault("comment", ""));
                            others = Failures.others(byField, java.util.List.of("comment"));
                        }
                        error.set(Failures.explain(e, false) + (others.isEmpty() ? "" : " " + others));
                        details.set(Failures.details(e));
                        onFailure.accept(e);
                    }
                });
    }

    static String describeConflict(ApiException.Conflict c) {
        Approval now = c.current();
        if (now != null && !now.isPending() && now.decidedBy() != null) {
            String status = now.status() == ApprovalStatus.OTHER
                    ? now.status().wire().toLowerCase(java.util.Locale.ROOT)
                    : Messages.get("decision.conflict." + now.status().name());
            String at = now.decidedAt() == null
                    ? ""
                    : Messages.format("decision.conflict.at", TimeText.full(now.decidedAt()));
            String said = isBlank(now.comment()) ? "" : Messages.format("decision.conflict.comment", now.comment());
            return Messages.format("decision.conflict", status, now.decidedBy(), at, said);
        }
        return io.approvals.console.service.FailureText.of(c, Messages.locale()).line();
    }

    public ObjectProperty<ApprovalStatus> decisionProperty() {
        return decision;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringBinding commentErrorProperty() {
        return commentError;
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return submitting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Approval> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty conflictTextProperty() {
        return conflictText.getReadOnlyProperty();
    }
}
