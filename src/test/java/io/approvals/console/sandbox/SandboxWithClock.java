package io.approvals.console.sandbox;

import java.io.IOException;
import java.time.Clock;

/** Opens the sandbox's package-private clock hook to tests in other packages. */
public final class SandboxWithClock {
    private SandboxWithClock() {}

    public static Sandbox start(SandboxConfig config, Clock clock) throws IOException {
        return Sandbox.start(config, clock);
    }
}
