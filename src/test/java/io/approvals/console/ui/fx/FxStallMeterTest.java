package io.approvals.console.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The stall meter the UI fault tests assert with is not vacuous: 150 ms of work, or 300 ms of sleeping or of
 * waiting for a lock on the FX thread is each counted as the app's stall; an FX thread that only waits for events is
 * idle.
 */
@ExtendWith(ApplicationExtension.class)
class FxStallMeterTest {
    private static final long STALL_MS = 150;
    /** Longer than the bound by a margin, so a watchdog that is itself starved for a while still sees > 100 ms. */
    private static final long WAIT_MS = 300;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 200, 100));
        stage.show();
    }

    @Test
    void anIdleFxThreadIsNotAStall(FxRobot robot) throws Exception {
        FxStallMeter meter = FxStallMeter.start(robot);
        Thread.sleep(300);
        FxStallMeter.Result r = meter.stop(robot);
        assertThat(r.samples().getOrDefault(FxStallMeter.State.IDLE, 0L))
                .as("idle samples")
                .isPositive();
        assertThat(r.samples().getOrDefault(FxStallMeter.State.BLOCKED, 0L))
                .as("blocked samples")
                .isZero();
        assertThat(r.maxAttributableMs()).isLessThan(FxStallMeter.SAMPLE_MS * 5.0);
    }

    @Test
    void workOnTheFxThreadIsCountedByItsCpuTime(FxRobot robot) throws Exception {
        FxStallMeter meter = FxStallMeter.start(robot);
        robot.interact(() -> {
            // CPU time, not wall time: on a starved machine a wall-clock spin might hardly run
            var threads = ManagementFactory.getThreadMXBean();
            long until = threads.getCurrentThreadCpuTime() + STALL_MS * 1_000_000L;
            long x = 0;
            while (threads.getCurrentThreadCpuTime() < until) {
                x += System.nanoTime() % 7;
            }
            assertThat(x).isNotNegative();
        });
        FxStallMeter.Result r = meter.stop(robot);
        assertThat(r.worstAttributable().fxCpuMs()).isGreaterThanOrEqualTo(STALL_MS);
        assertThat(r.maxAttributableMs()).isGreaterThanOrEqualTo(STALL_MS);
    }

    @Test
    void sleepingOnTheFxThreadIsCountedAsBlocked(FxRobot robot) throws Exception {
        FxStallMeter meter = FxStallMeter.start(robot);
        robot.interact(() -> sleep(WAIT_MS));
        FxStallMeter.Result r = meter.stop(robot);
        // the sleep's own gap, not the worst one: on a loaded machine another gap can be worse, and the sampler may
        // see the sleep only a few times (it failed a CI run that way with a bench alongside)
        FxStallMeter.Gap slept = r.details().stream()
                .filter(g -> g.blockedAt() != null && g.blockedAt().contains(FxStallMeterTest.class.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no gap blocked in this test: " + r.details()));
        assertThat(slept.blockedAt()).contains("Thread.sleep");
        assertThat(slept.rawMs()).as("the gap").isGreaterThanOrEqualTo(WAIT_MS);
        assertThat(slept.blockedMs()).as("blocked").isGreaterThan(slept.fxCpuMs());
    }

    @Test
    void waitingForALockOnTheFxThreadIsCountedAsBlocked(FxRobot robot) throws Exception {
        Object lock = new Object();
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (lock) {
                held.countDown();
                sleep(WAIT_MS);
            }
        });
        FxStallMeter meter = FxStallMeter.start(robot);
        holder.start();
        held.await();
        robot.interact(() -> {
            synchronized (lock) {
                lock.notifyAll();
            }
        });
        FxStallMeter.Result r = meter.stop(robot);
        holder.join();
        assertThat(r.maxAttributableMs()).as("attributable").isGreaterThan(100);
        assertThat(r.worstAttributable().blockedAt()).contains(FxStallMeterTest.class.getName());
    }

    /** Waiting for the render thread counts only as far as the render thread drew; a starved one is not ours. */
    @Test
    void aWaitForTheRendererCountsOnlyItsDrawing() {
        long ms = 1_000_000L;
        StackTraceElement[] waiting = {
            new StackTraceElement("jdk.internal.misc.Unsafe", "park", null, -2),
            new StackTraceElement("java.util.concurrent.CountDownLatch", "await", null, 230),
            new StackTraceElement("com.sun.javafx.tk.quantum.PaintCollector", "waitForRenderingToComplete", null, 157),
            new StackTraceElement("com.sun.javafx.tk.Toolkit", "runPulse", null, 400)
        };
        assertThat(FxStallMeter.classify(Thread.State.WAITING, waiting)).isEqualTo(FxStallMeter.State.TOOLKIT_WAIT);
        List<FxStallMeter.Pulse> pulses =
                List.of(new FxStallMeter.Pulse(0, 0, 0, 0), new FxStallMeter.Pulse(400 * ms, 5 * ms, 30 * ms, 120));
        List<FxStallMeter.Sample> samples = new ArrayList<>();
        for (long t = 10; t <= 250; t += 10) {
            samples.add(new FxStallMeter.Sample(t * ms, FxStallMeter.State.TOOLKIT_WAIT, 0, waiting));
        }
        FxStallMeter.Gap gap = FxStallMeter.analyse(pulses, samples).worstRaw();
        assertThat(gap.rawMs()).isEqualTo(400);
        assertThat(gap.toolkitWaitMs()).isEqualTo(250);
        assertThat(gap.gcMs()).isEqualTo(120);
        assertThat(gap.attributableMs())
                .as("5 ms of FX work + 30 ms of drawing")
                .isEqualTo(35);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
