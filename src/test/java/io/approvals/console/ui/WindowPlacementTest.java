package io.approvals.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.ui.session.WindowState;
import java.util.List;
import javafx.geometry.Rectangle2D;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Where the main window opens: never larger than its screen, never off every screen, where it was when it can. */
class WindowPlacementTest {
    /** A 1400×900 desktop with a 27 px top panel, and a 1920×1080 monitor to its right. */
    static final Rectangle2D LAPTOP = new Rectangle2D(0, 27, 1400, 873);

    static final Rectangle2D MONITOR = new Rectangle2D(1400, 0, 1920, 1080);

    @Test
    void theFirstTimeIt_s1280x800InTheMiddleOfThePrimaryScreen() {
        assertThat(WindowPlacement.fit(null, List.of(LAPTOP, MONITOR)))
                .isEqualTo(new Rectangle2D(60, 27 + 36.5, 1280, 800));
    }

    @Test
    void onAScreenSmallerThanThatItFillsTheScreen() {
        Rectangle2D small = new Rectangle2D(0, 32, 1366, 736); // a 1366×768 laptop with a panel
        assertThat(WindowPlacement.fit(null, List.of(small))).isEqualTo(new Rectangle2D(43, 32, 1280, 736));
        Rectangle2D tiny = new Rectangle2D(0, 0, 900, 600);
        assertThat(WindowPlacement.fit(null, List.of(tiny))).isEqualTo(tiny);
    }

    @Test
    void itOpensWhereItWasAndAsLargeAsItWas() {
        WindowState onMonitor = new WindowState(1500, 100, 1600, 900, false);
        assertThat(WindowPlacement.fit(onMonitor, List.of(LAPTOP, MONITOR)))
                .isEqualTo(new Rectangle2D(1500, 100, 1600, 900));
    }

    @Test
    void aWindowLeftOnAMonitorNoLongerThereOpensOnThePrimaryScreen() {
        WindowState onMonitor = new WindowState(1500, 100, 1600, 900, true);
        assertThat(WindowPlacement.fit(onMonitor, List.of(LAPTOP)))
                .isEqualTo(new Rectangle2D(60, 27 + 36.5, 1280, 800));
    }

    @Test
    void aWindowLargerThanItsScreenNowIsMadeToFitAndMovedOntoIt() {
        // was on the big monitor, which is now the laptop's 1400×873 and only partly under it
        WindowState large = new WindowState(1000, 500, 1900, 1000, false);
        assertThat(WindowPlacement.fit(large, List.of(LAPTOP))).isEqualTo(LAPTOP);
        WindowState hangingOver = new WindowState(1300, 800, 1000, 700, false);
        assertThat(WindowPlacement.fit(hangingOver, List.of(LAPTOP))).isEqualTo(new Rectangle2D(400, 200, 1000, 700));
    }

    @Test
    void aSlidingGlimpseIsNotEnoughToOpenThere() {
        // only a 20 px corner of it was still on the screen: it could not be grabbed there
        WindowState corner = new WindowState(-1260, -780, 1280, 800, false);
        assertThat(WindowPlacement.fit(corner, List.of(LAPTOP))).isEqualTo(new Rectangle2D(60, 63.5, 1280, 800));
    }

    @Property(tries = 400)
    void theWindowIsAlwaysWhollyOnOneScreen(
            @ForAll @DoubleRange(min = -5000, max = 5000) double x,
            @ForAll @DoubleRange(min = -5000, max = 5000) double y,
            @ForAll @DoubleRange(min = -10, max = 6000) double w,
            @ForAll @DoubleRange(min = -10, max = 6000) double h,
            @ForAll @IntRange(min = 320, max = 3840) int screenW,
            @ForAll @IntRange(min = 240, max = 2160) int screenH,
            @ForAll boolean saved) {
        Rectangle2D primary = new Rectangle2D(0, 0, screenW, screenH);
        Rectangle2D b =
                WindowPlacement.fit(saved ? new WindowState(x, y, w, h, false) : null, List.of(primary, MONITOR));
        assertThat(List.of(primary, MONITOR)).as("%s inside one screen", b).anySatisfy(s -> {
            assertThat(b.getMinX()).isGreaterThanOrEqualTo(s.getMinX());
            assertThat(b.getMinY()).isGreaterThanOrEqualTo(s.getMinY());
            assertThat(b.getMaxX()).isLessThanOrEqualTo(s.getMaxX());
            assertThat(b.getMaxY()).isLessThanOrEqualTo(s.getMaxY());
        });
        assertThat(b.getWidth()).isPositive();
        assertThat(b.getHeight()).isPositive();
    }
}
