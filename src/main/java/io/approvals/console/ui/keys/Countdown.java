package io.approvals.console.ui.keys;

import io.approvals.console.ui.common.UiTicker;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleLongProperty;

/**
 * The seconds left of something that ends by itself (a revealed key, a copied key), ticking once a second while
 * it runs. For the eye only: the timers of the view model decide when it ends. A {@link UiTicker}, not a Timeline,
 * so a countdown does not draw 60 frames a second.
 */
final class Countdown {
    private final SimpleLongProperty left = new SimpleLongProperty();
    private final UiTicker tick = new UiTicker(java.time.Duration.ofSeconds(1), this::step);
    private long endsAtNanos;

    /** Starts counting down from `length` when running, else stops. */
    void restart(boolean running, java.time.Duration length) {
        tick.stop();
        if (running) {
            endsAtNanos = System.nanoTime() + length.toNanos();
            left.set(length.toSeconds());
            tick.play();
        } else {
            left.set(0);
        }
    }

    private void step() {
        long s = Math.max(0, (long) Math.ceil((endsAtNanos - System.nanoTime()) / 1e9));
        left.set(s);
        if (s == 0) {
            tick.stop();
        }
    }

    /** The text under a bundle key, {0} being the seconds left. */
    StringBinding text(String key) {
        return Bindings.createStringBinding(
                () -> io.approvals.console.ui.common.Messages.format(key, left.get()), left);
    }
}
