package io.approvals.console.service;

/** How a rotation, or the recovery of an interrupted one, ended. */
public enum RotationOutcome {
    /** The new key works and is stored for the connection. */
    COMPLETED(true),
    /** The new key did not work; the old key, which does, stays stored. */
    ROLLED_BACK(true),
    /** The server issued no new key; the stored key is as it was and works. */
    NOTHING_CHANGED(true),
    /** The new key works and is stored under the pending entry only; the next start finishes the rotation. */
    PENDING(false),
    /** Could not tell (no answer from the server); the pending entry stays and the next start tries again. */
    UNDECIDED(false),
    /**
     * The server regenerated the key but its answer never arrived (or the app stopped before storing it):
     * the new key cannot be recovered. The message says how long the old one still works, if at all.
     */
    NEW_KEY_LOST(false),
    /** The new key works but the keychain refused every write: it exists only in memory now. */
    NEW_KEY_NOT_STORED(false),
    /** Neither the new nor the old key is accepted by the server. */
    NO_WORKING_KEY(false),
    /**
     * Another program (process, window) is rotating the key right now and holds the rotation lock: nothing was
     * touched; the stored key is used meanwhile and the next look settles whatever that program leaves.
     */
    IN_PROGRESS(true);

    private final boolean workingKeyStored;

    RotationOutcome(boolean workingKeyStored) {
        this.workingKeyStored = workingKeyStored;
    }

    /** True when the connection's keychain entry holds a key the server accepted during this run. */
    public boolean workingKeyStored() {
        return workingKeyStored;
    }
}
