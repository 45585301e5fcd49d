package io.approvals.console.ui.keys;

import java.time.Duration;
import javafx.animation.PauseTransition;

/** Timers on the JavaFX thread (PauseTransition); call from the JavaFX thread. */
public final class FxTimers implements Timers {

    @Override
    public Cancellable after(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> action.run());
        pause.play();
        return pause::stop;
    }
}
