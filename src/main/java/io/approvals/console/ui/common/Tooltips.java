package io.approvals.console.ui.common;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first comes over their node: a {@code Tooltip} is a popup window of its own, too
 * dear to make for the main window's first frame when most starts never show one. The text is at hand at once,
 * under {@link #TEXT} in the node's properties, and belongs in the node's accessible help as well (the callers set
 * it).
 */
public final class Tooltips {
    /** The node property that holds a tooltip's text before the tooltip exists. */
    public static final String TEXT = "tooltipText";

    private Tooltips() {}

    /** Gives the node a tooltip with this text from the first time the pointer enters it. */
    public static void install(Node node, String text) {
        node.getProperties().put(TEXT, text);
        EventHandler<MouseEvent> firstEntry = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip tooltip = new Tooltip(text);
                if (node instanceof Control control) {
                    control.setTooltip(tooltip);
                } else {
                    Tooltip.install(node, tooltip);
                }
            }
        };
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, firstEntry);
    }
}
