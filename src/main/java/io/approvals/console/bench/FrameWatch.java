package io.approvals.console.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Times "key event → the end of the layout of the frame that shows the result", for results that may appear in
 * another window (a dialog) or some frames later (after a server call): every window's scene, also of windows
 * opened later, reports the end of each layout pass; a measurement ends at the first one at which its condition
 * holds. While a measurement waits, a pulse is asked for every frame, as a screen would show one.
 */
final class FrameWatch implements AutoCloseable {
    private final Map<Scene, Runnable> listeners = new HashMap<>();
    private final ListChangeListener<Window> windows = c -> {
        while (c.next()) {
            c.getAddedSubList().forEach(w -> watch(w.getScene()));
        }
    };
    private Probe current;
    private volatile Split last;

    FrameWatch() throws Exception {
        Fx.run(() -> {
            Window.getWindows().addListener(windows);
            Window.getWindows().forEach(w -> watch(w.getScene()));
        });
    }

    private void watch(Scene scene) {
        if (scene != null && !listeners.containsKey(scene)) {
            Runnable l = () -> laidOut(scene);
            listeners.put(scene, l);
            scene.addPostLayoutPulseListener(l);
            scene.addPreLayoutPulseListener(() -> {
                Probe p = current;
                if (p != null && p.pulseAt == 0 && p.actionEndAt != 0) {
                    p.pulseAt = System.nanoTime();
                }
            });
        }
    }

    private void laidOut(Scene scene) {
        Probe p = current;
        if (p == null) {
            return;
        }
        long now = System.nanoTime();
        for (Map.Entry<String, Predicate<Scene>> m : p.milestones.entrySet()) {
            if (!p.reached.containsKey(m.getKey()) && m.getValue().test(scene)) {
                p.reached.put(m.getKey(), (now - p.startedAt) / 1e6);
            }
        }
        if (p.reached.size() == p.milestones.size()) {
            current = null;
            if (p.pulseAt != 0) {
                last = new Split(
                        (p.actionEndAt - p.startedAt) / 1e6,
                        (p.pulseAt - p.actionEndAt) / 1e6,
                        (now - p.pulseAt) / 1e6);
            }
            p.done.complete(Map.copyOf(p.reached));
        } else {
            Platform.requestNextPulse();
        }
    }

    /** One milestone: ms from just before the action to the first frame at which done holds. */
    double time(Runnable action, Predicate<Scene> done) throws Exception {
        Map<String, Double> r = time(action, Map.of("done", done), 10_000);
        Double ms = r.get("done");
        if (ms == null) {
            throw new IllegalStateException("no frame showed the result within 10 s");
        }
        return ms;
    }

    /**
     * Several milestones of one action (e.g. "dialog gone", "next row selected"); those not reached within
     * timeoutMs are missing from the answer.
     */
    Map<String, Double> time(Runnable action, Map<String, Predicate<Scene>> milestones, long timeoutMs)
            throws Exception {
        Probe p = new Probe(new LinkedHashMap<>(milestones));
        Platform.runLater(() -> {
            current = p;
            p.startedAt = System.nanoTime();
            try {
                action.run();
            } catch (Throwable e) {
                current = null;
                p.done.completeExceptionally(e);
                return;
            }
            p.actionEndAt = System.nanoTime();
            Platform.requestNextPulse();
        });
        try {
            return p.done.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Fx.call(() -> {
                if (current == p) {
                    current = null;
                }
                return Map.copyOf(p.reached);
            });
        }
    }

    /**
     * Where the time of the last action measured went, when its result showed in the first frame after it: the
     * action itself (event handling and what it changed), the wait for the next pulse of JavaFX's 60 Hz frame
     * clock, and that pulse's CSS and layout.
     */
    record Split(double actionMs, double waitMs, double frameMs) {
        double ownWorkMs() {
            return actionMs + frameMs;
        }
    }

    /** The split of the last measured action whose result showed in the first frame after it, if any. */
    Split lastSplit() {
        return last;
    }

    /** Waits for n frames of quiet (nothing measured), so that one measurement's aftermath is not the next's. */
    void settle(int frames) throws Exception {
        for (int i = 0; i < frames; i++) {
            int[] seen = new int[1];
            time(() -> {}, s -> ++seen[0] > 0);
        }
    }

    @Override
    public void close() throws Exception {
        Fx.run(() -> {
            Window.getWindows().removeListener(windows);
            listeners.forEach((scene, l) -> scene.removePostLayoutPulseListener(l));
            listeners.clear();
        });
    }

    // ---- the user's keys, as events on the focused control of a window ----

    /** A key press (and release) on the focus owner of the scene; Ctrl held when shortcut. Call on the FX thread. */
    static void press(Scene scene, KeyCode code, boolean shortcut) {
        Node target = target(scene);
        Event.fireEvent(
                target,
                new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", code, false, shortcut, false, false));
        Event.fireEvent(
                target(scene),
                new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", code, false, shortcut, false, false));
    }

    /** A character typed on the focus owner: pressed, typed, released. Call on the FX thread. */
    static void type(Scene scene, char c) {
        KeyCode code = KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c)));
        if (code == null) {
            code = c == ' ' ? KeyCode.SPACE : KeyCode.UNDEFINED;
        }
        Node target = target(scene);
        Event.fireEvent(
                target,
                new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", code, false, false, false, false));
        Event.fireEvent(
                target,
                new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, false, false, false, false));
        Event.fireEvent(
                target,
                new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", code, false, false, false, false));
    }

    private static Node target(Scene scene) {
        Node focus = scene.getFocusOwner();
        return focus != null ? focus : scene.getRoot();
    }

    /** The showing stages other than the given ones: the open dialogs. Call on the FX thread. */
    static List<Stage> dialogs(Window... besides) {
        List<Stage> out = new ArrayList<>();
        outer:
        for (Window w : Window.getWindows()) {
            if (!(w instanceof Stage s) || !s.isShowing()) {
                continue;
            }
            for (Window b : besides) {
                if (b == w) {
                    continue outer;
                }
            }
            out.add(s);
        }
        return out;
    }

    private static final class Probe {
        final Map<String, Predicate<Scene>> milestones;
        final Map<String, Double> reached = new LinkedHashMap<>();
        final CompletableFuture<Map<String, Double>> done = new CompletableFuture<>();
        long startedAt;
        long actionEndAt;
        long pulseAt;

        Probe(Map<String, Predicate<Scene>> milestones) {
            this.milestones = milestones;
        }
    }
}
