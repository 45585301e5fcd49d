package io.approvals.console.ui.keys;

import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.KeyAdmin;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.FxmlView;
import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The key windows, for the main window to open from its menu (Connection › Key…, Admin…): one per app,
 * holding the clipboard guard so every copied key is cleared on quit. Call on the JavaFX thread; the
 * work runs through the {@link Background}.
 */
public final class KeyUi {
    private final Background background;
    private final Timers timers;
    private final ClipboardGuard clipboard;
    private final Clock clock;
    private Supplier<ThemeChoice> theme = () -> null;
    private DialogService dialogs;

    /** The real one: JavaFX timers and the system clipboard. */
    public KeyUi(Background background, Clock clock) {
        this(background, new FxTimers(), new FxSecretClipboard(), clock);
    }

    public KeyUi(Background background, Timers timers, SecretClipboard clipboard, Clock clock) {
        this.background = background;
        this.timers = timers;
        this.clipboard = new ClipboardGuard(clipboard, timers);
        this.clock = clock;
    }

    /** The theme the windows follow (the app's setting). */
    public KeyUi theme(Supplier<ThemeChoice> current) {
        this.theme = current;
        return this;
    }

    /** How the windows are shown (the main window's service: owner, theme, screen). */
    public KeyUi dialogs(DialogService service) {
        this.dialogs = service;
        return this;
    }

    private DialogService dialogsFor(Window owner) {
        return dialogs == null ? new DialogService(owner, theme) : dialogs.ownedBy(owner);
    }

    /**
     * The key window of a connection (one per connection: a second Key… brings it to the front); onKeyChanged gets
     * the profile after a replace or a rotation.
     */
    public Stage showKeyPanel(Window owner, ConnectionService service, String profile, Consumer<String> onKeyChanged) {
        return showKeyPanel(owner, service, profile, onKeyChanged, null);
    }

    /** The same, also telling onVerified after Verify now succeeded (the main window then takes the stored key). */
    public Stage showKeyPanel(
            Window owner,
            ConnectionService service,
            String profile,
            Consumer<String> onKeyChanged,
            Consumer<String> onVerified) {
        DialogService windows = dialogsFor(owner);
        Stage open = windows.showing(KEY_WINDOW + profile);
        if (open != null) {
            open.toFront();
            open.requestFocus();
            return open;
        }
        KeyPanelViewModel vm =
                new KeyPanelViewModel(service, profile, background, timers, clipboard, clock, onKeyChanged);
        vm.setOnVerified(onVerified);
        KeyWindowController[] window = new KeyWindowController[1];
        window[0] = windows.show(
                FxmlView.KEY_WINDOW,
                new KeyWindowController(vm, () -> showAdmin(window[0].stage(), service, profile), windows));
        vm.load();
        return window[0].stage();
    }

    private static final String KEY_WINDOW = KeyWindowController.KIND;
    private static final String ADMIN_WINDOW = KeyAdminController.KIND;

    /** The admin window for a connection whose key has admin (a key without it gets the server's 403 explained). */
    public Stage showAdmin(Window owner, ConnectionService service, String profile) {
        DialogService windows = dialogsFor(owner);
        Stage open = windows.showing(ADMIN_WINDOW + profile);
        if (open != null) {
            open.toFront();
            open.requestFocus();
            return open;
        }
        KeyAdminViewModel vm = new KeyAdminViewModel(new KeyAdmin(service, profile), background, clock);
        KeyAdminController view =
                windows.show(FxmlView.KEY_ADMIN, new KeyAdminController(vm, clipboard, windows, clock));
        view.start();
        return view.stage();
    }

    /** When the app quits: a key still on the clipboard is cleared. */
    public void onQuit() {
        clipboard.onQuit();
    }

    public ClipboardGuard clipboard() {
        return clipboard;
    }

    private Scene styled(Scene scene) {
        ThemeChoice t = theme.get();
        if (t != null) {
            Themes.style(scene, t);
        }
        return scene;
    }
}
