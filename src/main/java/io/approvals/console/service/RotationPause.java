package io.approvals.console.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For the crash tests only: with {@code -Dapprovals.rotation.pauseAfter=STEP} (prepare, regenerate, storePending,
 * verify, promote, removePending) a rotation writes the step's name to {@code approvals.rotation.pauseFile} after
 * that step and waits until {@code <pauseFile>.go} exists, so a test can kill -9 the process exactly there. Unset,
 * it does nothing.
 */
final class RotationPause {
    private RotationPause() {}

    static void after(String step) {
        String wanted = System.getProperty("approvals.rotation.pauseAfter");
        String file = System.getProperty("approvals.rotation.pauseFile");
        if (wanted == null || file == null || !wanted.equals(step)) {
            return;
        }
        Path flag = Path.of(file);
        Path go = flag.resolveSibling(flag.getFileName() + ".go");
        try {
            Files.writeString(flag, step);
            while (!Files.exists(go)) {
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
