package io.approvals.console.ui.keys;

import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.KeyAdmin;
import io.approvals.console.service.RotationRecovery;
import io.approvals.console.service.RotationResult;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The key windows, for the main window to open from its menu ("Key…", "Admin…"): one per app, holding
 * the clipboard guard so every copied key is cleared on quit. Call on the JavaFX thread; the work runs
 * through {@link KeyTasks}.
 */
public final class KeyUi {
    private final ConnectionService service;
    private final KeyTasks tasks;
    private final Timers timers;
    private final ClipboardGuard clipboard;
    private final Clock clock;

    /** The real one: JavaFX timers and the system clipboard. */
    public KeyUi(ConnectionService service, KeyTasks tasks, Clock clock) {
        this(service, tasks, new FxTimers(), new FxSecretClipboard(), clock);
    }

    public KeyUi(ConnectionService service, KeyTasks tasks, Timers timers, SecretClipboard clipboard, Clock clock) {
        this.service = service;
        this.tasks = tasks;
        this.timers = timers;
        this.clipboard = new ClipboardGuard(clipboard, timers);
        this.clock = clock;
    }

    /**
     * At start, before a connection is opened: finishes or rolls back interrupted rotations of every
     * connection; report gets what happened (usually nothing) to show in a banner.
     */
    public void recoverAtStart(Consumer<List<RotationResult>> report) {
        tasks.run(() -> new RotationRecovery(service).recoverAll(), report, e -> { });
    }

    /** The key window of a connection; onKeyChanged gets the profile after a replace or a rotation. */
    public Stage showKeyPanel(Window owner, String profile, Consumer<String> onKeyChanged) {
        KeyPanelViewModel vm = new KeyPanelViewModel(service, profile, tasks, timers, clipboard, clock, onKeyChanged);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Key \u2014 " + profile);
        KeyPanel panel = new KeyPanel(vm, () -> showAdmin(stage, profile));
        stage.setScene(new Scene(panel));
        stage.setOnHidden(e -> vm.dispose());
        stage.show();
        vm.load();
        return stage;
    }

    /** The admin window for a connection whose key has admin. */
    public Stage showAdmin(Window owner, String profile) {
        KeyAdminViewModel vm = new KeyAdminViewModel(new KeyAdmin(service, profile), tasks, clock);
        KeyAdminView view = new KeyAdminView(vm, clipboard);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Keys \u2014 " + profile + " (admin)");
        stage.setScene(new Scene(view));
        stage.show();
        view.start();
        return stage;
    }

    /** When the app quits: a key still on the clipboard is cleared. */
    public void onQuit() {
        clipboard.onQuit();
    }

    public ClipboardGuard clipboard() {
        return clipboard;
    }
}
