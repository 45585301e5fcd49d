package io.approvals.console.ui.common;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * With {@code -Dapprovals.startupSteps=true}, notes when the desktop app's start-up reaches each of its steps: the
 * JVM's uptime, the thread, and that thread's CPU time so far; the start-up probe prints them at the first frame
 * ({@code STEP} lines). This is how docs/performance.md times the UI thread's steps before the first frame.
 * Off, it costs one property look-up per step.
 */
public final class StartupSteps {
    /** The system property that turns the notes on. */
    public static final String PROPERTY = "approvals.startupSteps";
    /** Makes the app report its first frame with data and exit: the start-up probe of packaging and the bench. */
    public static final String EXIT_AFTER_FIRST_FRAME = "approvals.exitAfterFirstFrame";

    private static final Queue<String> STEPS = new ConcurrentLinkedQueue<>();

    private StartupSteps() {}

    /** Notes that start-up reached this step, on the calling thread. */
    public static void reached(String step) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        STEPS.add(String.format(
                "STEP %5d ms  thread CPU %4d ms  %-16.16s %s",
                uptime, cpu, Thread.currentThread().getName(), step));
    }

    /** The steps noted so far, in the order they were reached. */
    public static List<String> noted() {
        return List.copyOf(STEPS);
    }
}
