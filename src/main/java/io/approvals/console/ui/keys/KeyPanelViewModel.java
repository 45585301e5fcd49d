package io.approvals.console.ui.keys;

import io.approvals.console.config.VerifiedKey;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.KeyDetails;
import io.approvals.console.service.KeyReplacement;
import io.approvals.console.service.KeyReport;
import io.approvals.console.service.KeyRotation;
import io.approvals.console.service.RotationGrace;
import io.approvals.console.service.RotationOutcome;
import io.approvals.console.service.RotationResult;
import io.approvals.console.service.ServiceException;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.TimeText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The key panel of one connection, without controls: the key masked (or revealed for 10 seconds), its
 * fingerprint and what the server said about it, and the actions Reveal, Copy, Verify, Replace and
 * Regenerate. Keychain and network work runs through {@link Background}; the key itself is held only while
 * revealed or being copied. Call everything on the UI thread.
 */
public final class KeyPanelViewModel {
    public static final Duration REVEAL_FOR = Duration.ofSeconds(10);
    public static final Duration EXPIRY_WARNING = Duration.ofDays(7);

    private final ConnectionService service;
    private final String profile;
    private final Background tasks;
    private final Timers timers;
    private final ClipboardGuard clipboard;
    private final Clock clock;
    private final Consumer<String> onKeyChanged;

    private final ReadOnlyStringWrapper keyText = new ReadOnlyStringWrapper(this, "keyText", "");
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(this, "revealed");
    private final ReadOnlyBooleanWrapper stored = new ReadOnlyBooleanWrapper(this, "stored");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper(this, "fingerprint", "");
    private final ReadOnlyStringWrapper scopes = new ReadOnlyStringWrapper(this, "scopes", "");
    private final ReadOnlyStringWrapper owner = new ReadOnlyStringWrapper(this, "owner", "");
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper(this, "created", "");
    private final ReadOnlyStringWrapper expires = new ReadOnlyStringWrapper(this, "expires", "");
    private final ReadOnlyBooleanWrapper expiryWarning = new ReadOnlyBooleanWrapper(this, "expiryWarning");
    private final ReadOnlyStringWrapper lastVerified = new ReadOnlyStringWrapper(this, "lastVerified", "");
    private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper(this, "backend", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper statusIsProblem = new ReadOnlyBooleanWrapper(this, "statusIsProblem");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper admin = new ReadOnlyBooleanWrapper(this, "admin");
    private final ReadOnlyBooleanWrapper manualRotationOnly = new ReadOnlyBooleanWrapper(this, "manualRotationOnly");
    private final ReadOnlyBooleanWrapper unsavedKeyHeld = new ReadOnlyBooleanWrapper(this, "unsavedKeyHeld");

    private String masked = "";
    private Timers.Cancellable hideTimer;
    private ApiKey unsavedKey;
    private Consumer<String> onVerified = p -> {};
    private final ReadOnlyStringWrapper oldKeyLabel = new ReadOnlyStringWrapper(this, "oldKeyLabel", "");

    public KeyPanelViewModel(
            ConnectionService service,
            String profile,
            Background tasks,
            Timers timers,
            ClipboardGuard clipboard,
            Clock clock,
            Consumer<String> onKeyChanged) {
        this.service = service;
        this.profile = profile;
        this.tasks = tasks;
        this.timers = timers;
        this.clipboard = clipboard;
        this.clock = clock;
        this.onKeyChanged = onKeyChanged == null ? p -> {} : onKeyChanged;
    }

    /** Told after Verify now succeeded, so the other windows take the key the keychain holds. */
    public void setOnVerified(Consumer<String> hook) {
        onVerified = hook == null ? p -> {} : hook;
    }

    public String profile() {
        return profile;
    }

    /** Shows what is stored at once, then asks the server again. */
    public void load() {
        busy.set(true);
        tasks.run(
                () -> service.status(profile),
                report -> {
                    busy.set(false);
                    apply(report, null);
                    if (report.stored()) {
                        verifyNow();
                    } else {
                        problem(Messages.format("keyWindow.noKey", profile, report.backend()));
                    }
                },
                this::failed);
    }

    public void verifyNow() {
        busy.set(true);
        tasks.run(
                () -> KeyDetails.verify(service, profile),
                details -> {
                    busy.set(false);
                    apply(details.report(), details.metadata());
                    info(Messages.get("keyWindow.verified"));
                    onVerified.accept(profile);
                },
                this::failed);
    }

    /** Shows the key for 10 seconds (the view asks for confirmation first). */
    public void reveal() {
        tasks.run(
                this::storedKey,
                key -> {
                    keyText.set(key.reveal());
                    revealed.set(true);
                    cancelHide();
                    hideTimer = timers.after(REVEAL_FOR, this::hide);
                    info(Messages.format("keyWindow.shown", REVEAL_FOR.toSeconds()));
                },
                this::failed);
    }

    public void hide() {
        cancelHide();
        keyText.set(masked);
        revealed.set(false);
    }

    public void copy() {
        tasks.run(this::storedKey, clipboard::copy, this::failed);
    }

    /** Verifies the pasted key with the server and only then stores it. */
    public void replace(String text, Runnable onDone) {
        replace(text, false, onDone);
    }

    /**
     * The same; with revokeOld, the key it replaces ({@link #oldKeyLabelProperty()}) is then revoked on the server
     * (for admins: a leaked key dies at once, on every machine).
     */
    public void replace(String text, boolean revokeOld, Runnable onDone) {
        ApiKey key;
        try {
            key = ApiKey.of(text);
            ConnectionService.checkFormat(key);
        } catch (IllegalArgumentException | ServiceException e) {
            problem(KeyTexts.failure(e) + " " + Messages.get("keyWindow.unchanged"));
            return;
        }
        busy.set(true);
        tasks.run(
                () -> KeyReplacement.replace(service, profile, key, revokeOld),
                replaced -> {
                    KeyReport report = replaced.report();
                    busy.set(false);
                    hide();
                    apply(report, null);
                    info(Messages.format("keyWindow.replaced", report.backend())
                            + (replaced.oldKey() == null ? "" : " " + replaced.oldKey()));
                    onKeyChanged.accept(profile);
                    if (onDone != null) {
                        onDone.run();
                    }
                },
                e -> failed(e, " " + Messages.get("keyWindow.unchanged")));
    }

    /** Regenerates this connection's key: the crash-safe rotation. */
    public void regenerate(RotationGrace grace) {
        busy.set(true);
        hide();
        tasks.run(
                () -> {
                    ApiKey old = service.storedKeyIfAny(profile).orElse(null);
                    return new Rotated(old, new KeyRotation(service).rotate(profile, grace));
                },
                rotated -> {
                    busy.set(false);
                    RotationResult r = rotated.result();
                    if (grace.compromised()
                            && rotated.old() != null
                            && r.outcome() != RotationOutcome.NOTHING_CHANGED) {
                        clipboard.forget(rotated.old());
                    }
                    if (r.report() != null) {
                        apply(r.report(), null);
                    }
                    unsavedKey = r.unsavedKey();
                    unsavedKeyHeld.set(unsavedKey != null);
                    if (unsavedKey != null) {
                        problem(r.message() + " " + Messages.get("keyWindow.unsaved"));
                    } else if (r.ok()) {
                        info(r.message());
                        onKeyChanged.accept(profile);
                    } else {
                        problem(r.message());
                    }
                },
                e -> {
                    if (e instanceof ServiceException s && s.kind() == ServiceException.Kind.NOT_SUPPORTED) {
                        manualRotationOnly.set(true);
                    }
                    failed(e);
                });
    }

    private record Rotated(ApiKey old, RotationResult result) {}

    /** Only after a rotation whose new key the keychain refused: copy it so it is not lost. */
    public void copyUnsavedKey() {
        if (unsavedKey != null) {
            clipboard.copy(unsavedKey);
        }
    }

    /** The window closes: nothing stays revealed. */
    public void dispose() {
        hide();
    }

    private ApiKey storedKey() {
        return service.storedKeyIfAny(profile)
                .orElseThrow(() -> new ServiceException(
                        ServiceException.Kind.NO_KEY, Messages.format("keyWindow.noKey.short", profile)));
    }

    private void apply(KeyReport r, KeyMetadata m) {
        stored.set(r.stored());
        masked = r.stored() ? displayMask(r) : Messages.get("keyWindow.noKeyStored");
        if (!revealed.get()) {
            keyText.set(masked);
        }
        fingerprint.set(r.fingerprint() == null ? "" : r.fingerprint());
        oldKeyLabel.set(r.stored() ? Messages.format("keyWindow.oldKey", r.masked(), r.fingerprint()) : "");
        backend.set(r.backend());
        VerifiedKey v = r.verified();
        Instant now = clock.instant();
        if (v == null || !r.verifiedMatchesStored()) {
            scopes.set(Messages.get(v == null ? "keyWindow.notVerified" : "keyWindow.notVerifiedSinceChange"));
            owner.set("");
            expires.set("");
            expiryWarning.set(false);
            lastVerified.set(v == null ? Messages.get("keyWindow.never") : "");
            admin.set(false);
        } else {
            scopes.set(
                    v.keyEndpointsAvailable()
                            ? (v.scopes().isEmpty()
                                    ? Messages.get("keyWindow.scopes.none")
                                    : String.join(", ", v.scopes())
                                            + (v.scopes().stream().allMatch("read"::equalsIgnoreCase)
                                                    ? "  " + Messages.get("keyWindow.scopes.readOnly")
                                                    : ""))
                            : Messages.get("keyWindow.scopes.unknown"));
            owner.set(v.owner() == null ? Messages.get("keyWindow.unknown") : v.owner());
            if (v.expiresAt() == null) {
                expires.set(Messages.get(v.keyEndpointsAvailable() ? "keyWindow.never" : "keyWindow.unknown"));
                expiryWarning.set(false);
            } else {
                boolean soon = v.expiresAt().isBefore(now.plus(EXPIRY_WARNING));
                expires.set(TimeText.moment(v.expiresAt(), now, clock.getZone())
                        + (soon ? " \u2014 " + Messages.get("keyWindow.expiresSoon") : ""));
                expiryWarning.set(soon);
            }
            lastVerified.set(TimeText.moment(v.verifiedAt(), now, clock.getZone()));
            admin.set(v.scopes().stream().anyMatch("admin"::equalsIgnoreCase));
            manualRotationOnly.set(!v.keyEndpointsAvailable());
        }
        if (m != null) {
            created.set(TimeText.moment(m.createdAt(), now, clock.getZone()));
        }
    }

    /** "apv_7Hq2 •••• x9Qa" */
    private static String displayMask(KeyReport r) {
        String m = r.masked();
        return m == null ? "" : m.replace("\u2026", " \u2022\u2022\u2022\u2022 ");
    }

    private void cancelHide() {
        if (hideTimer != null) {
            hideTimer.cancel();
            hideTimer = null;
        }
    }

    private void info(String message) {
        status.set(message);
        statusIsProblem.set(false);
    }

    private void problem(String message) {
        status.set(message);
        statusIsProblem.set(true);
    }

    private void failed(Throwable e) {
        failed(e, "");
    }

    private void failed(Throwable e, String suffix) {
        busy.set(false);
        problem(KeyTexts.failure(e) + suffix);
    }

    /** The stored key as Replace key… names it for "revoke the old key now": masked, with its fingerprint. */
    public ReadOnlyStringProperty oldKeyLabelProperty() {
        return oldKeyLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyTextProperty() {
        return keyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty storedProperty() {
        return stored.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scopesProperty() {
        return scopes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty expiresProperty() {
        return expires.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty expiryWarningProperty() {
        return expiryWarning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastVerifiedProperty() {
        return lastVerified.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backendProperty() {
        return backend.getReadOnlyProperty();
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

    public ReadOnlyBooleanProperty adminProperty() {
        return admin.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty manualRotationOnlyProperty() {
        return manualRotationOnly.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unsavedKeyHeldProperty() {
        return unsavedKeyHeld.getReadOnlyProperty();
    }

    public ClipboardGuard clipboard() {
        return clipboard;
    }
}
