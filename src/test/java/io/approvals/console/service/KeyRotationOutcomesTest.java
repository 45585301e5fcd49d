package io.approvals.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.client.KeyVerification;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.config.VerifiedKey;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.Scope;
import io.approvals.console.credentials.Availability;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.sandbox.SandboxWithClock;
import io.approvals.console.testing.MovableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outcomes of KeyRotation that KeyRotationTest does not reach: both "no working key" roll-backs, the
 * roll-back whose old key cannot be checked, storing a key the server issued but nobody could verify, the
 * second try at the pending entry, and recovery's clean-ups. Against the real sandbox over HTTP, with the
 * keychain and the client failing where each case needs it.
 */
class KeyRotationOutcomesTest {
    private static final String PROFILE = "prod";
    private static final String PENDING = KeyRotation.pendingAccount(PROFILE);

    @TempDir
    Path sandboxDir;

    @TempDir
    Path root;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T04:00:00Z"));
    private final SessionOnlyStore memory = new SessionOnlyStore();
    private final FaultySecretStore secrets = new FaultySecretStore(memory);
    private final FaultyClients clients = new FaultyClients(new HttpClientFactory());
    private Sandbox sandbox;
    private ConnectionService service;
    private ApiKey original;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = SandboxWithClock.start(new SandboxConfig(sandboxDir, 0, 1), clock);
        service = startApp();
        service.addProfile(PROFILE, sandbox.baseUri().toString(), AuthMode.API_KEY, null, null);
        original = sandbox.issueKeyForTests("lee-laptop", "lee@example.com", Set.of(Scope.READ, Scope.WRITE), null);
        service.setKey(PROFILE, original);
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
    }

    private RotationLock lock() {
        return new RotationLock(service.connections().file().toAbsolutePath().getParent(), clock);
    }

    private Path ownerFile() {
        return service.connections().file().toAbsolutePath().getParent().resolve("rotation-" + PROFILE + ".owner");
    }

    private ConnectionService startApp() {
        return new ConnectionService(new ConnectionStore(AppPaths.under(root)), secrets, clients, clock);
    }

    private boolean works(ApiKey key) {
        try {
            ApprovalsClient.builder(sandbox.baseUri(), key).build().verifyKey();
            return true;
        } catch (ApiException.Unauthorized e) {
            return false;
        }
    }

    private static KeychainException refused() {
        return new KeychainException(KeychainException.Kind.ERROR, "The test keychain refused.", "Try again.");
    }

    private static ApiKey unknownKey() {
        return ApiKey.generate(new SecureRandom());
    }

    private void refuseEveryKeyBut(ApiKey allowed) {
        clients.onVerify((key, real) -> {
            if (allowed == null || !key.matches(allowed)) {
                throw new ApiException.Unauthorized("req-u");
            }
            return real.get();
        });
    }

    @Test
    void routineAndCompromisedRotationsSayWhenTheOldKeyStops() {
        // while it rotates, the lock names this program to anyone who looks (another window, the CLI)
        AtomicReference<Optional<RotationLock.Owner>> holder = new AtomicReference<>();
        clients.onRegenerate((caller, real) -> {
            holder.set(lock().holder(PROFILE));
            return real.get();
        });
        RotationResult routine = new KeyRotation(service).rotate(PROFILE, RotationGrace.ONE_HOUR);
        assertThat(holder.get()).map(RotationLock.Owner::program).contains("Approvals Console");
        assertThat(lock().holder(PROFILE)).as("given back").isEmpty();
        assertThat(routine.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(routine.oldKeyValidUntil()).isEqualTo(Instant.parse("2026-11-27T05:00:00Z"));
        assertThat(routine.message())
                .contains("keeps working until about 2026-11-27T05:00:00Z")
                .doesNotContain("refused the pending entry");
        assertThat(routine.cause()).isNull();
        assertThat(routine.unsavedKey()).isNull();
        assertThat(memory.load(PENDING)).isEmpty();

        RotationResult compromised = new KeyRotation(service).rotate(PROFILE, RotationGrace.COMPROMISED);
        assertThat(compromised.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(compromised.oldKeyValidUntil()).isNull();
        assertThat(compromised.message()).contains("The old key no longer works.");
        ApiKey now = memory.load(PROFILE).orElseThrow();
        assertThat(compromised.report().fingerprint()).isEqualTo(now.fingerprint());
        assertThat(service.profile(PROFILE).verified().fingerprint()).isEqualTo(now.fingerprint());
    }

    @Test
    void aPendingWriteThatFailsOnceIsTriedAgain() {
        AtomicInteger pendingSaves = new AtomicInteger();
        // the marker (first save) goes in; the new key's first save fails, its second works
        secrets.failWhen(
                (op, account) -> op.equals("save") && account.equals(PENDING) && pendingSaves.incrementAndGet() == 2);
        KeyRotation rotation = new KeyRotation(service);
        clients.onVerify((key, real) -> {
            // when the new key is verified, the pending entry already holds it
            assertThat(memory.load(PENDING)).contains(key);
            return real.get();
        });
        RotationResult r = rotation.rotate(PROFILE, RotationGrace.COMPROMISED);
        assertThat(r.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(r.message()).doesNotContain("refused the pending entry");
        assertThat(pendingSaves.get()).isEqualTo(3);
    }

    @Test
    void aNewKeyNeitherPendingNorVerifiedIsStoredUnverified() {
        secrets.failWhen((op, account) -> op.equals("save")
                && account.equals(PENDING)
                && memory.load(PENDING).isPresent());
        clients.onVerify((key, real) -> {
            throw new ApiException.Network("No answer from the server.", null);
        });

        RotationResult r = new KeyRotation(service).rotate(PROFILE, RotationGrace.ONE_HOUR);

        assertThat(r.outcome()).isEqualTo(RotationOutcome.UNDECIDED);
        ApiKey stored = memory.load(PROFILE).orElseThrow();
        assertThat(stored).isNotEqualTo(original);
        assertThat(r.message())
                .contains(
                        "it is stored but could not be verified yet",
                        "key verify --profile prod",
                        "keeps working until about 2026-11-27T05:00:00Z");
        assertThat(r.cause()).isInstanceOf(ApiException.Network.class);
        assertThat(r.report().fingerprint()).isEqualTo(stored.fingerprint());
        assertThat(r.unsavedKey()).isNull();
        assertThat(memory.load(PENDING)).isEmpty();
        clients.heal();
        assertThat(works(stored)).isTrue();
    }

    @Test
    void aNewKeyThatCanBeNeitherStoredNorVerifiedIsHeldInMemory() {
        AtomicInteger saves = new AtomicInteger();
        secrets.failWhen((op, account) -> op.equals("save") && saves.incrementAndGet() > 1);
        clients.onVerify((key, real) -> {
            throw new ApiException.Network("No answer from the server.", null);
        });

        RotationResult r = new KeyRotation(service).rotate(PROFILE, RotationGrace.COMPROMISED);

        assertThat(r.outcome()).isEqualTo(RotationOutcome.NEW_KEY_NOT_STORED);
        assertThat(r.unsavedKey()).isNotNull().isNotEqualTo(original);
        assertThat(r.message())
                .contains("could not store it", "could not be verified", "The old key no longer works.", "memory only");
        assertThat(r.cause()).isInstanceOf(KeychainException.class);
        assertThat(memory.load(PROFILE)).contains(original);
        assertThat(r.report().fingerprint()).isEqualTo(original.fingerprint());
        clients.heal();
        assertThat(works(r.unsavedKey())).isTrue();
    }

    @Test
    void aPendingEntryThatCannotBeRemovedDoesNotSpoilACompletedRotation() {
        secrets.failWhen((op, account) -> op.equals("delete"));
        RotationResult r = new KeyRotation(service).rotate(PROFILE, RotationGrace.COMPROMISED);
        assertThat(r.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        ApiKey stored = memory.load(PROFILE).orElseThrow();
        assertThat(memory.load(PENDING)).contains(stored);

        // the next start sees a pending entry equal to the stored, recorded key and only removes it
        secrets.heal();
        RotationResult next = new KeyRotation(startApp()).recover(PROFILE).orElseThrow();
        assertThat(next.outcome()).isEqualTo(RotationOutcome.NOTHING_CHANGED);
        assertThat(memory.load(PENDING)).isEmpty();
        assertThat(memory.load(PROFILE)).contains(stored);
    }

    @Test
    void aRefusedPendingKeyWithNoOtherKeyStoredLeavesNoWorkingKey() {
        memory.save(PENDING, unknownKey());
        memory.delete(PROFILE);

        RotationResult r = new KeyRotation(startApp()).recover(PROFILE).orElseThrow();

        assertThat(r.outcome()).isEqualTo(RotationOutcome.NO_WORKING_KEY);
        assertThat(r.message())
                .contains("was refused", "no other key is stored", "Ask an administrator", "key set --profile prod");
        assertThat(memory.load(PENDING)).isEmpty();
        assertThat(memory.load(PROFILE)).isEmpty();
    }

    @Test
    void aRefusedPendingKeyAndARefusedStoredKeyLeaveNoWorkingKey() {
        memory.save(PENDING, unknownKey());
        refuseEveryKeyBut(null);

        RotationResult r = new KeyRotation(startApp()).recover(PROFILE).orElseThrow();

        assertThat(r.outcome()).isEqualTo(RotationOutcome.NO_WORKING_KEY);
        assertThat(r.message())
                .contains("Neither its new key nor the previous one is accepted", "Ask an administrator");
        assertThat(r.cause()).isInstanceOf(ApiException.Unauthorized.class);
        assertThat(memory.load(PENDING)).isEmpty();
        assertThat(memory.load(PROFILE))
                .as("kept: only an administrator can say it is dead")
                .contains(original);
        // and recorded as refused (key status and the app's banner say so until a working key is stored)
        VerifiedKey refused = startApp().profile(PROFILE).verified();
        assertThat(refused.status()).isEqualTo(KeyAttention.REFUSED_STATUS);
        assertThat(refused.fingerprint()).isEqualTo(original.fingerprint());
        assertThat(refused.verifiedAt()).isEqualTo(clock.instant());
        assertThat(refused.scopes())
                .as("the facts verified for this very key are kept")
                .contains("read", "write");
    }

    @Test
    void aRefusedStoredKeyIsRecordedWithItsOwnFactsWhateverWasVerifiedBefore() {
        refuseEveryKeyBut(null);
        // last verified: another key; then nothing verified at all
        VerifiedKey other = new VerifiedKey(
                "ak_other",
                "zzzz",
                "other-fingerprint",
                List.of("admin"),
                "someone@example.com",
                null,
                "Active",
                clock.instant(),
                true);
        for (VerifiedKey before : new VerifiedKey[] {other, null}) {
            service.connections().put(service.profile(PROFILE).withVerified(before));
            memory.save(PENDING, unknownKey());

            RotationResult r = new KeyRotation(startApp()).recover(PROFILE).orElseThrow();

            assertThat(r.outcome()).as("%s", before).isEqualTo(RotationOutcome.NO_WORKING_KEY);
            VerifiedKey refused = startApp().profile(PROFILE).verified();
            assertThat(refused.status()).isEqualTo(KeyAttention.REFUSED_STATUS);
            assertThat(refused.fingerprint()).isEqualTo(original.fingerprint());
            assertThat(refused.last4()).isEqualTo(original.last4());
            assertThat(refused.scopes()).as("nothing verified for this key").isEmpty();
            assertThat(refused.owner()).isNull();
        }
    }

    @Test
    void aLockedKeychainStopsARotationBeforeAnythingChanges() {
        secrets.probeAnswers(Availability.unreachable(
                "Secret Service",
                KeychainException.Kind.LOCKED,
                "The keychain is locked.",
                "Unlock it and try again."));
        assertThatThrownBy(() -> new KeyRotation(service).rotate(PROFILE, RotationGrace.ONE_HOUR))
                .isInstanceOf(KeychainException.class)
                .hasMessageContaining("The keychain is locked.");
        assertThat(memory.load(PENDING)).as("no marker").isEmpty();
        assertThat(memory.load(PROFILE)).contains(original);
        assertThat(works(original)).as("nothing regenerated").isTrue();
    }

    @Test
    void aLostAnswerFromAServerThatDescribesNoKeyIsNothingChanged() {
        clients.onRegenerate((caller, real) -> {
            throw new ApiException.Network("The connection was reset.", null);
        });
        clients.onVerify((key, real) -> new KeyVerification(null, false)); // no /apikeys/me: no metadata
        RotationResult r = new KeyRotation(service).rotate(PROFILE, RotationGrace.ONE_HOUR);
        assertThat(r.outcome()).isEqualTo(RotationOutcome.NOTHING_CHANGED);
        assertThat(memory.load(PENDING)).isEmpty();
        assertThat(memory.load(PROFILE)).contains(original);
    }

    @Test
    void aStopAfterACompromiseRegenerateIsExplainedWithTheServersRefusalAsItsCause() {
        KeyRotation rotation = new KeyRotation(service);
        rotation.regenerate(rotation.prepare(PROFILE, RotationGrace.COMPROMISED));
        // stops before storePending: only the marker is there, and the stored key is dead

        RotationResult r = new KeyRotation(startApp()).recover(PROFILE).orElseThrow();

        assertThat(r.outcome()).isEqualTo(RotationOutcome.NEW_KEY_LOST);
        assertThat(r.message()).contains("no longer accepted");
        assertThat(r.cause())
                .as("nothing failed before: the refusal is the cause")
                .isInstanceOf(ApiException.Unauthorized.class);
        assertThat(memory.load(PENDING)).isEmpty();
    }

    @Test
    void anotherProgramsRotationIsNotOursToSettleUntilItEnds() {
        ApiKey pending = unknownKey();
        memory.save(PENDING, pending);
        KeyRotation rotation = new KeyRotation(startApp());
        try (RotationLock.Held cli =
                lock().tryAcquire(PROFILE, "approvals-console key rotate").orElseThrow()) {
            RotationResult r = rotation.recover(PROFILE).orElseThrow();
            assertThat(r.outcome()).isEqualTo(RotationOutcome.IN_PROGRESS);
            assertThat(r.message()).contains("under way in another program", "(approvals-console key rotate)");
            assertThat(memory.load(PENDING)).as("not ours to settle").contains(pending);
            assertThat(rotation.rotatingElsewhere(PROFILE))
                    .map(RotationLock.Owner::program)
                    .contains("approvals-console key rotate");
        }
        assertThat(rotation.rotatingElsewhere(PROFILE)).isEmpty();
        RotationResult after = rotation.recover(PROFILE).orElseThrow();
        assertThat(after.outcome()).isEqualTo(RotationOutcome.ROLLED_BACK);
        assertThat(memory.load(PENDING)).isEmpty();
    }

    @Test
    void theClaimOfARotationKilledAfterItsLastKeychainStepIsClearedOnceStaleNotBefore() {
        KeyRotation rotation = new KeyRotation(startApp());
        lock().tryAcquire(PROFILE, "killed").orElseThrow(); // never given back, as after kill -9
        rotation.recover(PROFILE);
        rotation.clearStaleClaim(PROFILE);
        assertThat(ownerFile()).as("a live claim stays").exists();

        clock.advance(RotationLock.TIMEOUT.plus(Duration.ofSeconds(1)));
        assertThat(rotation.recover(PROFILE)).isEmpty();
        assertThat(ownerFile()).as("the next look clears a stale claim").doesNotExist();

        lock().tryAcquire(PROFILE, "killed again").orElseThrow();
        clock.advance(RotationLock.TIMEOUT.plus(Duration.ofSeconds(1)));
        assertThat(Files.exists(ownerFile())).isTrue();
        rotation.clearStaleClaim(PROFILE);
        assertThat(ownerFile()).doesNotExist();
    }

    @Test
    void aRefusedPendingKeyIsDroppedEvenWhenTheStoredKeyCannotBeChecked() {
        ApiKey pending = unknownKey();
        memory.save(PENDING, pending);
        clients.onVerify((key, real) -> {
            if (key.matches(pending)) {
                throw new ApiException.Unauthorized("req-p");
            }
            throw new ApiException.Network("No answer from the server.", null);
        });

        RotationResult r = new KeyRotation(startApp()).recover(PROFILE).orElseThrow();

        assertThat(r.outcome()).isEqualTo(RotationOutcome.ROLLED_BACK);
        assertThat(r.message()).contains("previous key was kept", "could not be checked just now");
        assertThat(r.cause()).isInstanceOf(ApiException.Network.class);
        assertThat(memory.load(PENDING)).isEmpty();
        assertThat(memory.load(PROFILE)).contains(original);
    }

    @Test
    void aWorkingPendingKeyThatCannotBeStoredStaysPending() {
        KeyRotation rotation = new KeyRotation(service);
        KeyRotation.Plan plan = rotation.prepare(PROFILE, RotationGrace.ONE_HOUR);
        IssuedKey issued = rotation.regenerate(plan);
        rotation.storePending(plan, issued.key());
        secrets.failWhen((op, account) -> op.equals("save") && account.equals(PROFILE));

        RotationResult r = new KeyRotation(startApp()).recover(PROFILE).orElseThrow();

        assertThat(r.outcome()).isEqualTo(RotationOutcome.PENDING);
        assertThat(r.message()).contains("Its new key works, but storing it failed", "The next start tries again");
        assertThat(memory.load(PENDING)).contains(issued.key());
        assertThat(memory.load(PROFILE)).contains(original);
    }

    @Test
    void aRecoveryThatCannotRemoveThePendingEntryStillCompletes() {
        KeyRotation rotation = new KeyRotation(service);
        KeyRotation.Plan plan = rotation.prepare(PROFILE, RotationGrace.ONE_HOUR);
        IssuedKey issued = rotation.regenerate(plan);
        rotation.storePending(plan, issued.key());
        secrets.failWhen((op, account) -> op.equals("delete"));
        ConnectionService app = startApp();

        RotationResult r = new KeyRotation(app).recover(PROFILE).orElseThrow();

        assertThat(r.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(memory.load(PROFILE)).contains(issued.key());
        assertThat(r.report().fingerprint()).isEqualTo(issued.key().fingerprint());
        assertThat(app.profile(PROFILE).verified().fingerprint())
                .isEqualTo(issued.key().fingerprint());
    }

    @Test
    void aPromotedKeyThatCannotBeCheckedAtTheNextStartIsLeftAsItIs() {
        KeyRotation rotation = new KeyRotation(service);
        KeyRotation.Plan plan = rotation.prepare(PROFILE, RotationGrace.ONE_HOUR);
        IssuedKey issued = rotation.regenerate(plan);
        rotation.storePending(plan, issued.key());
        rotation.promote(plan, issued.key());
        // stopped before the pending entry went and the facts were recorded
        clients.onVerify((key, real) -> {
            throw new ApiException.Network("No answer from the server.", null);
        });

        RotationResult r = new KeyRotation(startApp()).recover(PROFILE).orElseThrow();

        assertThat(r.outcome()).isEqualTo(RotationOutcome.UNDECIDED);
        assertThat(r.message()).contains("Its new key is stored but could not be checked");
        assertThat(memory.load(PENDING)).contains(issued.key());
        assertThat(memory.load(PROFILE)).contains(issued.key());

        clients.heal();
        ConnectionService app = startApp();
        RotationResult next = new KeyRotation(app).recover(PROFILE).orElseThrow();
        assertThat(next.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(memory.load(PENDING)).isEmpty();
        assertThat(app.profile(PROFILE).verified().fingerprint())
                .isEqualTo(issued.key().fingerprint());
    }

    @Test
    void aMarkerWhoseKeyCannotBeCheckedIsKeptForTheNextStart() {
        KeyRotation rotation = new KeyRotation(service);
        rotation.prepare(PROFILE, RotationGrace.ONE_HOUR);
        clients.onVerify((key, real) -> {
            throw new ApiException.Network("No answer from the server.", null);
        });

        RotationResult r = new KeyRotation(startApp()).recover(PROFILE).orElseThrow();

        assertThat(r.outcome()).isEqualTo(RotationOutcome.UNDECIDED);
        assertThat(r.message()).contains("The stored key could not be checked either");
        assertThat(r.cause()).isInstanceOf(ApiException.Network.class);
        assertThat(memory.load(PENDING)).contains(original);
    }

    @Test
    void aPendingEntryOfARemovedProfileIsDropped() {
        memory.save(KeyRotation.pendingAccount("gone"), unknownKey());
        assertThat(new KeyRotation(service).recover("gone")).isEmpty();
        assertThat(memory.load(KeyRotation.pendingAccount("gone"))).isEmpty();
        assertThat(new KeyRotation(service).recover(PROFILE))
                .as("nothing pending")
                .isEmpty();
    }

    @Test
    void aRefusedRegenerationRemovesTheMarkerAndSaysWhy() {
        clients.onRegenerate((caller, real) -> {
            throw new ApiException.Forbidden("admin", "req-f");
        });
        assertThatThrownBy(() -> new KeyRotation(service).rotate(PROFILE, RotationGrace.ONE_HOUR))
                .isInstanceOf(ApiException.Forbidden.class);
        assertThat(memory.load(PENDING)).isEmpty();
        assertThat(memory.load(PROFILE)).contains(original);
        assertThat(works(original)).isTrue();
    }

    @Test
    void aMarkerThatCannotBeRemovedAfterARefusalIsHarmless() {
        clients.onRegenerate((caller, real) -> {
            throw new ApiException.Forbidden("admin", "req-f");
        });
        secrets.failWhen((op, account) -> op.equals("delete"));
        assertThatThrownBy(() -> new KeyRotation(service).rotate(PROFILE, RotationGrace.ONE_HOUR))
                .isInstanceOf(ApiException.Forbidden.class);
        assertThat(memory.load(PENDING)).contains(original);
    }

    @Test
    void anEarlierRotationStillPendingBlocksANewOne() {
        KeyRotation rotation = new KeyRotation(service);
        rotation.prepare(PROFILE, RotationGrace.ONE_HOUR);
        assertThatThrownBy(() -> rotation.prepare(PROFILE, RotationGrace.ONE_HOUR))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("An earlier rotation of profile 'prod' is unfinished");
    }

    @Test
    void aBearerTokenCannotBeRotated() {
        service.addProfile("sso", sandbox.baseUri().toString(), AuthMode.BEARER, null, null);
        service.setKey("sso", original);
        assertThatThrownBy(() -> new KeyRotation(service).rotate("sso", RotationGrace.ONE_HOUR))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind())
                        .isEqualTo(ServiceException.Kind.NOT_SUPPORTED))
                .hasMessageContaining("cannot regenerate");
        assertThat(memory.load(KeyRotation.pendingAccount("sso"))).isEmpty();
    }
}
