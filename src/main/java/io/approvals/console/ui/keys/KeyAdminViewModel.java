package io.approvals.console.ui.keys;

import io.approvals.console.ui.common.Background;

import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.service.KeyAdmin;
import io.approvals.console.service.RotationGrace;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The admin view without controls: every key (filterable, with keys expiring within 7 days and keys
 * never used flagged), issue / regenerate / revoke, and the audit trail filterable by action and owner.
 * A new key from issue or regenerate goes to the caller's consumer once and is not kept here.
 * Call on the UI thread; the work runs through {@link Background}.
 */
public final class KeyAdminViewModel {
    public static final int AUDIT_MAX = 1000;

    private final KeyAdmin admin;
    private final Background tasks;
    private final Clock clock;

    private final ObservableList<KeyRow> keys = FXCollections.observableArrayList();
    private final FilteredList<KeyRow> shownKeys = new FilteredList<>(keys, r -> true);
    private final StringProperty keyFilter = new SimpleStringProperty(this, "keyFilter", "");
    private final ObservableList<AuditEntry> audit = FXCollections.observableArrayList();
    private final FilteredList<AuditEntry> shownAudit = new FilteredList<>(audit, e -> true);
    private final StringProperty auditAction = new SimpleStringProperty(this, "auditAction", "");
    private final StringProperty auditOwner = new SimpleStringProperty(this, "auditOwner", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper statusIsProblem = new ReadOnlyBooleanWrapper(this, "statusIsProblem");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public KeyAdminViewModel(KeyAdmin admin, Background tasks, Clock clock) {
        this.admin = admin;
        this.tasks = tasks;
        this.clock = clock;
        keyFilter.addListener((o, a, f) -> shownKeys.setPredicate(r -> r.matches(f)));
        auditAction.addListener((o, a, b) -> filterAudit());
        auditOwner.addListener((o, a, b) -> filterAudit());
    }

    public String profile() {
        return admin.profile();
    }

    public void refresh() {
        busy.set(true);
        tasks.run(admin::list, list -> {
            busy.set(false);
            Instant now = clock.instant();
            keys.setAll(list.stream().map(k -> KeyRow.of(k, now, clock.getZone())).toList());
            long soon = keys.stream().filter(KeyRow::expiresSoon).count();
            long unused = keys.stream().filter(KeyRow::neverUsed).count();
            info(keys.size() + " keys; " + soon + " expiring within 7 days; " + unused + " never used.");
        }, this::failed);
    }

    public void refreshAudit() {
        busy.set(true);
        tasks.run(() -> admin.audit(null, null, AUDIT_MAX), entries -> {
            busy.set(false);
            audit.setAll(entries);
        }, this::failed);
    }

    /** Issues a key; onIssued gets it once to show (with Copy and the "shown once" warning). */
    public void issue(String name, String owner, List<String> scopes, Instant expiresAt, Consumer<IssuedKey> onIssued) {
        busy.set(true);
        tasks.run(() -> admin.issue(name, owner, scopes, expiresAt), issued -> {
            busy.set(false);
            KeyMetadata m = issued.apiKey();
            info("Issued \u2018" + m.name() + "\u2019 for " + m.owner() + " (" + m.maskedHint() + ").");
            onIssued.accept(issued);
            refresh();
        }, this::failed);
    }

    public void regenerate(KeyRow row, RotationGrace grace, Consumer<IssuedKey> onIssued) {
        busy.set(true);
        tasks.run(() -> admin.regenerate(row.id(), grace), issued -> {
            busy.set(false);
            info("Regenerated \u2018" + row.name() + "\u2019 of " + row.owner() + ". The old secret "
                    + (grace.compromised() ? "no longer works." : "keeps working for " + grace.describe() + "."));
            onIssued.accept(issued);
            refresh();
        }, this::failed);
    }

    public void revoke(KeyRow row) {
        busy.set(true);
        tasks.run(() -> admin.revoke(row.id()), m -> {
            busy.set(false);
            info("Revoked \u2018" + m.name() + "\u2019 of " + m.owner() + " (" + m.maskedHint() + "). It no longer works.");
            refresh();
        }, this::failed);
    }

    private void filterAudit() {
        String action = auditAction.get();
        String owner = auditOwner.get();
        shownAudit.setPredicate(e -> KeyAdmin.matches(e, action, owner));
    }

    private void info(String s) {
        status.set(s);
        statusIsProblem.set(false);
    }

    private void failed(Throwable e) {
        busy.set(false);
        status.set(KeyTexts.failure(e));
        statusIsProblem.set(true);
    }

    public ObservableList<KeyRow> keys() {
        return shownKeys;
    }

    public StringProperty keyFilterProperty() {
        return keyFilter;
    }

    public ObservableList<AuditEntry> audit() {
        return shownAudit;
    }

    public StringProperty auditActionProperty() {
        return auditAction;
    }

    public StringProperty auditOwnerProperty() {
        return auditOwner;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsProblemProperty() {
        return statusIsProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
