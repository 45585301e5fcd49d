package io.approvals.console.ui.common;

import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;

/**
 * A scroll pane as tall as the wrapped text in it, up to its maximum height, then scrolling. A plain one is asked
 * for its height without a width (it has no content bias), so a wrapped label in it asked for one line's height:
 * the decision dialog showed two lines of a four-line description behind a scroll bar.
 */
public class WrappedTextScrollPane extends ScrollPane {
    @Override
    public Orientation getContentBias() {
        return isFitToWidth() && getContent() != null ? getContent().getContentBias() : super.getContentBias();
    }
}
