package io.approvals.console.ui.keys;

import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.FxmlView;
import io.approvals.console.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/**
 * key_window.fxml: the key of one connection with its facts and actions (Reveal after a confirmation, for 10 s with a
 * visible countdown and Hide now; Copy, cleared after 30 s with a countdown and Clear now; Verify now; Replace key…;
 * Regenerate…; Admin… when the key has admin). One window per connection; no default button; Close and Esc close.
 */
public final class KeyWindowController extends DialogController {
    public static final String KIND = "key:";

    private final KeyPanelViewModel vm;
    private final Runnable openAdmin;
    private final DialogService dialogs;
    private final Countdown revealCountdown = new Countdown();
    private final Countdown clipboardCountdown = new Countdown();
    private boolean regenerateAsked;

    @FXML
    Label heading;

    @FXML
    TextField key;

    @FXML
    Label fingerprint;

    @FXML
    Label scopes;

    @FXML
    Label owner;

    @FXML
    Label created;

    @FXML
    Label expires;

    @FXML
    Label lastVerified;

    @FXML
    Label backend;

    @FXML
    Button reveal;

    @FXML
    Button copy;

    @FXML
    Button verify;

    @FXML
    Button replace;

    @FXML
    Button regenerate;

    @FXML
    Button admin;

    @FXML
    Button copyUnsaved;

    @FXML
    ProgressIndicator busy;

    @FXML
    HBox revealLine;

    @FXML
    Label revealLeft;

    @FXML
    Button hide;

    @FXML
    Label status;

    @FXML
    HBox clipLine;

    @FXML
    Label clipLeft;

    @FXML
    Button clearNow;

    @FXML
    Label clipboard;

    @FXML
    Button close;

    /** openAdmin: null when there is no admin window to open; dialogs: how this window's own dialogs are shown. */
    public KeyWindowController(KeyPanelViewModel vm, Runnable openAdmin, DialogService dialogs) {
        this.vm = vm;
        this.openAdmin = openAdmin;
        this.dialogs = dialogs;
    }

    @FXML
    void initialize() {
        heading.setText(Messages.format("keyWindow.heading", vm.profile()));
        // the whole key fits: 42 characters of an apv_ key and a little room
        key.setPrefColumnCount(io.approvals.console.contract.ApiKey.LENGTH + 4);
        key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        key.textProperty().bind(vm.keyTextProperty());
        fingerprint
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.fingerprintProperty().get().isEmpty()
                                ? ""
                                : Messages.format(
                                        "keyWindow.fingerprint",
                                        vm.fingerprintProperty().get()),
                        vm.fingerprintProperty()));
        scopes.textProperty().bind(vm.scopesProperty());
        owner.textProperty().bind(vm.ownerProperty());
        created.textProperty().bind(vm.createdProperty());
        expires.textProperty().bind(vm.expiresProperty());
        vm.expiryWarningProperty().addListener((o, was, is) -> warn(expires, is));
        warn(expires, vm.expiryWarningProperty().get());
        lastVerified.textProperty().bind(vm.lastVerifiedProperty());
        backend.textProperty().bind(vm.backendProperty());

        reveal.setOnAction(e -> confirmReveal());
        reveal.disableProperty().bind(vm.storedProperty().not().or(vm.revealedProperty()));
        copy.setOnAction(e -> vm.copy());
        copy.disableProperty().bind(vm.storedProperty().not());
        verify.setOnAction(e -> vm.verifyNow());
        verify.disableProperty().bind(vm.busyProperty().or(vm.storedProperty().not()));
        replace.setOnAction(e -> replaceKey());
        replace.disableProperty().bind(vm.busyProperty());
        regenerate.setOnAction(e -> regenerate());
        regenerate
                .disableProperty()
                .bind(vm.busyProperty().or(vm.storedProperty().not()));
        admin.setOnAction(e -> openAdmin.run());
        admin.visibleProperty().bind(vm.adminProperty().and(Bindings.createBooleanBinding(() -> openAdmin != null)));
        admin.managedProperty().bind(admin.visibleProperty());
        copyUnsaved.setOnAction(e -> vm.copyUnsavedKey());
        copyUnsaved.visibleProperty().bind(vm.unsavedKeyHeldProperty());
        copyUnsaved.managedProperty().bind(copyUnsaved.visibleProperty());
        busy.visibleProperty().bind(vm.busyProperty());

        // visible countdowns for what clears itself: the revealed key and the copied key
        revealLeft.textProperty().bind(revealCountdown.text("keys.countdown.reveal"));
        revealLine.visibleProperty().bind(vm.revealedProperty());
        revealLine.managedProperty().bind(revealLine.visibleProperty());
        vm.revealedProperty().addListener((o, was, is) -> revealCountdown.restart(is, KeyPanelViewModel.REVEAL_FOR));
        hide.setOnAction(e -> vm.hide());

        status.textProperty().bind(vm.statusProperty());
        vm.statusIsProblemProperty().addListener((o, was, is) -> problem(status, is));
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        clipLeft.textProperty().bind(clipboardCountdown.text("keys.countdown.clipboard"));
        clearNow.setOnAction(e -> vm.clipboard().clearNow());
        clipLine.visibleProperty().bind(vm.clipboard().holdingProperty());
        clipLine.managedProperty().bind(clipLine.visibleProperty());
        vm.clipboard()
                .holdingProperty()
                .addListener((o, was, is) -> clipboardCountdown.restart(is, ClipboardGuard.CLEAR_AFTER));
        clipboardCountdown.restart(vm.clipboard().holdingProperty().get(), ClipboardGuard.CLEAR_AFTER);
        clipboard.textProperty().bind(vm.clipboard().statusProperty());
        clipboard.visibleProperty().bind(clipboard.textProperty().isNotEmpty());
        clipboard.managedProperty().bind(clipboard.visibleProperty());

        // A Regenerate the server turns down (no /apikeys) offers Replace key… at once, not on the next click.
        vm.manualRotationOnlyProperty().addListener((o, was, manualOnly) -> {
            if (manualOnly && regenerateAsked) {
                regenerateAsked = false;
                regenerate();
            }
        });
        close.setOnAction(e -> close());
        // Copy is enabled once the keychain answered: focus moves there from Close, where it waited
        copy.disabledProperty().addListener((o, was, disabled) -> {
            if (!disabled && copy.getScene() != null && copy.getScene().getFocusOwner() == close) {
                copy.requestFocus();
            }
        });
    }

    private static void warn(Label l, boolean on) {
        l.getStyleClass().remove("warning-text");
        if (on) {
            l.getStyleClass().add("warning-text");
        }
    }

    private static void problem(Label l, boolean on) {
        l.getStyleClass().remove("error-text");
        if (on) {
            l.getStyleClass().add("error-text");
        }
    }

    private DialogService dialogs() {
        return dialogs != null ? dialogs.ownedBy(stage()) : new DialogService(stage(), () -> null);
    }

    private void confirmReveal() {
        dialogs()
                .show(
                        FxmlView.REVEAL_CONFIRM,
                        new RevealConfirmController(
                                vm.profile(), KeyPanelViewModel.REVEAL_FOR.toSeconds(), vm::reveal));
    }

    private void replaceKey() {
        dialogs().show(FxmlView.KEY_REPLACE, new KeyReplaceController(vm));
    }

    private void regenerate() {
        dialogs()
                .show(
                        FxmlView.REGENERATE,
                        new RegenerateController(
                                vm.profile(),
                                vm.profile(),
                                vm.manualRotationOnlyProperty().get(),
                                choice -> {
                                    if (choice == null) {
                                        replaceKey();
                                    } else {
                                        regenerateAsked = true;
                                        vm.regenerate(choice);
                                    }
                                }));
    }

    public KeyPanelViewModel viewModel() {
        return vm;
    }

    @Override
    public String title() {
        return Messages.format("keyWindow.title", vm.profile());
    }

    @Override
    public String kind() {
        return KIND + vm.profile();
    }

    @Override
    public Node initialFocus() {
        return copy.isDisabled() ? close : copy;
    }

    /** None: every action of this window is one the user picks (reveal, copy, regenerate are never Enter's). */
    @Override
    public Button defaultButton() {
        return null;
    }

    @Override
    public boolean modal() {
        return false;
    }

    @Override
    public void closed() {
        vm.dispose();
    }
}
