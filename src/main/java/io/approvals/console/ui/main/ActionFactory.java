package io.approvals.console.ui.main;

import io.approvals.console.ui.common.Icons;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.Tooltips;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCombination;

/**
 * Wires each {@link MainAction} once: the view binds what it does and when it can ({@link #bind}); menu items,
 * buttons, window keys and table keys are made from that, so they cannot disagree (JabRef's ActionFactory).
 */
final class ActionFactory {
    private final Map<MainAction, BooleanProperty> executable = new EnumMap<>(MainAction.class);
    private final Map<MainAction, Runnable> commands = new EnumMap<>(MainAction.class);
    private final boolean canWrite;

    /** canWrite: whether the key has `write` (fixed for a window: a new key makes a new window). */
    ActionFactory(boolean canWrite) {
        this.canWrite = canWrite;
    }

    /** Told why a key (A, R, Ctrl+N…) did nothing: a key without `write`; the greyed buttons say it only on hover. */
    private java.util.function.Consumer<String> refused = why -> {};

    void onRefused(java.util.function.Consumer<String> refused) {
        this.refused = refused;
    }

    /** What the action does and when it can; may come after its menu item or button was made. */
    void bind(MainAction a, ObservableBooleanValue when, Runnable run) {
        executable(a).bind(when);
        commands.put(a, run);
    }

    void bind(MainAction a, Runnable run) {
        bind(a, new SimpleBooleanProperty(true), run);
    }

    /** Runs the action when it can run now; false when it could not. */
    boolean execute(MainAction a) {
        Runnable run = commands.get(a);
        if (run == null || !executable(a).get()) {
            if (run != null && a.needsWrite() && !canWrite) {
                refused.accept(Messages.get("main.needsWrite"));
            }
            return false;
        }
        run.run();
        return true;
    }

    BooleanProperty executable(MainAction a) {
        return executable.computeIfAbsent(a, x -> new SimpleBooleanProperty(false));
    }

    /** The tooltip: what it does and its key, or why it cannot (a key without `write`). */
    String tooltip(MainAction a) {
        return a.needsWrite() && !canWrite ? Messages.get("main.needsWrite") : a.tooltip();
    }

    MenuItem menuItem(MainAction a) {
        MenuItem item = new MenuItem(a.menuText());
        if (!a.windowKeys().isEmpty()) {
            item.setAccelerator(a.windowKeys().get(0));
        } else if (!a.tableKeys().isEmpty()) {
            // shown, not installed: a plain letter as a menu accelerator would fire while typing in the search
            item.setText(a.menuText() + "   " + a.tableKeys().get(0).getDisplayText());
        }
        item.setId(idOf(a) + "MenuItem");
        item.disableProperty().bind(executable(a).not());
        item.setOnAction(e -> execute(a));
        return item;
    }

    /** A tool bar button with icon and text. */
    Button button(MainAction a) {
        Button b = Icons.button(a.text(), a.icon());
        b.setAccessibleText(a.text());
        b.disableProperty().bind(executable(a).not());
        b.setOnAction(e -> execute(a));
        return b;
    }

    /** An icon-only button; its tooltip and accessible text name the action. */
    Button iconButton(MainAction a) {
        Button b = Icons.iconButton(a.icon(), tooltip(a));
        b.disableProperty().bind(executable(a).not());
        b.setOnAction(e -> execute(a));
        return b;
    }

    /** A toggle that shows and sets a state (the quick filters, the details drawer). */
    ToggleButton toggle(MainAction a, BooleanProperty state) {
        ToggleButton t =
                new ToggleButton(a.icon() == null ? a.text() : null, a.icon() == null ? null : Icons.of(a.icon()));
        t.setAccessibleText(a.icon() == null ? Messages.format("main.filter.accessible", a.text()) : a.text());
        t.selectedProperty().bindBidirectional(state);
        t.disableProperty().bind(executable(a).not());
        if (a.icon() != null) {
            Tooltips.install(t, tooltip(a));
        }
        return t;
    }

    /** Window keys (Ctrl+N, F5, Alt+1…) as scene accelerators. */
    void installWindowKeys(Scene scene) {
        for (MainAction a : MainAction.values()) {
            for (KeyCombination k : a.windowKeys()) {
                scene.getAccelerators().put(k, () -> execute(a));
            }
        }
    }

    /** Table keys (A, R, Shift+A, Enter): consumed when they match, run when the action can run. */
    void installTableKeys(Node table) {
        table.setOnKeyPressed(e -> {
            for (MainAction a : MainAction.values()) {
                for (KeyCombination k : a.tableKeys()) {
                    if (k.match(e)) {
                        execute(a);
                        e.consume();
                        return;
                    }
                }
            }
        });
    }

    private static String idOf(MainAction a) {
        return a.bundleKey().substring("action.".length());
    }
}
