package io.approvals.console.ui;

import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.FxmlView;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.ViewLoader;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A dialog loaded once and shown again for each new view model (bench "interaction": parsing the FXML, making the
 * controls and their skins was a fifth of each open, and the styles of controls that stay are ready). Shown again
 * only while closed and in the language it was loaded in; a language change loads it again.
 */
public final class ReusedDialog<C extends DialogController, M> {
    private final FxmlView view;
    private final BiConsumer<C, M> use;
    private C dialog;
    private ResourceBundle loadedWith;

    /** use: gives a kept controller the next view model (undoing everything the last one left). */
    public ReusedDialog(FxmlView view, BiConsumer<C, M> use) {
        this.view = view;
        this.use = use;
    }

    /** Shows the kept dialog again for this view model, or loads a new one (and keeps it). UI thread. */
    public void show(DialogService dialogs, M model, Function<M, C> load) {
        C again = closed();
        if (again != null) {
            use.accept(again, model);
            dialogs.show(again);
        } else {
            dialog = dialogs.show(view, load.apply(model));
            loadedWith = Messages.bundle();
        }
    }

    /**
     * Loads the dialog for this view model without showing it, when none is loaded yet (start-up's idle moment; the
     * first A or Ctrl+N then only binds its approval). UI thread.
     */
    public void prepare(M model, Function<M, C> load) {
        if (dialog == null) {
            dialog = ViewLoader.load(view, load.apply(model));
            loadedWith = Messages.bundle();
        }
    }

    /** The dialog to show again, or null when a new one must be loaded (none yet, showing, other language). */
    private C closed() {
        if (dialog == null || loadedWith != Messages.bundle() || dialog.root() == null) {
            return null;
        }
        return dialog.stage() != null && dialog.stage().isShowing() ? null : dialog;
    }
}
