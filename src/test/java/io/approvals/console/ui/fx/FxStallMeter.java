package io.approvals.console.ui.fx;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javafx.animation.AnimationTimer;
import org.testfx.api.FxRobot;

/**
 * How long the JavaFX thread stands still, and how much of that the app itself is to blame for.
 *
 * <p>A gap between two pulses is wall-clock time. On a loaded 2-core machine (other builds, the sandbox in
 * the same JVM, GC, JIT compiler threads) a gap of 100+ ms happens with an FX thread that has nothing to do
 * but is not scheduled; timing the gap alone measures the machine. So for every gap this meter also measures
 * the ways the UI's own threads can make a frame late, and only those count as a stall:
 * <ol>
 *   <li><b>Work</b>: the CPU time the FX thread used between the two pulses ({@code ThreadMXBean} per-thread
 *   CPU time, read on the FX thread at each pulse, so it is exact for the gap, not sampled). A thread that is
 *   runnable but starved, or stopped for a GC safepoint, does not accrue CPU time; a handler that computes
 *   does, however slow the machine. Chosen over timing each runnable because it needs no hook into the
 *   toolkit's queue and sees every kind of work (pulses, input, runLater, nested loops).</li>
 *   <li><b>Waiting</b>: time the FX thread spent blocked or waiting inside the app's code (a lock, a sleep, a
 *   future's get) or in I/O (socket, file, D-Bus/keychain) — no CPU, but ours. CPU time cannot see this, so a
 *   plain watchdog thread samples the FX thread's state and stack every {@link #SAMPLE_MS} ms: a sample
 *   whose stack is the toolkit's idle event loop is idle; a waiting sample with a frame of ours, or any
 *   sample in an I/O call, is blocked. A run of blocked samples counts from its first to its last sample plus
 *   one sampling interval.</li>
 *   <li><b>Drawing</b>: at each pulse the FX thread waits for the render thread to finish the previous frame
 *   ({@code PaintCollector.waitForRenderingToComplete}; prism draws there, and software rendering in the
 *   headless tests is slow). Such a toolkit wait counts only up to the render thread's CPU time in the gap:
 *   a scene too heavy to draw is ours, a render thread that is starved is the machine.</li>
 * </ol>
 * The watchdog doubles as a control: it asks for a {@value #SAMPLE_MS} ms sleep and records how late it
 * wakes; that lateness and the GC time are reported with each gap, to show what a gap that is not ours was.
 *
 * <p>{@code attributable = FX-thread CPU + blocked time + min(toolkit wait, render-thread CPU)} per gap; that
 * is what is compared with the 100 ms goal. It errs against the app: CPU the FX thread spends in the toolkit
 * (layout, CSS) counts, and CPU the two threads used at the same time is added, not overlapped. What it leaves
 * out is time no thread of the UI was running: starvation by other processes, GC pauses, a renderer waiting
 * for a core.
 */
final class FxStallMeter {
    static final long SAMPLE_MS = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<GarbageCollectorMXBean> GCS = ManagementFactory.getGarbageCollectorMXBeans();
    /** Frames in any of these (anywhere in the stack, with the thread in a native call or waiting) are I/O. */
    private static final List<String> IO = List.of(
            "sun.nio.",
            "java.net.",
            "sun.net.",
            "jdk.internal.net.",
            "java.io.FileInputStream",
            "java.io.FileOutputStream",
            "java.io.RandomAccessFile",
            "java.lang.Process",
            "org.freedesktop.",
            "com.github.javakeyring.",
            "com.sun.jna.",
            "jnr.",
            "java.lang.Thread.sleep");

    enum State {
        IDLE,
        RUNNING,
        BLOCKED,
        TOOLKIT_WAIT
    }

    record Pulse(long nanos, long cpuNanos, long renderCpuNanos, long gcMillis) {}

    record Sample(long nanos, State state, long oversleepNanos, StackTraceElement[] stack) {}

    /** One interval between pulses, taken apart. */
    record Gap(
            double rawMs,
            double fxCpuMs,
            double blockedMs,
            double toolkitWaitMs,
            double renderCpuMs,
            double runnableMs,
            double idleMs,
            double gcMs,
            double controlOversleepMs,
            String blockedAt,
            String toolkitWaitAt) {
        /**
         * The FX thread's own work and blocking, plus the part of its wait for the render thread that the
         * render thread spent drawing (a scene too heavy to draw is ours; a starved renderer is not).
         */
        double attributableMs() {
            return fxCpuMs + blockedMs + Math.min(toolkitWaitMs, renderCpuMs);
        }

        /** For the reliability report: the gap and what it was made of, in ms to one decimal. */
        java.util.Map<String, Object> figures() {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("gapMs", round(rawMs));
            m.put("fxThreadCpuMs", round(fxCpuMs));
            m.put("fxThreadBlockedMs", round(blockedMs));
            m.put("waitForRendererMs", round(toolkitWaitMs));
            m.put("renderThreadCpuMs", round(renderCpuMs));
            m.put("attributableMs", round(attributableMs()));
            m.put("fxThreadSampledRunnableMs", round(runnableMs));
            m.put("fxThreadSampledIdleMs", round(idleMs));
            m.put("gcMs", round(gcMs));
            m.put("controlThreadOversleepMs", round(controlOversleepMs));
            return m;
        }

        static double round(double ms) {
            return Math.round(ms * 10) / 10.0;
        }

        Gap withControlOversleep(double ms) {
            return ms <= controlOversleepMs
                    ? this
                    : new Gap(
                            rawMs,
                            fxCpuMs,
                            blockedMs,
                            toolkitWaitMs,
                            renderCpuMs,
                            runnableMs,
                            idleMs,
                            gcMs,
                            ms,
                            blockedAt,
                            toolkitWaitAt);
        }
    }

    /** What one measured stretch saw. */
    record Result(
            List<Double> gapsMs, List<Gap> details, java.util.Map<State, Long> samples, double maxControlOversleepMs) {
        double maxRawMs() {
            return gapsMs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        double maxAttributableMs() {
            return details.stream().mapToDouble(Gap::attributableMs).max().orElse(0);
        }

        Gap worstRaw() {
            return details.stream()
                    .max((a, b) -> Double.compare(a.rawMs, b.rawMs))
                    .orElse(null);
        }

        Gap worstAttributable() {
            return details.stream()
                    .max((a, b) -> Double.compare(a.attributableMs(), b.attributableMs()))
                    .orElse(null);
        }
    }

    private final List<Pulse> pulses = Collections.synchronizedList(new ArrayList<>());
    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long render = renderThreadId < 0 ? 0 : Math.max(0, THREADS.getThreadCpuTime(renderThreadId));
            pulses.add(new Pulse(System.nanoTime(), THREADS.getCurrentThreadCpuTime(), render, gcMillis()));
        }
    };
    private volatile long fxThreadId;
    /** The toolkit's render thread (prism draws there, not on the FX thread): its CPU time is reported only. */
    private volatile long renderThreadId = -1;

    private Thread watchdog;

    /** Starts pulse recording (on the FX thread) and the watchdog; returns once a few frames were seen. */
    static FxStallMeter start(FxRobot robot) throws Exception {
        if (!THREADS.isCurrentThreadCpuTimeSupported() || !THREADS.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure per-thread CPU time");
        }
        if (!THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        FxStallMeter meter = new FxStallMeter();
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer"))
                .findFirst()
                .ifPresent(t -> meter.renderThreadId = t.getId());
        robot.interact(() -> {
            meter.fxThreadId = Thread.currentThread().getId();
            meter.timer.start();
        });
        meter.watchdog = new Thread(meter::watch, "fx-stall-watchdog");
        meter.watchdog.setDaemon(true);
        meter.watchdog.setPriority(Thread.MAX_PRIORITY);
        meter.watchdog.start();
        // a few frames first, so the first gap is a real one
        Waits.until(() -> meter.pulses.size() > 3);
        return meter;
    }

    /** Stops both and takes every gap apart. */
    Result stop(FxRobot robot) throws InterruptedException {
        robot.interact(timer::stop);
        watchdog.interrupt();
        watchdog.join(5_000);
        List<Pulse> ps;
        List<Sample> ss;
        synchronized (pulses) {
            ps = List.copyOf(pulses);
        }
        synchronized (samples) {
            ss = List.copyOf(samples);
        }
        return analyse(ps, ss);
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            long before = System.nanoTime();
            try {
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            ThreadInfo info = THREADS.getThreadInfo(fxThreadId, 64);
            if (info == null) {
                continue;
            }
            State state = classify(info.getThreadState(), info.getStackTrace());
            samples.add(new Sample(
                    now,
                    state,
                    now - before - SAMPLE_MS * 1_000_000L,
                    state == State.IDLE ? null : info.getStackTrace()));
        }
    }

    static State classify(Thread.State threadState, StackTraceElement[] stack) {
        if (idleLoop(stack)) {
            return State.IDLE;
        }
        boolean ours = Arrays.stream(stack).anyMatch(e -> e.getClassName().startsWith("io.approvals."));
        boolean io = Arrays.stream(stack)
                .anyMatch(e -> IO.stream().anyMatch(p -> (e.getClassName() + "." + e.getMethodName()).startsWith(p)));
        if (threadState == Thread.State.RUNNABLE) {
            // a thread in a native socket/file call is RUNNABLE to the JVM but waits, burning no CPU
            return stack.length > 0 && stack[0].isNativeMethod() && io ? State.BLOCKED : State.RUNNING;
        }
        return ours || io ? State.BLOCKED : State.TOOLKIT_WAIT;
    }

    /**
     * The FX thread waiting for its next event: the first frame outside the JDK is the toolkit's event loop
     * (Monocle's RunnableQueue.getNextRunnable, or a native glass _runLoop). In a nested loop (a modal dialog) the same holds.
     */
    private static boolean idleLoop(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
                continue;
            }
            return c.equals("com.sun.glass.ui.monocle.RunnableQueue")
                            && e.getMethodName().equals("getNextRunnable")
                    || e.getMethodName().equals("_runLoop") && c.startsWith("com.sun.glass.ui.");
        }
        return false;
    }

    private static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean gc : GCS) {
            t += Math.max(0, gc.getCollectionTime());
        }
        return t;
    }

    static Result analyse(List<Pulse> ps, List<Sample> ss) {
        List<Double> gaps = new ArrayList<>();
        List<Gap> details = new ArrayList<>();
        double maxOversleep =
                ss.stream().mapToLong(Sample::oversleepNanos).max().orElse(0) / 1e6;
        int from = 0;
        for (int i = 1; i < ps.size(); i++) {
            Pulse a = ps.get(i - 1);
            Pulse b = ps.get(i);
            gaps.add((b.nanos - a.nanos) / 1e6);
            while (from < ss.size() && ss.get(from).nanos <= a.nanos) {
                from++;
            }
            int to = from;
            while (to < ss.size() && ss.get(to).nanos <= b.nanos) {
                to++;
            }
            Gap g = gap(a, b, ss.subList(from, to));
            if (to < ss.size()) {
                // the first sample after the gap: if its sleep began inside the gap, its lateness is the control's
                Sample next = ss.get(to);
                long sleptFrom = next.nanos - next.oversleepNanos - SAMPLE_MS * 1_000_000L;
                if (sleptFrom < b.nanos) {
                    g = g.withControlOversleep(
                            Math.min(next.oversleepNanos, b.nanos - Math.max(sleptFrom, a.nanos)) / 1e6);
                }
            }
            details.add(g);
        }
        java.util.Map<State, Long> byState = new java.util.EnumMap<>(State.class);
        for (Sample s : ss) {
            byState.merge(s.state, 1L, Long::sum);
        }
        return new Result(gaps, details, byState, maxOversleep);
    }

    private static Gap gap(Pulse a, Pulse b, List<Sample> in) {
        // sampled time per state: a run of equal samples counts from its first to its last plus one interval
        java.util.Map<State, Long> time = new java.util.EnumMap<>(State.class);
        long oversleep = 0;
        String blockedAt = null;
        String waitedAt = null;
        long runStart = -1;
        State runState = null;
        long last = -1;
        for (Sample s : in) {
            oversleep = Math.max(oversleep, s.oversleepNanos);
            if (runState != null && s.state != runState) {
                time.merge(runState, last - runStart + SAMPLE_MS * 1_000_000L, Long::sum);
                runState = null;
            }
            if (runState == null) {
                runState = s.state;
                runStart = s.nanos;
            }
            if (s.state == State.BLOCKED && blockedAt == null) {
                blockedAt = describe(s.stack);
            }
            if (s.state == State.TOOLKIT_WAIT && waitedAt == null) {
                waitedAt = describe(s.stack);
            }
            last = s.nanos;
        }
        if (runState != null) {
            time.merge(runState, last - runStart + SAMPLE_MS * 1_000_000L, Long::sum);
        }
        long raw = b.nanos - a.nanos;
        // a run cannot be longer than the gap it lies in
        java.util.function.ToDoubleFunction<State> ms = st -> Math.min(time.getOrDefault(st, 0L), raw) / 1e6;
        return new Gap(
                raw / 1e6,
                (b.cpuNanos - a.cpuNanos) / 1e6,
                ms.applyAsDouble(State.BLOCKED),
                ms.applyAsDouble(State.TOOLKIT_WAIT),
                (b.renderCpuNanos - a.renderCpuNanos) / 1e6,
                ms.applyAsDouble(State.RUNNING),
                ms.applyAsDouble(State.IDLE),
                b.gcMillis - a.gcMillis,
                oversleep / 1e6,
                blockedAt,
                waitedAt);
    }

    /** The top frames of a blocked stack, for the failure message. */
    private static String describe(StackTraceElement[] stack) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(stack.length, 25); i++) {
            b.append("  at ").append(stack[i]).append('\n');
        }
        return b.toString();
    }
}
