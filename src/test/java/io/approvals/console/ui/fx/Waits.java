package io.approvals.console.ui.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting for the UI to reach a state (never a timed assertion: the limit only ends a hung test). */
final class Waits {
    private Waits() {}

    /** A lookup that races the UI thread's changes (a window being rebuilt) counts as "not yet". */
    static void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            try {
                return condition.call();
            } catch (RuntimeException e) {
                return false;
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
