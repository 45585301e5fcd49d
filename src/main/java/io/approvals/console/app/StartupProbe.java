package io.approvals.console.app;

/**
 * A start-up measuring point for packaging. The desktop UI calls {@link #firstFrameShown()} on the FX thread once
 * the first frame of the main window (with its data, or the welcome window when there is no connection) is on
 * screen, e.g. from a {@code Scene.addPostLayoutPulseListener}. It does nothing unless the JVM was started with
 * {@code -Dapprovals.exitAfterFirstFrame=true}; then it prints when that frame came and exits, so that the
 * packaging build can record an AppCDS archive of a real start-up and measure start-up time without a person.
 */
public final class StartupProbe {
    /** The system property that turns the probe on. */
    public static final String EXIT_AFTER_FIRST_FRAME = "approvals.exitAfterFirstFrame";

    private static volatile boolean reported;

    private StartupProbe() {
    }

    /** Whether this run is a measuring run. */
    public static boolean enabled() {
        return Boolean.getBoolean(EXIT_AFTER_FIRST_FRAME);
    }

    /**
     * Prints {@code FIRST_FRAME_EPOCH_MS=} (wall clock) and {@code FIRST_FRAME_MS=} (since the process started) on
     * stdout and exits with status 0, when enabled; only the first call counts.
     */
    public static void firstFrameShown() {
        if (!enabled() || reported) {
            return;
        }
        reported = true;
        long now = System.currentTimeMillis();
        long sinceStart = ProcessHandle.current().info().startInstant()
                .map(start -> now - start.toEpochMilli())
                .orElse(-1L);
        System.out.println("FIRST_FRAME_EPOCH_MS=" + now);
        System.out.println("FIRST_FRAME_MS=" + sinceStart);
        System.out.flush();
        // Exit from another thread: shutdown hooks may need the FX thread, which is the caller.
        Thread exit = new Thread(() -> System.exit(0), "startup-probe-exit");
        exit.start();
    }
}
