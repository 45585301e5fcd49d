package io.approvals.console.ui.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;

/** Who moved a scene's focus, with the calls that did it: the diagnostics a rare focus failure needs. */
final class FocusMoves {
    private final List<String> moves = new ArrayList<>();

    /** Call on the UI thread; records every later change of the scene's focus owner. */
    void record(Scene scene) {
        scene.focusOwnerProperty()
                .addListener((o, was, now) -> moves.add(describe(was) + " -> " + describe(now) + " (in the scene: "
                        + (now != null && now.getScene() == scene) + ")\n" + calls()));
    }

    private static String describe(Node node) {
        return node == null
                ? "null"
                : node.getClass().getSimpleName() + "#" + node.getId() + "@"
                        + Integer.toHexString(System.identityHashCode(node));
    }

    private static String calls() {
        return Stream.of(new Throwable().getStackTrace())
                .skip(2)
                .filter(f -> !f.getClassName().startsWith("com.sun.javafx.binding")
                        && !f.getClassName().startsWith("javafx.beans"))
                .limit(16)
                .map(f -> "    at " + f)
                .collect(Collectors.joining("\n"));
    }

    @Override
    public synchronized String toString() {
        return String.join("\n", moves);
    }
}
