package io.approvals.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.cli.CanaryScan;
import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyStatus;
import io.approvals.console.contract.Scope;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.sandbox.SandboxWithClock;
import io.approvals.console.testing.LogCapture;
import io.approvals.console.testing.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rotation flow against the real sandbox over HTTP, with a fault injected at every step: afterwards
 * a working key is stored (or the message says exactly why that was impossible), and the next start
 * finishes or rolls back. Time moves by hand (the sandbox's clock), so grace periods need no waiting.
 */
class KeyRotationTest {
    private static final String PROFILE = "prod";
    private static final String PENDING = KeyRotation.pendingAccount(PROFILE);

    @TempDir
    Path sandboxDir;

    @TempDir
    Path root;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T04:00:00Z"));
    private Sandbox sandbox;
    private final SessionOnlyStore memory = new SessionOnlyStore();
    private final FaultySecretStore secrets = new FaultySecretStore(memory);
    private final FaultyClients clients = new FaultyClients(new HttpClientFactory());
    private ConnectionService service;
    private ApiKey original;
    private LogCapture logs;
    private final List<ApiKey> seen = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        logs = new LogCapture();
        sandbox = SandboxWithClock.start(new SandboxConfig(sandboxDir, 0, 1), clock);
        service = startApp();
        service.addProfile(PROFILE, sandbox.baseUri().toString(), AuthMode.API_KEY, null, null);
        original = sandbox.issueKeyForTests("lee-laptop", "lee@example.com", Set.of(Scope.READ, Scope.WRITE), null);
        seen.add(original);
        service.setKey(PROFILE, original);
    }

    @AfterEach
    void tearDown() throws Exception {
        logs.close();
        sandbox.close();
        // no key, old or new, ever reached a log line, a message or a file of ours
        for (ApiKey k : seen) {
            assertThat(logs.text()).doesNotContain(k.reveal());
            CanaryScan.assertNoFileContains(k.reveal(), root);
        }
    }

    /** A new start of the app: new objects over the same keychain and connections file. */
    private ConnectionService startApp() {
        return new ConnectionService(new ConnectionStore(AppPaths.under(root)), secrets, clients, clock);
    }

    private ApiKey stored() {
        return memory.load(PROFILE).orElseThrow();
    }

    private boolean works(ApiKey key) {
        try {
            client(key).verifyKey();
            return true;
        } catch (ApiException.Unauthorized e) {
            return false;
        }
    }

    private ApprovalsClient client(ApiKey key) {
        return ApprovalsClient.builder(sandbox.baseUri(), key).build();
    }

    private RotationResult check(RotationResult r) {
        assertThat(r.message()).doesNotContain(original.reveal());
        if (r.report() != null && r.report().masked() != null) {
            assertThat(r.toString()).doesNotContain(stored().reveal());
        }
        return r;
    }

    @Test
    void routineRotationStoresTheNewKeyAndTheOldOneWorksUntilTheGraceEnds() {
        RotationResult r = check(new KeyRotation(service).rotate(PROFILE, RotationGrace.ONE_HOUR));

        assertThat(r.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        ApiKey fresh = stored();
        seen.add(fresh);
        assertThat(fresh).isNotEqualTo(original);
        assertThat(memory.load(PENDING)).isEmpty();
        assertThat(r.message())
                .contains(fresh.masked(), fresh.fingerprint(), "keeps working until")
                .doesNotContain(fresh.reveal());
        assertThat(r.report().fingerprint()).isEqualTo(fresh.fingerprint());
        assertThat(r.report().verifiedMatchesStored()).isTrue();
        assertThat(service.profile(PROFILE).verified().fingerprint()).isEqualTo(fresh.fingerprint());

        assertThat(client(original).currentKey().status()).isEqualTo(KeyStatus.EXPIRING);
        clock.advance(Duration.ofMinutes(59));
        assertThat(works(original)).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(works(original)).isFalse();
        assertThat(works(fresh)).isTrue();
    }

    @Test
    void compromisedRotationKillsTheOldKeyAtOnce() {
        RotationResult r = check(new KeyRotation(service).rotate(PROFILE, RotationGrace.COMPROMISED));

        assertThat(r.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(r.message()).contains("The old key no longer works");
        seen.add(stored());
        assertThat(works(original)).isFalse();
        assertThat(works(stored())).isTrue();
    }

    @Test
    void aServerErrorBeforeTheServerActedChangesNothing() {
        clients.onRegenerate((caller, real) -> {
            throw new ApiException.Server(502, "bad gateway", "req-x");
        });

        RotationResult r = check(new KeyRotation(service).rotate(PROFILE, RotationGrace.COMPROMISED));

        assertThat(r.outcome()).isEqualTo(RotationOutcome.NOTHING_CHANGED);
        assertThat(r.outcome().workingKeyStored()).isTrue();
        assertThat(r.message()).contains("Regenerating the key failed", "nothing changed");
        assertThat(stored()).isEqualTo(original);
        assertThat(works(original)).isTrue();
        assertThat(memory.load(PENDING)).isEmpty();
    }

    @Test
    void aLostAnswerWithAGracePeriodSaysHowLongTheStoredKeyStillWorks() {
        clients.onRegenerate((caller, real) -> {
            seen.add(real.get().key());
            throw new ApiException.Network("The connection was reset.", null);
        });

        RotationResult r = check(new KeyRotation(service).rotate(PROFILE, RotationGrace.ONE_DAY));

        assertThat(r.outcome()).isEqualTo(RotationOutcome.NEW_KEY_LOST);
        assertThat(r.message()).contains("did regenerate", "keeps working until", "rotate again now");
        assertThat(r.oldKeyValidUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(1)));
        assertThat(stored()).isEqualTo(original);
        assertThat(works(original)).isTrue();
        assertThat(memory.load(PENDING)).isEmpty();
        assertThat(service.profile(PROFILE).verified().status()).isEqualTo("Expiring");

        // as the message says: rotate again now, while the stored key still works
        clients.heal();
        RotationResult again = new KeyRotation(service).rotate(PROFILE, RotationGrace.ONE_HOUR);
        assertThat(again.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        seen.add(stored());
        assertThat(works(stored())).isTrue();
    }

    @Test
    void aLostAnswerWithNoGraceIsTheOneWindowThatCannotBeClosedAndIsSaidPlainly() {
        clients.onRegenerate((caller, real) -> {
            seen.add(real.get().key());
            throw new ApiException.Network("The connection was reset.", null);
        });

        RotationResult r = check(new KeyRotation(service).rotate(PROFILE, RotationGrace.COMPROMISED));

        assertThat(r.outcome()).isEqualTo(RotationOutcome.NEW_KEY_LOST);
        assertThat(r.message()).contains("no longer accepted", "Ask an administrator", "key set --profile prod");
        assertThat(r.cause()).as("the lost answer, not the refusal it led to").isInstanceOf(ApiException.Network.class);
        assertThat(memory.load(PENDING)).isEmpty();
        // the refusal outlives the marker: key status and the app's banner say it until a working key is stored
        assertThat(service.profile(PROFILE).verified().status()).isEqualTo(KeyAttention.REFUSED_STATUS);
        assertThat(service.profile(PROFILE).verified().fingerprint()).isEqualTo(original.fingerprint());
    }

    @Test
    void aKeychainThatRefusesThePendingEntryGetsTheNewKeyStoredDirectly() {
        AtomicInteger pendingSaves = new AtomicInteger();
        // the marker goes in; every later write to the pending entry fails
        secrets.failWhen(
                (op, account) -> op.equals("save") && account.equals(PENDING) && pendingSaves.incrementAndGet() > 1);

        RotationResult r = check(new KeyRotation(service).rotate(PROFILE, RotationGrace.COMPROMISED));

        assertThat(r.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(r.message()).contains("stored directly");
        seen.add(stored());
        assertThat(works(stored())).isTrue();
        assertThat(memory.load(PENDING)).isEmpty();
    }

    @Test
    void aKeychainThatRefusesEveryWriteAfterRegenerateKeepsTheNewKeyInMemoryAndSaysSo() {
        AtomicInteger saves = new AtomicInteger();
        secrets.failWhen((op, account) -> op.equals("save") && saves.incrementAndGet() > 1);

        RotationResult r = check(new KeyRotation(service).rotate(PROFILE, RotationGrace.ONE_HOUR));

        assertThat(r.outcome()).isEqualTo(RotationOutcome.NEW_KEY_NOT_STORED);
        assertThat(r.message()).contains("could not store it", "keeps working until", "memory only");
        assertThat(r.unsavedKey()).isNotNull();
        seen.add(r.unsavedKey());
        assertThat(works(r.unsavedKey())).isTrue();
        // the stored key is the old one, and it still works during the grace period
        assertThat(stored()).isEqualTo(original);
        assertThat(works(original)).isTrue();
    }

    @Test
    void aKeychainThatIsUnreachableBeforehandStopsTheRotationBeforeTheServerIsAsked() {
        secrets.failWhen((op, account) -> op.equals("save"));

        assertThatThrownBy(() -> new KeyRotation(service).rotate(PROFILE, RotationGrace.COMPROMISED))
                .isInstanceOf(KeychainException.class);

        assertThat(stored()).isEqualTo(original);
        assertThat(client(original).currentKey().status()).isEqualTo(KeyStatus.ACTIVE);
    }

    @Test
    void aVerificationWithoutAnswerLeavesThePendingEntryAndTheNextStartFinishes() {
        clients.onVerify((key, real) -> {
            if (!key.matches(original)) {
                throw new ApiException.Network("No answer.", null);
            }
            return real.get();
        });

        RotationResult r = check(new KeyRotation(service).rotate(PROFILE, RotationGrace.COMPROMISED));

        assertThat(r.outcome()).isEqualTo(RotationOutcome.UNDECIDED);
        assertThat(r.message()).contains("could not be verified", "next start tries again");
        ApiKey fresh = memory.load(PENDING).orElseThrow();
        seen.add(fresh);
        assertThat(stored()).isEqualTo(original);

        clients.heal();
        RotationResult next = new RotationRecovery(startApp()).recover(PROFILE).orElseThrow();

        assertThat(next.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(next.message()).contains("was interrupted", "has been completed", fresh.masked());
        assertThat(stored()).isEqualTo(fresh);
        assertThat(memory.load(PENDING)).isEmpty();
        assertThat(works(fresh)).isTrue();
    }

    @Test
    void aRefusedNewKeyIsRolledBackToTheOldKeyThatStillWorks() {
        clients.onVerify((key, real) -> {
            if (!key.matches(original)) {
                throw new ApiException.Unauthorized("req-y");
            }
            return real.get();
        });

        RotationResult r = check(new KeyRotation(service).rotate(PROFILE, RotationGrace.ONE_HOUR));

        assertThat(r.outcome()).isEqualTo(RotationOutcome.ROLLED_BACK);
        assertThat(r.message()).contains("could not be verified", "previous key", "was kept");
        assertThat(stored()).isEqualTo(original);
        assertThat(works(original)).isTrue();
        assertThat(memory.load(PENDING)).isEmpty();
    }

    @Test
    void aStopBetweenStoreAndPromoteIsFinishedAtTheNextStart() {
        KeyRotation rotation = new KeyRotation(service);
        KeyRotation.Plan plan = rotation.prepare(PROFILE, RotationGrace.COMPROMISED);
        IssuedKey issued = rotation.regenerate(plan);
        seen.add(issued.key());
        rotation.storePending(plan, issued.key());
        // the process stops here

        List<RotationResult> atStart = new RotationRecovery(startApp()).recoverAll();

        assertThat(atStart).hasSize(1);
        assertThat(atStart.get(0).outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(stored()).isEqualTo(issued.key());
        assertThat(memory.load(PENDING)).isEmpty();
        assertThat(works(original)).isFalse();
        assertThat(works(stored())).isTrue();
        assertThat(startApp().profile(PROFILE).verified().fingerprint())
                .isEqualTo(issued.key().fingerprint());
        assertThat(new RotationRecovery(startApp()).recoverAll()).isEmpty();
    }

    @Test
    void aStopBetweenVerifyAndPromoteIsFinishedAtTheNextStart() {
        KeyRotation rotation = new KeyRotation(service);
        KeyRotation.Plan plan = rotation.prepare(PROFILE, RotationGrace.ONE_HOUR);
        IssuedKey issued = rotation.regenerate(plan);
        seen.add(issued.key());
        rotation.storePending(plan, issued.key());
        rotation.verify(plan, issued.key());
        rotation.promote(plan, issued.key());
        // stops before the pending entry is removed

        RotationResult r = new RotationRecovery(startApp()).recover(PROFILE).orElseThrow();

        assertThat(r.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(stored()).isEqualTo(issued.key());
        assertThat(memory.load(PENDING)).isEmpty();
    }

    @Test
    void aStopAfterRegenerateBeforeTheNewKeyWasStoredIsExplainedAtTheNextStart() {
        KeyRotation rotation = new KeyRotation(service);
        KeyRotation.Plan plan = rotation.prepare(PROFILE, RotationGrace.ONE_HOUR);
        seen.add(rotation.regenerate(plan).key());
        // stops before storePending: only the marker is there
        assertThatThrownBy(() -> rotation.prepare(PROFILE, RotationGrace.ONE_HOUR))
                .as("no second rotation over an unfinished one")
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("is unfinished");

        RotationResult r = new RotationRecovery(startApp()).recover(PROFILE).orElseThrow();

        assertThat(r.outcome()).isEqualTo(RotationOutcome.NEW_KEY_LOST);
        assertThat(r.message()).contains("stopped before a new key was stored", "keeps working until");
        assertThat(stored()).isEqualTo(original);
        assertThat(works(original)).isTrue();
        assertThat(memory.load(PENDING)).isEmpty();
    }

    @Test
    void aStopBeforeRegenerateChangesNothing() {
        new KeyRotation(service).prepare(PROFILE, RotationGrace.COMPROMISED);

        RotationResult r = new RotationRecovery(startApp()).recover(PROFILE).orElseThrow();

        assertThat(r.outcome()).isEqualTo(RotationOutcome.NOTHING_CHANGED);
        assertThat(stored()).isEqualTo(original);
        assertThat(memory.load(PENDING)).isEmpty();
    }

    @Test
    void aPromoteThatFailsLeavesThePendingEntryAndTheNextStartFinishes() {
        secrets.failWhen((op, account) -> op.equals("save") && account.equals(PROFILE));

        RotationResult r = check(new KeyRotation(service).rotate(PROFILE, RotationGrace.COMPROMISED));

        assertThat(r.outcome()).isEqualTo(RotationOutcome.PENDING);
        assertThat(r.message()).contains("pending entry", "next start");
        ApiKey fresh = memory.load(PENDING).orElseThrow();
        seen.add(fresh);

        // at the next start the keychain still refuses: nothing is lost, it stays pending
        RotationResult still = new RotationRecovery(startApp()).recover(PROFILE).orElseThrow();
        assertThat(still.outcome()).isEqualTo(RotationOutcome.PENDING);
        assertThat(memory.load(PENDING)).contains(fresh);

        secrets.heal();
        RotationResult done = new RotationRecovery(startApp()).recover(PROFILE).orElseThrow();
        assertThat(done.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        assertThat(stored()).isEqualTo(fresh);
        assertThat(works(fresh)).isTrue();
    }

    @Test
    void aPendingKeyTheServerRefusesIsDroppedAndTheWorkingOldKeyKept() {
        ApiKey unknown = ApiKey.generate(new java.security.SecureRandom());
        seen.add(unknown);
        memory.save(PENDING, unknown);

        RotationResult r = new RotationRecovery(startApp()).recover(PROFILE).orElseThrow();

        assertThat(r.outcome()).isEqualTo(RotationOutcome.ROLLED_BACK);
        assertThat(r.message()).contains("was refused", "was kept");
        assertThat(stored()).isEqualTo(original);
        assertThat(memory.load(PENDING)).isEmpty();
    }

    @Test
    void withoutAnAnswerTheRecoveryDecidesNothing() {
        ApiKey unknown = ApiKey.generate(new java.security.SecureRandom());
        seen.add(unknown);
        memory.save(PENDING, unknown);
        clients.onVerify((key, real) -> {
            throw new ApiException.Network("No answer.", null);
        });

        RotationResult r = new RotationRecovery(startApp()).recover(PROFILE).orElseThrow();

        assertThat(r.outcome()).isEqualTo(RotationOutcome.UNDECIDED);
        assertThat(memory.load(PENDING)).contains(unknown);
        assertThat(stored()).isEqualTo(original);

        assertThatThrownBy(() -> new KeyRotation(startApp()).rotate(PROFILE, RotationGrace.COMPROMISED))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("Not rotating again");
        assertThat(works(original)).as("the server was not asked").isTrue();
    }

    @Test
    void anUnfinishedRotationIsSettledBeforeANewOneStarts() {
        KeyRotation rotation = new KeyRotation(service);
        KeyRotation.Plan plan = rotation.prepare(PROFILE, RotationGrace.ONE_HOUR);
        IssuedKey first = rotation.regenerate(plan);
        seen.add(first.key());
        rotation.storePending(plan, first.key());

        RotationResult r = new KeyRotation(startApp()).rotate(PROFILE, RotationGrace.ONE_HOUR);

        assertThat(r.outcome()).isEqualTo(RotationOutcome.COMPLETED);
        seen.add(stored());
        assertThat(stored()).isNotEqualTo(first.key()).isNotEqualTo(original);
        assertThat(works(stored())).isTrue();
    }

    @Test
    void aServerWithoutKeyEndpointsPointsToReplacingTheKeyByHand() {
        clients.onRegenerate((caller, real) -> {
            throw new ApiException.NotFound(null, "req-z");
        });

        assertThatThrownBy(() -> new KeyRotation(service).rotate(PROFILE, RotationGrace.COMPROMISED))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("administrator must issue the new key")
                .hasMessageContaining("key set --profile prod")
                .hasMessageContaining("Replace key");
        assertThat(memory.load(PENDING)).isEmpty();
        assertThat(stored()).isEqualTo(original);
    }

    @Test
    void removingTheProfileAlsoRemovesAPendingEntry() {
        new KeyRotation(service).prepare(PROFILE, RotationGrace.COMPROMISED);
        service.removeProfile(PROFILE);
        assertThat(memory.load(PENDING)).isEmpty();
        assertThat(memory.load(PROFILE)).isEmpty();
    }
}
