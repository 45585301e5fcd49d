package io.approvals.console.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Run first by the app at start and by every command that loads a key: finishes or rolls back a key
 * rotation that was interrupted (see {@link KeyRotation}) and says what happened. Blocks (keychain,
 * network): call it off the JavaFX thread. One keychain lookup when nothing is pending.
 */
public final class RotationRecovery {
    private final KeyRotation rotation;
    private final ConnectionService service;

    public RotationRecovery(ConnectionService service) {
        this.service = service;
        this.rotation = new KeyRotation(service);
    }

    /** The profile's interrupted rotation settled, or empty when there was none. */
    public Optional<RotationResult> recover(String profile) {
        return rotation.recover(profile);
    }

    /** Every profile's; a keychain failure on one profile does not stop the others. */
    public List<RotationResult> recoverAll() {
        List<RotationResult> results = new ArrayList<>();
        service.profiles().forEach(c -> {
            try {
                rotation.recover(c.name()).ifPresent(results::add);
            } catch (RuntimeException e) {
                results.add(new RotationResult(
                        c.name(),
                        RotationOutcome.UNDECIDED,
                        "Could not check profile '" + c.name() + "' for an interrupted key rotation: " + e.getMessage(),
                        null,
                        null,
                        e,
                        null));
            }
        });
        return results;
    }
}
