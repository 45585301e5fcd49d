package io.approvals.console.ui.fx;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;

/** What a test reads off the scene by query, said once for the UI tests. */
final class Lookups {
    private Lookups() {}

    /** The text of the labeled node the query finds (it must find one). */
    static String text(FxRobot robot, String query) {
        return robot.lookup(query).<Labeled>query().getText();
    }

    /** Whether the query finds a node and that node is visible. */
    static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }
}
