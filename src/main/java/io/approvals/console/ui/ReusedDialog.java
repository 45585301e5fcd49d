package io.approvals.console.ui;

import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.Messages;
import java.util.ResourceBundle;

/**
 * A dialog loaded once and shown again (bench "interaction": parsing the FXML, making the controls and their skins
 * was a fifth of each open, and the styles of controls that stay are ready). Given back only while closed and in the
 * language it was loaded in; a language change loads it again.
 */
final class ReusedDialog<C extends DialogController> {
    private C dialog;
    private ResourceBundle loadedWith;

    /** The dialog to show again, or null when a new one must be loaded (none yet, showing, other language). */
    C closed() {
        if (dialog == null || loadedWith != Messages.bundle() || dialog.root() == null) {
            return null;
        }
        return dialog.stage() != null && dialog.stage().isShowing() ? null : dialog;
    }

    /** Keeps a newly loaded dialog for the next time. */
    C keep(C loaded) {
        dialog = loaded;
        loadedWith = Messages.bundle();
        return loaded;
    }
}
