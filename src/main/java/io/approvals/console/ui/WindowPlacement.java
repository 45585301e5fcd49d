package io.approvals.console.ui;

import io.approvals.console.ui.session.WindowState;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The main window's place and size: where it was last time, when that is still on a screen, made to fit that
 * screen; else 1280×800 (or the screen, if smaller) in the middle of the primary screen. A window larger than its
 * screen would put its title bar or its status bar out of reach on a small laptop.
 */
final class WindowPlacement {
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    /** How much of a saved window must still be on a screen for it to open there (a title bar's worth). */
    private static final double VISIBLE = 48;

    private WindowState last;

    /** The bounds to open with, from the last state (or null) and the screens' visual bounds (primary first). */
    static Rectangle2D fit(WindowState saved, List<Rectangle2D> screens) {
        if (saved != null && saved.width() > 0 && saved.height() > 0) {
            Rectangle2D was = new Rectangle2D(saved.x(), saved.y(), saved.width(), saved.height());
            for (Rectangle2D s : screens) {
                if (overlap(was, s) >= VISIBLE * VISIBLE) {
                    return within(s, saved.x(), saved.y(), saved.width(), saved.height());
                }
            }
        }
        Rectangle2D s = screens.get(0);
        double w = Math.min(DEFAULT_WIDTH, s.getWidth());
        double h = Math.min(DEFAULT_HEIGHT, s.getHeight());
        return within(s, s.getMinX() + (s.getWidth() - w) / 2, s.getMinY() + (s.getHeight() - h) / 2, w, h);
    }

    private static Rectangle2D within(Rectangle2D s, double x, double y, double w, double h) {
        double width = Math.min(w, s.getWidth());
        double height = Math.min(h, s.getHeight());
        double left = Math.max(s.getMinX(), Math.min(x, s.getMaxX() - width));
        double top = Math.max(s.getMinY(), Math.min(y, s.getMaxY() - height));
        return new Rectangle2D(left, top, width, height);
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w <= 0 || h <= 0 ? 0 : w * h;
    }

    /**
     * Places the stage (not yet shown) and follows it from then on; a second call does nothing (the main window may
     * be placed while it is built, before it is shown). UI thread.
     */
    void place(Stage stage, WindowState saved) {
        if (last != null) {
            return;
        }
        List<Rectangle2D> screens = Screen.getScreens().stream()
                .sorted((a, b) -> a == Screen.getPrimary() ? -1 : b == Screen.getPrimary() ? 1 : 0)
                .map(Screen::getVisualBounds)
                .toList();
        Rectangle2D b = fit(saved, screens);
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
        stage.setMaximized(saved != null && saved.maximized());
        last = new WindowState(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(), stage.isMaximized());
        Runnable follow = () -> {
            if (stage.isMaximized() || stage.isIconified() || stage.isFullScreen()) {
                last = new WindowState(last.x(), last.y(), last.width(), last.height(), stage.isMaximized());
            } else if (stage.isShowing()) {
                last = new WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
        };
        stage.xProperty().addListener(o -> follow.run());
        stage.yProperty().addListener(o -> follow.run());
        stage.widthProperty().addListener(o -> follow.run());
        stage.heightProperty().addListener(o -> follow.run());
        stage.maximizedProperty().addListener(o -> follow.run());
    }

    /** The state to save at exit; null when the window was never placed. */
    WindowState state() {
        return last;
    }
}
