package io.approvals.console.testing;

/**
 * One row of the report's "keychain faults" table, written by the test that injected the fault to
 * target/reliability/keychain-fault-ID.json: the fault, the line the user saw, the exit code, and whether
 * the stored key was still there (and unchanged or replaced as a whole) afterwards.
 */
public final class KeychainFaultFigures {
    public static final String PREFIX = "keychain-fault-";

    private KeychainFaultFigures() {}

    public static void record(String id, String fault, String userSees, int exitCode, boolean keyKept, long millis) {
        new ReliabilityFigures(PREFIX + id, fault)
                .put("fault", fault)
                .put("userSees", userSees.strip())
                .put("exitCode", exitCode)
                .put("keyKept", keyKept)
                .put("millis", millis)
                .write();
    }
}
