package io.approvals.console.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/**
 * Frame times of a table while it is scrolled a page at a time (Page Down, then Page Up, as key events on the
 * table) and while its window is dragged to another size (a step of a few pixels per frame, as a window manager
 * sends them): each step → the end of the layout of the frame that shows it.
 */
final class ScrollResize {
    private ScrollResize() {}

    static List<Double> scrollPages(FrameWatch watch, Stage stage, TableView<?> table, int pages) throws Exception {
        Scene scene = stage.getScene();
        Fx.run(() -> {
            table.getSelectionModel().clearAndSelect(0);
            table.scrollTo(0);
            table.requestFocus();
        });
        watch.settle(3);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            KeyCode key = i < pages / 2 ? KeyCode.PAGE_DOWN : KeyCode.PAGE_UP;
            out.add(watch.time(() -> FrameWatch.press(scene, key, false), s -> s == scene));
        }
        return out;
    }

    /** Shrinks the window from its size towards 900×600 and back, in steps; null when the window did not follow. */
    static List<Double> dragSize(FrameWatch watch, Stage stage, int steps) throws Exception {
        Scene scene = stage.getScene();
        double[] start = Fx.call(() -> new double[] {
            stage.getWidth(),
            stage.getHeight(),
            stage.getWidth() - scene.getWidth(),
            stage.getHeight() - scene.getHeight()
        });
        List<Double> out = new ArrayList<>();
        int half = Math.max(1, steps / 2);
        for (int i = 1; i <= steps; i++) {
            double f = i <= half ? (double) i / half : (double) (steps - i) / half;
            double w = Math.round(start[0] + f * (900 - start[0]));
            double h = Math.round(start[1] + f * (600 - start[1]));
            Map<String, Double> r = watch.time(
                    () -> {
                        stage.setWidth(w);
                        stage.setHeight(h);
                    },
                    Map.of(
                            "done",
                            s -> s == scene
                                    && Math.abs(scene.getWidth() + start[2] - w) < 1.5
                                    && Math.abs(scene.getHeight() + start[3] - h) < 1.5),
                    3000);
            if (!r.containsKey("done")) {
                Fx.run(() -> {
                    stage.setWidth(start[0]);
                    stage.setHeight(start[1]);
                });
                return null;
            }
            out.add(r.get("done"));
        }
        return out;
    }

    static void report(Results results, String what, List<Double> frames, String note) {
        Stats s = Stats.of(frames);
        long over16 = frames.stream().filter(ms -> ms > 16.7).count();
        long over50 = frames.stream().filter(ms -> ms > 50).count();
        results.add(new Figure("100k", what + ": frame time p50", "ms", s, null, "", null, note));
        boolean app = !what.startsWith("floor");
        results.add(new Figure(
                "100k",
                what + ": frame time p99",
                "ms",
                new Stats(s.p99(), s.min(), s.max(), s.p95(), s.p99(), s.n()),
                null,
                app ? "<= 16.7 ms" : "",
                app ? s.p99() <= 16.7 : null,
                ""));
        results.add(new Figure(
                "100k",
                what + ": frames over 16.7 ms",
                "frames",
                BenchCommand.single(over16),
                null,
                "",
                null,
                String.format(Locale.ROOT, "of %d", frames.size())));
        results.add(new Figure(
                "100k",
                what + ": frames over 50 ms",
                "frames",
                BenchCommand.single(over50),
                null,
                app ? "0" : "",
                app ? over50 == 0 : null,
                String.format(Locale.ROOT, "of %d", frames.size())));
    }
}
