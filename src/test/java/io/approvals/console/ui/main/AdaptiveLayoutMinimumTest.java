package io.approvals.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The main window's minimum size fits the screen it is on, not only the primary one. */
class AdaptiveLayoutMinimumTest {
    /** A 1920×1080 monitor (primary) and, to its right, a small netbook-like screen with a 32 px panel. */
    private static final Rectangle2D MONITOR = new Rectangle2D(0, 0, 1920, 1080);

    private static final Rectangle2D SMALL = new Rectangle2D(1920, 32, 1024, 536);
    private static final List<Rectangle2D> SCREENS = List.of(MONITOR, SMALL);

    @Test
    void onALargeScreenTheMinimumIs900x600() {
        assertThat(AdaptiveLayout.minimum(new Rectangle2D(100, 100, 1280, 800), MONITOR, SCREENS))
                .isEqualTo(new Rectangle2D(0, 0, 900, 600));
    }

    @Test
    void onASmallerScreenThanThatItIsThatScreen_sHeight() {
        assertThat(AdaptiveLayout.minimum(new Rectangle2D(1950, 40, 960, 500), MONITOR, SCREENS))
                .isEqualTo(new Rectangle2D(0, 0, 900, 536));
    }

    @Test
    void aSmallPrimaryScreenDoesNotShrinkTheMinimumOnALargeOne() {
        assertThat(AdaptiveLayout.minimum(new Rectangle2D(100, 100, 1280, 800), SMALL, SCREENS))
                .isEqualTo(new Rectangle2D(0, 0, 900, 600));
    }

    @Test
    void beforeTheWindowHasAPlaceOrWhenItIsOffEveryScreenThePrimaryScreenCounts() {
        Rectangle2D unplaced = new Rectangle2D(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        assertThat(AdaptiveLayout.minimum(unplaced, SMALL, SCREENS)).isEqualTo(new Rectangle2D(0, 0, 900, 536));
        assertThat(AdaptiveLayout.minimum(new Rectangle2D(-5000, -5000, 800, 600), SMALL, SCREENS))
                .isEqualTo(new Rectangle2D(0, 0, 900, 536));
    }
}
