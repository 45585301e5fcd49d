package io.approvals.console.bench;

import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.main.ApprovalRow;
import io.approvals.console.ui.main.MainView;
import io.approvals.console.ui.session.ConsoleSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Bulk approve 500 the way a user does: the main window (ConsoleUi) with the pending list, 500 rows chosen, the
 * app's bulk dialog (ConsoleUi.decide → BulkDecisionController → BulkDecisionViewModel), "Approve all" pressed; until
 * the dialog says it finished. Meanwhile an AnimationTimer records every gap between frames.
 */
final class BulkBench {
    static final int BATCH = 500;

    private final Results results;
    private final Path work;
    private final boolean quick;

    BulkBench(Results results, Path work, boolean quick) {
        this.results = results;
        this.work = work;
        this.quick = quick;
    }

    void run() throws Exception {
        Fx.start();
        int runs = quick ? 1 : 3;
        Path dir = Files.createTempDirectory(work, "bulk");
        List<Double> wall = new ArrayList<>();
        List<Double> rps = new ArrayList<>();
        List<Double> maxGaps = new ArrayList<>();
        int sent = 0;
        Set<String> sentIds = new HashSet<>();
        try (Sandbox sandbox = Sandbox.start(new SandboxConfig(dir.resolve("sandbox"), 0, BATCH * runs + 40));
                FxBackground background = new FxBackground()) {
            ConsoleSession session = BigQueueBench.session(sandbox);
            BenchEnvironment env = new BenchEnvironment(dir.resolve("cache"));
            Stage stage = Fx.themedStage("bench: bulk approve");
            ConsoleUi ui = Fx.call(() -> new ConsoleUi(stage, env, background, Clock.systemUTC(), "bench"));
            Fx.run(() -> ui.showMain(session));
            waitForRows(ui);
            Fx.run(() -> ui.mainView().viewModel().refreshSecondsProperty().set(0));
            for (int r = 0; r < runs; r++) {
                List<ApprovalRow> chosen = Fx.call(() -> ui.mainView().viewModel().rows().stream()
                        .filter(ApprovalRow::isPending)
                        .limit(BATCH)
                        .toList());
                Fx.GapRecorder gaps = new Fx.GapRecorder();
                Fx.run(() -> ui.decide(chosen, ApprovalStatus.APPROVED));
                Parent dialog = Fx.call(BulkBench::bulkDialog);
                // The dialog's first frames (its CSS and layout) come before the user can press anything.
                Fx.FrameTimer dialogFrames = new Fx.FrameTimer(dialog.getScene());
                dialogFrames.time(() -> {});
                dialogFrames.time(() -> {});
                Button submit = (Button) dialog.lookup("#bulkSubmit");
                Button close = (Button) dialog.lookup("#bulkCancel");
                CompletableFuture<Long> finished = new CompletableFuture<>();
                long[] t0 = new long[1];
                Fx.run(() -> {
                    close.textProperty().addListener((o, a, text) -> {
                        if ("Close".equals(text)) {
                            finished.complete(System.nanoTime());
                        }
                    });
                    gaps.start();
                    t0[0] = System.nanoTime();
                    submit.fire();
                });
                long t1 = finished.get(10, TimeUnit.MINUTES);
                List<Double> g = Fx.call(() -> {
                    gaps.stop();
                    return gaps.gaps();
                });
                double seconds = (t1 - t0[0]) / 1e9;
                wall.add(seconds * 1000);
                rps.add(chosen.size() / seconds);
                maxGaps.add(g.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
                sent += chosen.size();
                chosen.forEach(x -> sentIds.add(x.id()));
                Fx.run(close::fire);
            }
            // A decided approval leaves the list: any sent one still listed as pending was not decided.
            long stillPending = Fx.call(() -> ui.mainView().viewModel().rows().stream()
                    .filter(x -> x.isPending() && sentIds.contains(x.id()))
                    .count());
            if (stillPending > 0) {
                results.note("bulk: " + sent + " sent but " + stillPending + " still show as pending");
            }
            Fx.run(() -> {
                ui.stop();
                stage.close();
            });
        }
        Stats w = Stats.of(wall);
        results.add(new Figure(
                "bulk",
                "approve 500 through the bulk dialog: wall time",
                "ms",
                w,
                null,
                "<= 5000 ms",
                w.median() <= 5000,
                "ConsoleUi.decide → BulkDecisionController, one request after another"));
        results.add(new Figure("bulk", "approve 500: requests/s", "req/s", Stats.of(rps), null, "", null, ""));
        Stats gap = Stats.of(maxGaps);
        results.add(new Figure(
                "bulk",
                "largest gap between frames while it runs",
                "ms",
                gap,
                null,
                "<= 100 ms",
                gap.max() <= 100,
                String.format(
                        Locale.ROOT,
                        "AnimationTimer frame-to-frame; worst of %d runs %.0f ms",
                        maxGaps.size(),
                        gap.max())));
    }

    private static void waitForRows(ConsoleUi ui) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            boolean loaded = Fx.call(() -> {
                MainView m = ui.mainView();
                return m != null && !m.viewModel().rows().isEmpty();
            });
            if (loaded) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the main window did not load its list");
    }

    private static Parent bulkDialog() {
        // DialogService puts a dialog's own root inside a styled holder, so it is looked up, not taken as the root
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().lookup("#bulkDialog") instanceof Parent p) {
                return p;
            }
        }
        throw new IllegalStateException("the bulk dialog did not open");
    }
}
