package io.approvals.console.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a dialog's FXML with the UI's resource bundle ({@code %key} strings) and the controller the caller
 * made (constructor wiring: the controller gets its view model before the FXML fills its fields).
 */
public final class ViewLoader {
    private ViewLoader() {}

    /** Loads the view with this controller (the FXML's fx:controller names its class, for Scene Builder). */
    public static <C extends DialogController> C load(FxmlView view, C controller) {
        URL url = ViewLoader.class.getResource(view.path());
        if (url == null) {
            throw new IllegalStateException("No FXML at " + view.path());
        }
        FXMLLoader loader = new FXMLLoader(url, Messages.bundle());
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException(view + " wants a " + type.getName());
            }
            return controller;
        });
        try {
            Parent root = loader.load();
            controller.attach(root);
            return controller;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + view.path(), e);
        }
    }
}
