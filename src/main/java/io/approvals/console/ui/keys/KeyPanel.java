package io.approvals.console.ui.keys;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.service.RotationGrace;
import atlantafx.base.theme.Styles;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.FxmlView;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The key panel of one connection: the masked key and its fingerprint, scopes, owner, created, expiry
 * (a warning within 7 days), last verified, where it is stored; Reveal (after a confirmation, for 10
 * seconds), Copy (cleared after 30 seconds), Verify now, Replace key…, Regenerate…, and Admin… when
 * the key has admin.
 */
public final class KeyPanel extends VBox {
    private final KeyPanelViewModel vm;
    private final DialogService dialogs;
    private boolean regenerateAsked;
    private final Countdown revealCountdown = new Countdown();
    private final Countdown clipboardCountdown = new Countdown();

    public KeyPanel(KeyPanelViewModel vm, Runnable openAdmin) {
        this(vm, openAdmin, null);
    }

    /** dialogs: how the panel's own dialogs are shown (null: a plain service owned by the panel's window). */
    public KeyPanel(KeyPanelViewModel vm, Runnable openAdmin, DialogService dialogs) {
        super(12);
        this.vm = vm;
        this.dialogs = dialogs;
        setId("keyPanel");
        // A Regenerate the server turns down (no /apikeys) offers Replace key… at once, not on the next click.
        vm.manualRotationOnlyProperty().addListener((o, was, manualOnly) -> {
            if (manualOnly && regenerateAsked) {
                regenerateAsked = false;
                regenerate();
            }
        });
        setPadding(new Insets(16));

        // a read-only text field, not a Label: Labeled.toString() carries its text, and JavaFX's layout
        // logging (FINER) prints nodes, so a revealed key in a Label would reach a log line
        TextField key = new TextField();
        key.setId("keyText");
        key.setEditable(false);
        key.setFocusTraversable(false);
        // the whole key fits: 42 characters of an apv_ key and a little room, in a monospace font
        key.setPrefColumnCount(ApiKey.LENGTH + 2);
        key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        key.getStyleClass().add("secret-key");
        key.textProperty().bind(vm.keyTextProperty());
        Label fingerprint = new Label();
        fingerprint.setId("keyFingerprint");
        fingerprint.textProperty().bind(Bindings.concat("fingerprint ", vm.fingerprintProperty()));
        fingerprint.setStyle(KeyStyles.MONO);
        VBox keyLine = new VBox(4, key, fingerprint);

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        int row = 0;
        row = fact(facts, row, "Scopes", "keyScopes", vm.scopesProperty());
        row = fact(facts, row, "Owner", "keyOwner", vm.ownerProperty());
        row = fact(facts, row, "Created", "keyCreated", vm.createdProperty());
        Label expires = new Label();
        expires.setId("keyExpires");
        expires.textProperty().bind(vm.expiresProperty());
        expires.styleProperty().bind(Bindings.when(vm.expiryWarningProperty()).then(KeyStyles.WARNING).otherwise(""));
        facts.addRow(row++, new Label("Expires"), expires);
        row = fact(facts, row, "Last verified", "keyLastVerified", vm.lastVerifiedProperty());
        fact(facts, row, "Stored in", "keyBackend", vm.backendProperty());

        Button reveal = new Button("Reveal");
        reveal.setId("revealButton");
        reveal.setOnAction(e -> confirmReveal());
        reveal.disableProperty().bind(vm.storedProperty().not().or(vm.revealedProperty()));
        Button hide = new Button("Hide");
        hide.setId("hideButton");
        hide.setOnAction(e -> vm.hide());
        hide.visibleProperty().bind(vm.revealedProperty());
        hide.managedProperty().bind(hide.visibleProperty());
        Button copy = new Button("Copy");
        copy.setId("copyButton");
        copy.setOnAction(e -> vm.copy());
        copy.disableProperty().bind(vm.storedProperty().not());
        Button verify = new Button("Verify now");
        verify.setId("verifyButton");
        verify.setOnAction(e -> vm.verifyNow());
        verify.disableProperty().bind(vm.busyProperty().or(vm.storedProperty().not()));
        Button replace = new Button("Replace key\u2026");
        replace.setId("replaceButton");
        replace.setOnAction(e -> replaceKey());
        replace.disableProperty().bind(vm.busyProperty());
        Button regenerate = new Button("Regenerate\u2026");
        regenerate.setId("regenerateButton");
        regenerate.setOnAction(e -> regenerate());
        regenerate.disableProperty().bind(vm.busyProperty().or(vm.storedProperty().not()));
        Button admin = new Button("Admin\u2026");
        admin.setId("adminButton");
        admin.setOnAction(e -> openAdmin.run());
        admin.visibleProperty().bind(vm.adminProperty().and(Bindings.createBooleanBinding(() -> openAdmin != null)));
        admin.managedProperty().bind(admin.visibleProperty());
        Button copyUnsaved = new Button("Copy the new key (not stored!)");
        copyUnsaved.setId("copyUnsavedButton");
        copyUnsaved.getStyleClass().add(Styles.DANGER);
        copyUnsaved.setOnAction(e -> vm.copyUnsavedKey());
        copyUnsaved.visibleProperty().bind(vm.unsavedKeyHeldProperty());
        copyUnsaved.managedProperty().bind(copyUnsaved.visibleProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        FlowPane actions = new FlowPane(8, 8, reveal, hide, copy, verify, replace, regenerate, admin, copyUnsaved, busy);

        Label status = KeyStyles.wrapped("");
        status.setId("keyStatus");
        status.textProperty().bind(vm.statusProperty());
        status.styleProperty().bind(Bindings.when(vm.statusIsProblemProperty()).then(KeyStyles.PROBLEM).otherwise(""));
        Label clipboard = KeyStyles.wrapped("");
        clipboard.setId("clipboardStatus");
        clipboard.textProperty().bind(vm.clipboard().statusProperty());

        // visible countdowns for what clears itself: the revealed key and the copied key
        Label revealLeft = new Label();
        revealLeft.setId("revealCountdown");
        revealLeft.textProperty().bind(revealCountdown.text("keys.countdown.reveal"));
        revealLeft.visibleProperty().bind(vm.revealedProperty());
        revealLeft.managedProperty().bind(revealLeft.visibleProperty());
        vm.revealedProperty().addListener((o, was, is) -> revealCountdown.restart(is, KeyPanelViewModel.REVEAL_FOR));
        Label clipLeft = new Label();
        clipLeft.setId("clipboardCountdown");
        clipLeft.textProperty().bind(clipboardCountdown.text("keys.countdown.clipboard"));
        Button clearNow = new Button(io.approvals.console.ui.common.Messages.get("keys.clearNow"));
        clearNow.setId("clearClipboardButton");
        clearNow.setOnAction(e -> vm.clipboard().clearNow());
        HBox clipLine = new HBox(10, clipLeft, clearNow);
        clipLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        clipLine.visibleProperty().bind(vm.clipboard().holdingProperty());
        clipLine.managedProperty().bind(clipLine.visibleProperty());
        vm.clipboard().holdingProperty().addListener((o, was, is) ->
                clipboardCountdown.restart(is, ClipboardGuard.CLEAR_AFTER));
        clipboardCountdown.restart(vm.clipboard().holdingProperty().get(), ClipboardGuard.CLEAR_AFTER);

        getChildren().addAll(keyLine, facts, actions, revealLeft, status, clipboard, clipLine);
        setPrefWidth(640);
    }

    private static int fact(GridPane grid, int row, String label, String id,
                            javafx.beans.value.ObservableValue<String> value) {
        Label v = new Label();
        v.setId(id);
        v.textProperty().bind(value);
        v.setWrapText(true);
        grid.addRow(row, new Label(label), v);
        return row + 1;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private DialogService dialogs() {
        return dialogs != null ? dialogs.ownedBy(window())
                : new DialogService(window(), () -> null);
    }

    private void confirmReveal() {
        dialogs().show(FxmlView.REVEAL_CONFIRM, new RevealConfirmController(vm.profile(),
                KeyPanelViewModel.REVEAL_FOR.toSeconds(), vm::reveal));
    }

    private void replaceKey() {
        ReplaceKeyDialog.show(window(), vm);
    }

    private void regenerate() {
        dialogs().show(FxmlView.REGENERATE, new RegenerateController(vm.profile(), vm.profile(),
                vm.manualRotationOnlyProperty().get(), choice -> {
            if (choice == null) {
                replaceKey();
            } else {
                regenerateAsked = true;
                vm.regenerate(choice);
            }
        }));
    }

    /** For tests and the window: the view model. */
    public KeyPanelViewModel viewModel() {
        return vm;
    }

    /** The secret field used by Replace key…, exposed for tests through its id. */
    static PasswordField secretField() {
        PasswordField f = new PasswordField();
        f.setPromptText(ApiKey.PREFIX + "\u2026");
        return f;
    }
}
