package io.approvals.console.ui.dialogs;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.Priority;
import io.approvals.console.ui.common.Background;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Create approval dialog. One idempotency key per dialog, reused by every retry, so pressing
 * Create again after a failure never makes a second approval. Validation matches the contract.
 */
public final class CreateApprovalViewModel {
    /** Due dates are at the end of the working day, local time. */
    static final LocalTime DUE_TIME = LocalTime.of(17, 0);

    private final ApprovalsApi api;
    private final Background background;
    private final ZoneId zone;
    private final String idempotencyKey = UUID.randomUUID().toString();

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty approver = new SimpleStringProperty(this, "approver", "");
    private final ObjectProperty<Priority> priority = new SimpleObjectProperty<>(this, "priority", Priority.NORMAL);
    private final ObjectProperty<LocalDate> dueDate = new SimpleObjectProperty<>(this, "dueDate");
    private final BooleanProperty titleTouched = new SimpleBooleanProperty(this, "titleTouched");
    private final ReadOnlyBooleanWrapper submitting = new ReadOnlyBooleanWrapper(this, "submitting");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper serverTitleError = new ReadOnlyStringWrapper(this, "serverTitleError", "");
    private final ReadOnlyStringWrapper serverDescriptionError =
            new ReadOnlyStringWrapper(this, "serverDescriptionError", "");
    private int attempts;

    private final StringBinding titleError;
    private final StringBinding descriptionError;

    public CreateApprovalViewModel(ApprovalsApi api, Background background, ZoneId zone) {
        this.api = api;
        this.background = background;
        this.zone = zone;
        title.addListener((o, a, b) -> {
            titleTouched.set(true);
            serverTitleError.set("");
        });
        description.addListener((o, a, b) -> serverDescriptionError.set(""));
        titleError = Bindings.createStringBinding(() -> {
            String t = title.get() == null ? "" : title.get().strip();
            if (t.isEmpty()) {
                return titleTouched.get() ? "A title is needed." : "";
            }
            if (t.length() > CreateApprovalRequest.TITLE_MAX) {
                return "At most " + CreateApprovalRequest.TITLE_MAX + " characters; this is "
                        + (t.length() - CreateApprovalRequest.TITLE_MAX) + " too many.";
            }
            return serverTitleError.get();
        }, title, titleTouched, serverTitleError);
        descriptionError = Bindings.createStringBinding(() -> {
            int n = description.get() == null ? 0 : description.get().length();
            if (n > CreateApprovalRequest.DESCRIPTION_MAX) {
                return "At most " + CreateApprovalRequest.DESCRIPTION_MAX + " characters; this is "
                        + (n - CreateApprovalRequest.DESCRIPTION_MAX) + " too many.";
            }
            return serverDescriptionError.get();
        }, description, serverDescriptionError);
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** How many times Create was pressed (tests check retries reuse one key). */
    public int attempts() {
        return attempts;
    }

    public boolean isValid() {
        String t = title.get() == null ? "" : title.get().strip();
        int d = description.get() == null ? 0 : description.get().length();
        return !t.isEmpty() && t.length() <= CreateApprovalRequest.TITLE_MAX && d <= CreateApprovalRequest.DESCRIPTION_MAX;
    }

    public BooleanBinding canSubmitProperty() {
        return Bindings.createBooleanBinding(() -> !submitting.get() && isValid(), submitting, title, description);
    }

    CreateApprovalRequest request() {
        String d = description.get() == null || description.get().isBlank() ? null : description.get();
        String a = approver.get() == null || approver.get().isBlank() ? null : approver.get().strip();
        return new CreateApprovalRequest(title.get().strip(), d, null, a, priority.get(),
                dueDate.get() == null ? null : dueDate.get().atTime(DUE_TIME).atZone(zone).toInstant());
    }

    /** Sends the approval; on failure everything typed stays and the error says what to do. */
    public void submit(Consumer<Approval> onCreated, Consumer<Throwable> onFailure) {
        titleTouched.set(true);
        if (!isValid() || submitting.get()) {
            return;
        }
        attempts++;
        submitting.set(true);
        error.set("");
        CreateApprovalRequest request = request();
        background.run(() -> api.createApproval(request, idempotencyKey), created -> {
            submitting.set(false);
            onCreated.accept(created);
        }, e -> {
            submitting.set(false);
            if (e instanceof ApiException.Validation v) {
                showFieldErrors(v.errors());
            }
            error.set(Failures.explain(e, true));
            onFailure.accept(e);
        });
    }

    private void showFieldErrors(Map<String, List<String>> errors) {
        errors.forEach((field, messages) -> {
            String text = String.join(" ", messages);
            if ("title".equalsIgnoreCase(field)) {
                serverTitleError.set(text);
            } else if ("description".equalsIgnoreCase(field)) {
                serverDescriptionError.set(text);
            }
        });
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty approverProperty() {
        return approver;
    }

    public ObjectProperty<Priority> priorityProperty() {
        return priority;
    }

    public ObjectProperty<LocalDate> dueDateProperty() {
        return dueDate;
    }

    public StringBinding titleErrorProperty() {
        return titleError;
    }

    public StringBinding descriptionErrorProperty() {
        return descriptionError;
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return submitting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
