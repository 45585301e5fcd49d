package io.approvals.console.ui.keys;

import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.service.KeyAdmin;
import io.approvals.console.service.RotationGrace;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.TimeText;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The admin view without controls: every key (filterable, with keys expiring within 7 days and keys
 * never used flagged), issue / regenerate / revoke, the selected key's working secrets with "expire now" for one in
 * its grace period, and the audit trail filterable by action and owner.
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
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObjectProperty<KeyRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<KeySecrets.Secret> secrets = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper graceEndUnsupported = new ReadOnlyBooleanWrapper(this, "graceEndUnsupported");
    private List<AuditEntry> auditForSecrets = List.of();
    /** Older secrets this window ended, kept out of the list even where a server's audit trail does not say so. */
    private final Set<String> ended = new HashSet<>();

    public KeyAdminViewModel(KeyAdmin admin, Background tasks, Clock clock) {
        this.admin = admin;
        this.tasks = tasks;
        this.clock = clock;
        keyFilter.addListener((o, a, f) -> shownKeys.setPredicate(r -> r.matches(f)));
        auditAction.addListener((o, a, b) -> filterAudit());
        auditOwner.addListener((o, a, b) -> filterAudit());
        selected.addListener((o, a, b) -> showSecrets());
    }

    public String profile() {
        return admin.profile();
    }

    /** Every key, and the audit trail (its regenerations tell which older secrets still work). */
    public void refresh() {
        busy.set(true);
        tasks.run(
                () -> {
                    List<KeyMetadata> list = admin.list();
                    List<AuditEntry> trail;
                    try {
                        trail = admin.audit(null, null, AUDIT_MAX);
                    } catch (RuntimeException e) {
                        trail = null; // the keys still show; their older secrets are not known
                    }
                    return new Loaded(list, trail);
                },
                loaded -> {
                    busy.set(false);
                    show(loaded.keys(), loaded.audit());
                },
                this::failed);
    }

    private record Loaded(List<KeyMetadata> keys, List<AuditEntry> audit) {}

    /** Shows these keys and this audit trail (newest first; null when it could not be read). */
    public void show(List<KeyMetadata> list, List<AuditEntry> trail) {
        Instant now = clock.instant();
        String was = selected.get() == null ? null : selected.get().id();
        auditForSecrets = trail;
        if (trail != null) {
            audit.setAll(trail);
        }
        keys.setAll(list.stream().map(k -> KeyRow.of(k, now, clock.getZone())).toList());
        long soon = keys.stream().filter(KeyRow::expiresSoon).count();
        long unused = keys.stream().filter(KeyRow::neverUsed).count();
        long revoked = keys.stream().filter(KeyRow::revoked).count();
        summary.set(Messages.format("admin.summary", keys.size(), soon, unused, revoked));
        selected.set(
                was == null
                        ? null
                        : keys.stream()
                                .filter(r -> was.equals(r.id()))
                                .findFirst()
                                .orElse(null));
        showSecrets();
    }

    public void refreshAudit() {
        busy.set(true);
        tasks.run(
                () -> admin.audit(null, null, AUDIT_MAX),
                entries -> {
                    busy.set(false);
                    auditForSecrets = entries;
                    audit.setAll(entries);
                    showSecrets();
                },
                this::failed);
    }

    private void showSecrets() {
        KeyRow row = selected.get();
        secrets.setAll(
                row == null
                        ? List.of()
                        : KeySecrets.of(row.key(), auditForSecrets, clock.instant()).stream()
                                .filter(x -> x.current() || !ended.contains(x.hint()))
                                .toList());
    }

    /** The key name an audit entry's key id stands for ("‘lee-laptop’ of lee@example.com"), else the id. */
    public String keyName(String id) {
        if (id == null) {
            return "";
        }
        for (KeyRow r : keys) {
            if (id.equals(r.id())) {
                return Messages.format("admin.keyName", r.name(), r.owner());
            }
        }
        return id;
    }

    /** Issues a key; onIssued gets it once to show (with Copy and the "shown once" warning). */
    public void issue(String name, String owner, List<String> scopes, Instant expiresAt, Consumer<IssuedKey> onIssued) {
        busy.set(true);
        tasks.run(
                () -> admin.issue(name, owner, scopes, expiresAt),
                issued -> {
                    busy.set(false);
                    KeyMetadata m = issued.apiKey();
                    info(Messages.format("admin.issued", m.name(), m.owner(), m.maskedHint()));
                    onIssued.accept(issued);
                    refresh();
                },
                this::failed);
    }

    public void regenerate(KeyRow row, RotationGrace grace, Consumer<IssuedKey> onIssued) {
        busy.set(true);
        tasks.run(
                () -> admin.regenerate(row.id(), grace),
                issued -> {
                    busy.set(false);
                    info(
                            grace.compromised()
                                    ? Messages.format("admin.regenerated.compromised", row.name(), row.owner())
                                    : Messages.format(
                                            "admin.regenerated.grace", row.name(), row.owner(), grace.describe()));
                    onIssued.accept(issued);
                    refresh();
                },
                this::failed);
    }

    public void revoke(KeyRow row) {
        busy.set(true);
        tasks.run(
                () -> admin.revoke(row.id()),
                m -> {
                    busy.set(false);
                    info(Messages.format("admin.revoked", m.name(), m.owner(), m.maskedHint()));
                    refresh();
                },
                this::failed);
    }

    /**
     * Ends the grace period of the key's older secrets now (the row's secret, and any other older one of the key in
     * grace: the server ends them together). Where the server cannot, says so with the next step, and Expire now
     * stays off for this window.
     */
    public void expirePrevious(KeyRow row, KeySecrets.Secret secret) {
        List<KeySecrets.Secret> ending =
                secrets.stream().filter(KeySecrets.Secret::inGrace).toList();
        busy.set(true);
        tasks.run(
                () -> admin.expirePrevious(row.id()),
                result -> {
                    busy.set(false);
                    switch (result.outcome()) {
                        case ENDED -> {
                            ending.forEach(s -> ended.add(s.hint()));
                            ended.add(secret.hint());
                            if (selected.get() != null
                                    && row.id().equals(selected.get().id())) {
                                secrets.removeIf(s -> !s.current());
                            }
                            info(Messages.format(
                                    "admin.expired",
                                    Math.max(1, ending.size()),
                                    hints(ending.isEmpty() ? List.of(secret) : ending),
                                    row.name(),
                                    row.owner(),
                                    result.key().maskedHint()));
                            refresh();
                        }
                        case NOTHING_IN_GRACE -> {
                            problem(Messages.format("admin.expire.none", row.name(), row.owner()));
                            refresh();
                        }
                        case NOT_SUPPORTED -> {
                            graceEndUnsupported.set(true);
                            problem(Messages.format(
                                    "admin.expire.unsupported",
                                    secret.hint(),
                                    row.name(),
                                    row.owner(),
                                    TimeText.moment(secret.until(), clock.instant(), clock.getZone())));
                        }
                    }
                },
                this::failed);
    }

    private static String hints(List<KeySecrets.Secret> list) {
        return String.join(", ", list.stream().map(KeySecrets.Secret::hint).toList());
    }

    /** The older secrets of the selected key that Expire now would stop together with the one clicked. */
    public long secretsInGrace() {
        return secrets.stream().filter(KeySecrets.Secret::inGrace).count();
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

    private void problem(String s) {
        status.set(s);
        statusIsProblem.set(true);
    }

    private void failed(Throwable e) {
        busy.set(false);
        status.set(KeyTexts.failure(e));
        statusIsProblem.set(true);
    }

    /** The Keys tab's line: how many keys, expiring soon, never used, revoked. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The key whose secrets are listed. */
    public ObjectProperty<KeyRow> selectedProperty() {
        return selected;
    }

    /** Every secret of the selected key that works: the current one and any in its grace period. */
    public ObservableList<KeySecrets.Secret> secrets() {
        return secrets;
    }

    /** True once the server said it cannot end a grace period early (it lacks the expire-previous extension). */
    public ReadOnlyBooleanProperty graceEndUnsupportedProperty() {
        return graceEndUnsupported.getReadOnlyProperty();
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
