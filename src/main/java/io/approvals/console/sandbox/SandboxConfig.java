package io.approvals.console.sandbox;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start a sandbox.
 *
 * @param dataDir where the H2 database and admin.key live (created when missing)
 * @param port    TCP port on 127.0.0.1; 0 picks a free one
 * @param seed    null: 40 sample approvals on the first start in an empty dir, none later;
 *                N: N sample approvals (on the first start instead of 40, later in addition)
 */
public record SandboxConfig(Path dataDir, int port, Integer seed) {
    public SandboxConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        if (seed != null && seed < 0) {
            throw new IllegalArgumentException("seed must not be negative, not " + seed);
        }
    }

    public static SandboxConfig of(Path dataDir) {
        return new SandboxConfig(dataDir, 0, null);
    }
}
