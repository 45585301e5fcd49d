package io.approvals.console.service;

import io.approvals.console.config.Connection;
import io.approvals.console.config.VerifiedKey;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.KeyStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Something about a profile's key that stays wrong until someone acts, shown by {@code key status} (a warning
 * line and exit code 6) and by the app (a banner with the one action that fixes it) until it is resolved:
 * a rotation left half-done, one under way elsewhere, a stored key left Expiring by a rotation whose new key
 * never arrived, or one the server refused after such a rotation.
 *
 * @param command what to run in a terminal to resolve it
 * @param until   when an Expiring key stops working (null otherwise)
 */
public record KeyAttention(String profile, Kind kind, String message, String command, Instant until) {

    /** What {@link KeyRotation} records as the stored key's status once the server refused it. */
    public static final String REFUSED_STATUS = "Refused";

    public enum Kind {
        /** Another program holds the rotation lock: resolved when it ends. */
        ROTATION_UNDER_WAY,
        /** The pending entry is still there and could not be settled (no answer from the server). */
        ROTATION_UNFINISHED,
        /** The stored key was superseded by a regeneration whose new key never reached this computer. */
        SUPERSEDED,
        /** The server refused the stored key after a rotation: no working key is stored. */
        REFUSED
    }

    /**
     * What one look at a profile's keychain entries found (one keychain call for the key and the pending entry,
     * plus a file read for the rotation lock). Blocks: call it off the JavaFX thread.
     */
    public record Look(
            String profile,
            Optional<ApiKey> stored,
            boolean pending,
            Optional<RotationLock.Owner> rotatingElsewhere,
            Connection connection) {

        public static Look take(ConnectionService service, String profile) {
            Connection c = service.profile(profile);
            Optional<RotationLock.Owner> elsewhere = new KeyRotation(service).rotatingElsewhere(profile);
            List<Optional<ApiKey>> keys =
                    service.secrets().loadEach(List.of(profile, KeyRotation.pendingAccount(profile)));
            return new Look(profile, keys.get(0), keys.get(1).isPresent(), elsewhere, c);
        }

        /** What needs attention, if anything. */
        public Optional<KeyAttention> attention() {
            return KeyAttention.of(this);
        }
    }

    /** Looks at the profile now and says what needs attention. Blocks. */
    public static Optional<KeyAttention> check(ConnectionService service, String profile) {
        return Look.take(service, profile).attention();
    }

    static Optional<KeyAttention> of(Look look) {
        String p = look.profile();
        if (look.rotatingElsewhere().isPresent()) {
            RotationLock.Owner owner = look.rotatingElsewhere().get();
            return Optional.of(new KeyAttention(
                    p,
                    Kind.ROTATION_UNDER_WAY,
                    ServiceText.get(
                            "attention.underWay",
                            p,
                            ServiceText.get(
                                    owner.inThisProcess() ? "attention.underWay.thisApp" : "attention.underWay.other"),
                            owner.describe()),
                    "approvals-console key status --profile " + p + " (again, once it has ended)",
                    null));
        }
        if (look.pending()) {
            return Optional.of(new KeyAttention(
                    p,
                    Kind.ROTATION_UNFINISHED,
                    ServiceText.get("attention.unfinished", p),
                    "approvals-console key status --profile " + p + " (again, once the server answers)",
                    null));
        }
        VerifiedKey v = look.connection().verified();
        if (look.stored().isEmpty()
                || v == null
                || !look.stored().get().fingerprint().equals(v.fingerprint())) {
            return Optional.empty(); // nothing recorded about the key stored now
        }
        ApiKey key = look.stored().get();
        if (REFUSED_STATUS.equals(v.status())) {
            return Optional.of(new KeyAttention(
                    p,
                    Kind.REFUSED,
                    ServiceText.get(
                            "attention.refused", key.masked(), key.fingerprint(), String.valueOf(v.verifiedAt())),
                    "approvals-console key set --profile " + p,
                    null));
        }
        if (KeyStatus.EXPIRING.wire().equalsIgnoreCase(v.status())) {
            return Optional.of(new KeyAttention(
                    p,
                    Kind.SUPERSEDED,
                    v.expiresAt() == null
                            ? ServiceText.get("attention.superseded", key.masked(), key.fingerprint())
                            : ServiceText.get(
                                    "attention.supersededUntil",
                                    key.masked(),
                                    key.fingerprint(),
                                    v.expiresAt().toString()),
                    "approvals-console key rotate --profile " + p + " --grace 1h",
                    v.expiresAt()));
        }
        return Optional.empty();
    }

    /** "warning: <message> Next: <command>", the line key status prints. */
    public String warningLine() {
        return "warning: " + message + " Next: " + command;
    }
}
