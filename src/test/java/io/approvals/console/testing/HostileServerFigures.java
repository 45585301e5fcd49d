package io.approvals.console.testing;

/**
 * One row of the report's "hostile servers" table, written by HostileServerTest to
 * target/reliability/hostile-server-ID.json: the behaviour, the exit code, the time, the peak heap and the message.
 */
public final class HostileServerFigures {
    public static final String PREFIX = "hostile-server-";

    private HostileServerFigures() {}

    public static void record(String id, String behaviour, int exitCode, long millis, long peakHeapMb, String message) {
        new ReliabilityFigures(PREFIX + id, behaviour)
                .put("behaviour", behaviour)
                .put("exitCode", exitCode)
                .put("millis", millis)
                .put("peakHeapMb", peakHeapMb)
                .put("message", message.strip())
                .write();
    }
}
