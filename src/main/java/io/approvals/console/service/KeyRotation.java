package io.approvals.console.service;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.KeyVerification;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.Connection;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.credentials.Availability;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.credentials.SecretStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Rotates a connection's own key, crash-safe in the spirit of {@code aws-vault rotate}:
 * <ol>
 *   <li>{@link #prepare}: the stored key is also written to the <em>pending</em> keychain entry
 *       (account {@code <profile>#pending}) as a marker that a rotation is under way, which also proves
 *       the keychain takes a write right now;</li>
 *   <li>{@link #regenerate}: {@code POST /apikeys/current/regenerate} with the grace period;</li>
 *   <li>{@link #storePending}: the new key replaces the marker in the pending entry;</li>
 *   <li>{@link #verify}: {@code GET /apikeys/current} with the new key;</li>
 *   <li>{@link #promote}: the new key replaces the connection's entry (save reads it back);</li>
 *   <li>{@link #removePending}, then {@link #record} what the server said.</li>
 * </ol>
 * If anything stops in between, {@link #recover} (run by {@link RotationRecovery} at the next start)
 * finds the pending entry and finishes or rolls back ({@link InterruptedRotation}). Profile names cannot
 * contain '#', so the pending account never collides with a profile. One window cannot be closed: if the server regenerates with no
 * grace period and its answer is lost (or the process dies before step 3), the new key is gone and the
 * old one is dead; the marker lets the next start say so instead of failing silently.
 *
 * <p>This class holds the steps and the lock; what follows a failed step after the server issued a key is
 * {@link RotationFinish}, what gets recorded {@link RotationFacts}.
 *
 * <p>Each step is public so tests can drive them one by one and stop or fail between any two. Every
 * method blocks (network and keychain): call it off the JavaFX thread.
 */
public final class KeyRotation {
    public static final String PENDING_SUFFIX = "#pending";

    /** Shown to others as the lock's holder (see {@link RotationLock}). */
    public static final String PROGRAM_PROPERTY = "approvals.program";

    private final ConnectionService service;
    private final SecretStore secrets;
    private final RotationLock lock;
    /** The rotation lock while this object rotates or recovers: its own recovery must not wait for itself. */
    private RotationLock.Held held;

    private final RotationFacts facts;
    private final RotationFinish finishing;
    private final InterruptedRotation interrupted;

    public KeyRotation(ConnectionService service) {
        this.service = service;
        this.secrets = service.secrets();
        this.lock = RotationLock.of(service);
        this.facts = new RotationFacts(service);
        this.finishing = new RotationFinish(this, facts, secrets);
        this.interrupted = new InterruptedRotation(service, this, facts);
    }

    /** The keychain account of a profile's pending entry: {@code <profile>#pending}. */
    public static String pendingAccount(String profile) {
        return profile + PENDING_SUFFIX;
    }

    /** A rotation under way: the connection, the key it starts from and the grace asked for. */
    public record Plan(Connection connection, ApiKey current, RotationGrace grace) {
        public String profile() {
            return connection.name();
        }
    }

    /**
     * The whole flow. Failures before the server issued a new key throw as usual (nothing changed: a
     * {@link ServiceException}, {@link KeychainException} or {@link ApiException}); from then on the
     * result says what happened, and its outcome tells whether a working key is stored.
     */
    public RotationResult rotate(String profile, RotationGrace grace) {
        // the lock first: another process's rotation in between two of our steps would stomp on the pending entry
        try (RotationLock.Held h = lock.acquire(profile, program(), RotationLock.WAIT)) {
            held = h;
            return rotateHolding(profile, grace);
        } finally {
            held = null;
        }
    }

    private RotationResult rotateHolding(String profile, RotationGrace grace) {
        Optional<RotationResult> earlier = recover(profile);
        // only an entry still pending blocks a new rotation (e.g. NEW_KEY_LOST with grace asks for one)
        if (earlier.isPresent() && secrets.load(pendingAccount(profile)).isPresent()) {
            throw new ServiceException(
                    ServiceException.Kind.REFUSED,
                    earlier.get().message() + " Not rotating again until that is settled.");
        }
        Plan plan = prepare(profile, grace);
        RotationPause.after("prepare");
        IssuedKey issued;
        try {
            issued = regenerate(plan);
            RotationPause.after("regenerate");
        } catch (ApiException.Network | ApiException.Server e) {
            // the request may have reached the server and only the answer been lost
            return interrupted.explainMarker(
                    plan.connection(), plan.current(), "Regenerating the key failed: " + e.getMessage(), e);
        } catch (ApiException e) {
            // the server refused the request (401, 403, 429, 400): it issued nothing
            discardMarker(profile);
            throw e;
        }
        return finishing.finish(plan, issued.key(), oldKeyValidUntil(plan));
    }

    /**
     * Step 1: checks the profile, its stored key and the keychain, then writes the marker. Throws (and
     * changes nothing) when any of them is missing.
     */
    public Plan prepare(String profile, RotationGrace grace) {
        Connection c = service.profile(profile);
        if (c.authMode() == AuthMode.BEARER) {
            throw new ServiceException(
                    ServiceException.Kind.NOT_SUPPORTED,
                    "Profile '" + profile
                            + "' uses an SSO or DeskToken bearer token, which the API cannot regenerate. Get a new token "
                            + "from your identity provider and store it with: approvals-console key set --profile "
                            + profile);
        }
        ApiKey current = service.storedKey(c);
        Availability availability = secrets.probe();
        if (!availability.reachable()) {
            throw availability.toException();
        }
        if (secrets.load(pendingAccount(profile)).isPresent()) {
            throw new ServiceException(
                    ServiceException.Kind.REFUSED,
                    "An earlier rotation of profile '" + profile
                            + "' is unfinished. Run approvals-console key status --profile " + profile
                            + " to finish or roll it back first.");
        }
        secrets.save(pendingAccount(profile), current);
        return new Plan(c, current, grace);
    }

    /**
     * Step 2: asks the server for a new secret. A server without /apikeys endpoints (404) removes the
     * marker and throws NOT_SUPPORTED, whose message points to replacing the key by hand.
     */
    public IssuedKey regenerate(Plan plan) {
        try {
            return facts.client(plan.connection(), plan.current())
                    .regenerateCurrentKey(plan.grace().seconds());
        } catch (ApiException.NotFound e) {
            discardMarker(plan.profile());
            throw new ServiceException(
                    ServiceException.Kind.NOT_SUPPORTED,
                    "This server has no /apikeys "
                            + "endpoints, so the key cannot be regenerated from here: an administrator must issue the new "
                            + "key. Then store it with: approvals-console key set --profile " + plan.profile()
                            + " (in the app: Replace key\u2026). Nothing was changed.");
        }
    }

    /** Step 3: the new key replaces the marker in the pending entry. */
    public void storePending(Plan plan, ApiKey fresh) {
        secrets.save(pendingAccount(plan.profile()), fresh);
    }

    /** Step 4: asks the server about the new key. */
    public KeyVerification verify(Plan plan, ApiKey fresh) {
        return facts.client(plan.connection(), fresh).verifyKey();
    }

    /** Step 5: the new key replaces the connection's entry; save reads it back. */
    public void promote(Plan plan, ApiKey fresh) {
        secrets.save(plan.profile(), fresh);
    }

    /** Step 6: the pending entry goes. */
    public void removePending(String profile) {
        secrets.delete(pendingAccount(profile));
    }

    /** Step 7: records what the server said about the key now stored. */
    public KeyReport record(String profile, ApiKey key, KeyVerification verification) {
        return facts.record(profile, key, verification);
    }

    /**
     * Finishes or rolls back an interrupted rotation of the profile; empty when there was none. Never
     * deletes the only key that may still work: without an answer from the server, it decides nothing.
     */
    public Optional<RotationResult> recover(String profile) {
        if (secrets.load(pendingAccount(profile)).isEmpty()) {
            if (held == null) {
                lock.clearStale(profile); // a rotation killed after its last keychain step left only its claim
            }
            return Optional.empty();
        }
        if (held != null && held.profile().equals(profile)) {
            return interrupted.recoverHolding(profile);
        }
        Optional<RotationLock.Held> taken = lock.tryAcquire(profile, program());
        if (taken.isEmpty()) {
            return Optional.of(inProgress(profile));
        }
        try (RotationLock.Held h = taken.get()) {
            held = h;
            return interrupted.recoverHolding(profile);
        } finally {
            held = null;
        }
    }

    /** Another program holds the lock: its pending entry is not ours to settle. */
    private RotationResult inProgress(String profile) {
        String who = lock.holder(profile).map(RotationLock.Owner::describe).orElse("another program");
        return new RotationResult(
                profile,
                RotationOutcome.IN_PROGRESS,
                "A rotation of the key of profile '" + profile + "' is under way in another program (" + who
                        + "); the stored key is used until it ends.",
                null,
                null,
                null,
                null);
    }

    /** Removes the claim of a rotation whose program died after its last keychain step (file work, no keychain). */
    public void clearStaleClaim(String profile) {
        lock.clearStale(profile);
    }

    /** Who rotates this profile's key now, if another program does (a file read, no keychain call). */
    public Optional<RotationLock.Owner> rotatingElsewhere(String profile) {
        return lock.otherHolder(profile, held);
    }

    private static String program() {
        return System.getProperty(PROGRAM_PROPERTY, "Approvals Console");
    }

    /** Removes the marker; a failure is left for the next start. */
    void discardMarker(String profile) {
        try {
            removePending(profile);
        } catch (KeychainException e) {
            // the marker equals the stored key: the next start removes it
        }
    }

    private Instant oldKeyValidUntil(Plan plan) {
        return plan.grace().compromised()
                ? null
                : service.clock().instant().plus(plan.grace().duration());
    }
}
