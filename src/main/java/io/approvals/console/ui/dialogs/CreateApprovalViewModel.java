package io.approvals.console.ui.dialogs;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.Priority;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.Messages;
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
    private final StringProperty requester = new SimpleStringProperty(this, "requester", "");
    private final javafx.collections.ObservableList<String> people =
            javafx.collections.FXCollections.observableArrayList();
    private final java.time.Clock clock;
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
        this(api, background, java.time.Clock.system(zone));
    }

    /** clock: "today" for the due date's check, in the clock's zone. */
    public CreateApprovalViewModel(ApprovalsApi api, Background background, java.time.Clock clock) {
        this.api = api;
        this.background = background;
        this.zone = clock.getZone();
        this.clock = clock;
        title.addListener((o, a, b) -> {
            titleTouched.set(true);
            serverTitleError.set("");
        });
        description.addListener((o, a, b) -> serverDescriptionError.set(""));
        titleError = Bindings.createStringBinding(
                () -> {
                    String t = title.get() == null ? "" : title.get().strip();
                    if (t.isEmpty()) {
                        return titleTouched.get() ? Messages.get("create.error.titleNeeded") : "";
                    }
                    if (t.length() > CreateApprovalRequest.TITLE_MAX) {
                        return tooLong(t.length(), CreateApprovalRequest.TITLE_MAX);
                    }
                    return serverTitleError.get();
                },
                title,
                titleTouched,
                serverTitleError);
        descriptionError = Bindings.createStringBinding(
                () -> {
                    int n = description.get() == null ? 0 : description.get().length();
                    if (n > CreateApprovalRequest.DESCRIPTION_MAX) {
                        return tooLong(n, CreateApprovalRequest.DESCRIPTION_MAX);
                    }
                    return serverDescriptionError.get();
                },
                description,
                serverDescriptionError);
    }

    private StringBinding approverError;
    private final ReadOnlyStringWrapper serverApproverError =
            new ReadOnlyStringWrapper(this, "serverApproverError", "");
    private final ReadOnlyStringWrapper serverRequesterError =
            new ReadOnlyStringWrapper(this, "serverRequesterError", "");
    /** Status, request and trace id, field errors: the failure's "Details" for support. */
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");

    private StringBinding requesterError;
    private StringBinding dueError;

    /** "At most 200 characters; this is 3 too many." (plain numbers: a limit, not an amount) */
    private static String tooLong(int length, int max) {
        return Messages.format("create.error.tooLong", String.valueOf(max), String.valueOf(length - max));
    }

    /** "" or why this text is not an email address (empty is fine: the field is optional). */
    static String emailProblem(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || EMAIL.matcher(t).matches()) {
            return "";
        }
        return io.approvals.console.ui.common.Messages.format("create.error.email", t);
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s.][^@\\s]*");

    /** The approver's problem as typed ("" when fine). */
    public StringBinding approverErrorProperty() {
        if (approverError == null) {
            approver.addListener((o, a, b) -> serverApproverError.set(""));
            approverError = Bindings.createStringBinding(
                    () -> emailProblem(approver.get()).isEmpty()
                            ? serverApproverError.get()
                            : emailProblem(approver.get()),
                    approver,
                    serverApproverError);
        }
        return approverError;
    }

    /** The requester's problem as typed ("" when fine; empty means the key's owner). */
    public StringBinding requesterErrorProperty() {
        if (requesterError == null) {
            requester.addListener((o, a, b) -> serverRequesterError.set(""));
            requesterError = Bindings.createStringBinding(
                    () -> emailProblem(requester.get()).isEmpty()
                            ? serverRequesterError.get()
                            : emailProblem(requester.get()),
                    requester,
                    serverRequesterError);
        }
        return requesterError;
    }

    /** A due date before today is refused. */
    public StringBinding dueErrorProperty() {
        if (dueError == null) {
            dueError = Bindings.createStringBinding(
                    () -> dueDate.get() != null && dueDate.get().isBefore(LocalDate.now(clock))
                            ? io.approvals.console.ui.common.Messages.get("create.error.pastDue")
                            : "",
                    dueDate);
        }
        return dueError;
    }

    /** Whether anything was typed that closing the dialog would lose (a title, a description or an approver). */
    public boolean hasTyped() {
        return !isBlank(title.get()) || !isBlank(description.get()) || !isBlank(approver.get());
    }

    /** Takes over what was typed into an earlier draft that was closed unsent; this draft's errors start clean. */
    public void takeTypedFrom(CreateApprovalViewModel earlier) {
        title.set(earlier.title.get());
        description.set(earlier.description.get());
        requester.set(earlier.requester.get());
        approver.set(earlier.approver.get());
        priority.set(earlier.priority.get());
        dueDate.set(earlier.dueDate.get());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Who creates it: defaults to the key's owner (support staff create for others). */
    public StringProperty requesterProperty() {
        return requester;
    }

    /** People seen in the queue (requesters and approvers), offered as the approver. */
    public javafx.collections.ObservableList<String> people() {
        return people;
    }

    /** Fills the suggestions from the approvals at hand: everyone named in them, sorted, once each. */
    public void suggestFrom(java.util.Collection<Approval> approvals) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Approval a : approvals) {
            for (String n : new String[] {a.requester(), a.approver()}) {
                if (n != null && !n.isBlank()) {
                    names.add(n.strip());
                }
            }
        }
        people.setAll(names);
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
        return !t.isEmpty()
                && t.length() <= CreateApprovalRequest.TITLE_MAX
                && d <= CreateApprovalRequest.DESCRIPTION_MAX
                && emailProblem(approver.get()).isEmpty()
                && emailProblem(requester.get()).isEmpty()
                && (dueDate.get() == null || !dueDate.get().isBefore(LocalDate.now(clock)));
    }

    public BooleanBinding canSubmitProperty() {
        return Bindings.createBooleanBinding(
                () -> !submitting.get() && isValid(), submitting, title, description, approver, requester, dueDate);
    }

    CreateApprovalRequest request() {
        String d = description.get() == null || description.get().isBlank() ? null : description.get();
        String a = approver.get() == null || approver.get().isBlank()
                ? null
                : approver.get().strip();
        String r = requester.get() == null || requester.get().isBlank()
                ? null
                : requester.get().strip();
        return new CreateApprovalRequest(
                title.get().strip(),
                d,
                r,
                a,
                priority.get(),
                dueDate.get() == null
                        ? null
                        : dueDate.get().atTime(DUE_TIME).atZone(zone).toInstant());
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
        details.set("");
        CreateApprovalRequest request = request();
        background.run(
                () -> api.createApproval(request, idempotencyKey),
                created -> {
                    submitting.set(false);
                    onCreated.accept(created);
                },
                e -> {
                    submitting.set(false);
                    String others = "";
                    if (e instanceof ApiException.Validation v) {
                        others = showFieldErrors(v.errors());
                    }
                    error.set(Failures.explain(e, true) + (others.isEmpty() ? "" : " " + others));
                    details.set(Failures.details(e));
                    onFailure.accept(e);
                });
    }

    /** Puts each field error next to its field (whatever the server calls it); returns what no field shows. */
    private String showFieldErrors(Map<String, List<String>> errors) {
        Map<String, String> byField = Failures.byField(errors);
        serverTitleError.set(byField.getOrDefault("title", ""));
        serverDescriptionError.set(byField.getOrDefault("description", ""));
        serverRequesterError.set(byField.getOrDefault("requester", ""));
        serverApproverError.set(byField.getOrDefault("approver", ""));
        return Failures.others(byField, List.of("title", "description", "requester", "approver"));
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
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
