package io.approvals.console.bench;

import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The JavaFX toolkit inside the bench JVM, and the two clocks the bench reads off it: time from an action to the
 * next frame, and the gaps between frames while something runs.
 */
final class Fx {
    private static boolean started;

    private Fx() {}

    /** Starts the toolkit once (needs a display); it stays up until the bench ends. */
    static synchronized void start() throws Exception {
        if (started) {
            return;
        }
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        Platform.setImplicitExit(false);
        up.get(60, TimeUnit.SECONDS);
        started = true;
    }

    /** Shows a window of the main window's size with the app's light theme, as the desktop app would. */
    static Stage themedStage(String title) throws Exception {
        return call(() -> {
            Themes.apply(ThemeChoice.LIGHT);
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(), 1280, 800));
            Themes.style(s.getScene(), ThemeChoice.LIGHT);
            s.setTitle(title);
            s.show();
            return s;
        });
    }

    /** Runs on the FX thread and waits for the result. */
    static <T> T call(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(5, TimeUnit.MINUTES);
    }

    static void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Times "action → next frame" on a scene: from just before the action (on the FX thread) to the end of the
     * layout pass of the next pulse, i.e. the frame that shows the action's result, as it is handed to the
     * renderer. One permanent listener per scene: pulse listeners are not removed while a pulse runs them.
     */
    static final class FrameTimer {
        private final Scene scene;
        private long startedAt;
        private CompletableFuture<Double> waiting;

        FrameTimer(Scene scene) throws Exception {
            this.scene = scene;
            run(() -> scene.addPostLayoutPulseListener(this::pulse));
        }

        private void pulse() {
            if (waiting != null) {
                CompletableFuture<Double> w = waiting;
                waiting = null;
                w.complete((System.nanoTime() - startedAt) / 1e6);
            }
        }

        /** Runs the action on the FX thread and returns ms to the next frame. */
        double time(Runnable action) throws Exception {
            CompletableFuture<Double> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                startedAt = System.nanoTime();
                try {
                    action.run();
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                    return;
                }
                waiting = f;
                Platform.requestNextPulse();
            });
            return f.get(5, TimeUnit.MINUTES);
        }

        Scene scene() {
            return scene;
        }
    }

    /**
     * Records the intervals between pulses (an AnimationTimer asks for a pulse every frame, ~60 per second); the
     * largest one is how long the UI stood still.
     */
    static final class GapRecorder extends AnimationTimer {
        private final List<Double> gaps = new ArrayList<>();
        private long last;

        @Override
        public void handle(long now) {
            long t = System.nanoTime();
            if (last != 0) {
                gaps.add((t - last) / 1e6);
            }
            last = t;
        }

        /** Call on the FX thread after stop(). */
        List<Double> gaps() {
            return new ArrayList<>(gaps);
        }
    }
}
