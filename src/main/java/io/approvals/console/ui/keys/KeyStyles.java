package io.approvals.console.ui.keys;

import javafx.scene.control.Label;

/** The few looks the key windows need, as inline styles so they work with any theme or none. */
final class KeyStyles {
    static final String MONO = "-fx-font-family: 'monospace';";
    static final String WARNING = "-fx-text-fill: #9a6700; -fx-font-weight: bold;";
    static final String PROBLEM = "-fx-text-fill: #cf222e;";
    static final String SOON_ROW = "-fx-background-color: #fff8c5;";
    static final String UNUSED_ROW = "-fx-font-style: italic;";

    private KeyStyles() {
    }

    static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
