package io.approvals.console.contract;

/** Body of the regenerate endpoints: 0 kills the old secret at once; more keeps it for that long. */
public record RegenerateKeyRequest(int oldKeyValidForSeconds) {
    public static final int MAX_GRACE_SECONDS = 604_800;
}
