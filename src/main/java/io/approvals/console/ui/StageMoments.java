package io.approvals.console.ui;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** When to run work on the one stage: once it shows, after its next frame; and its icons. */
final class StageMoments {
    private StageMoments() {}

    /** Runs an action soon after the window shows (at once when it shows already): a dialog needs its owner shown. */
    static void whenShowing(Stage stage, Runnable action) {
        if (stage.isShowing()) {
            Platform.runLater(action);
            return;
        }
        stage.showingProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (is) {
                    stage.showingProperty().removeListener(this);
                    Platform.runLater(action);
                }
            }
        });
    }

    /** Runs an action after the scene's next layout pulse. */
    static void afterNextFrame(Stage stage, Runnable action) {
        Scene scene = stage.getScene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    static void addIcons(Stage stage) {
        for (int size : new int[] {16, 32, 64, 256}) {
            var icon = ConsoleUi.class.getResource("/io/approvals/console/ui/icons/icon-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
    }
}
