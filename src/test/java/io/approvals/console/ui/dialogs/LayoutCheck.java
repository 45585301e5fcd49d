package io.approvals.console.ui.dialogs;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;

/**
 * What a user would see as broken in a window: a Labeled showing an ellipsis (unless its tooltip carries the full
 * text, as dialog headings do), a node outside the window, a window outside its screen.
 */
final class LayoutCheck {
    private LayoutCheck() {}

    static List<String> problems(Stage stage, Rectangle2D screen) {
        List<String> out = new ArrayList<>();
        if (stage.getX() < screen.getMinX() - 1
                || stage.getY() < screen.getMinY() - 1
                || stage.getX() + stage.getWidth() > screen.getMaxX() + 1
                || stage.getY() + stage.getHeight() > screen.getMaxY() + 1) {
            out.add("window " + bounds(stage) + " is not within the screen " + screen);
        }
        if (stage.getWidth() > screen.getWidth() * 0.9 + 1) {
            out.add("window is " + stage.getWidth() + " px wide, more than 90 % of " + screen.getWidth());
        }
        Scene scene = stage.getScene();
        walk(scene.getRoot(), scene, out, false);
        return out;
    }

    /** insideScroll: in a scroll pane's content, where only cut texts count (the rest scrolls into view). */
    private static void walk(Node n, Scene scene, List<String> out, boolean insideScroll) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            walk(sp.getContent(), scene, out, true);
        }
        Bounds b = n.localToScene(n.getLayoutBounds());
        if (!insideScroll
                && b.getWidth() > 0
                && b.getHeight() > 0
                && (b.getMinX() < -1
                        || b.getMinY() < -1
                        || b.getMaxX() > scene.getWidth() + 1
                        || b.getMaxY() > scene.getHeight() + 1)) {
            out.add(describe(n) + " at " + b + " is outside the " + scene.getWidth() + "x" + scene.getHeight()
                    + " window");
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            String shown = shownText(l);
            Tooltip t = l.getTooltip();
            boolean fullInTooltip = t != null && l.getText().equals(t.getText());
            if (shown != null
                    && !fullInTooltip
                    && shown.contains(l.getEllipsisString())
                    && !l.getText().contains(l.getEllipsisString())) {
                out.add(describe(n) + " shows \u201c" + shown + "\u201d (cut)");
            }
        }
        if (n instanceof javafx.scene.control.Label l
                && l.getStyleClass().contains(io.approvals.console.ui.common.DialogService.HEADING)
                && l.getText() != null) {
            Text probe = new Text("Xg");
            probe.setFont(l.getFont());
            double lines = (l.getHeight() - l.snappedTopInset() - l.snappedBottomInset())
                    / probe.getLayoutBounds().getHeight();
            if (lines > io.approvals.console.ui.common.DialogService.HEADING_LINES + 0.5) {
                out.add(describe(n) + " is " + Math.round(lines) + " lines high (at most "
                        + io.approvals.console.ui.common.DialogService.HEADING_LINES + ")");
            }
            String shown = shownText(l);
            if (shown != null
                    && shown.endsWith(l.getEllipsisString())
                    && lines < io.approvals.console.ui.common.DialogService.HEADING_LINES - 0.5) {
                out.add(describe(n) + " is cut after " + Math.round(lines) + " lines (it may have "
                        + io.approvals.console.ui.common.DialogService.HEADING_LINES + ")");
            }
            if (shown != null
                    && !shown.replace("\n", " ").strip().equals(l.getText().strip())
                    && (l.getTooltip() == null
                            || !l.getText().equals(l.getTooltip().getText()))) {
                out.add(describe(n) + " is cut without its full text in a tooltip");
            }
        }
        if (n instanceof javafx.scene.control.TabPane tabs
                && tabs.getSelectionModel().getSelectedItem() != null
                && tabs.getSelectionModel().getSelectedItem().getContent() != null) {
            walk(tabs.getSelectionModel().getSelectedItem().getContent(), scene, out, insideScroll);
        }
        // a control's inside is its own business (tables scroll, fields scroll), except the texts checked above
        if (n instanceof Parent p && !(n instanceof Control)) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, scene, out, insideScroll);
            }
        }
    }

    private static String shownText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t) {
                return t.getText();
            }
        }
        return null;
    }

    private static String describe(Node n) {
        String id = n.getId() == null ? "" : "#" + n.getId();
        String text = n instanceof Labeled l && l.getText() != null
                ? " \u201c" + (l.getText().length() > 40 ? l.getText().substring(0, 40) + "\u2026" : l.getText())
                        + "\u201d"
                : "";
        return n.getClass().getSimpleName() + id + text;
    }

    private static String bounds(Stage s) {
        return "[" + s.getX() + ", " + s.getY() + ", " + s.getWidth() + " x " + s.getHeight() + "]";
    }
}
