package io.approvals.console.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Scope;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.sandbox.SandboxWithClock;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.service.RotationGrace;
import io.approvals.console.testing.MovableClock;
import io.approvals.console.ui.DirectBackground;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key panel's logic against the real sandbox, on one thread, with timers fired by hand. */
class KeyPanelViewModelTest {
    @TempDir
    Path sandboxDir;

    @TempDir
    Path root;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T04:00:00Z"));
    private Sandbox sandbox;
    private final SessionOnlyStore secrets = new SessionOnlyStore();
    private final ManualTimers timers = new ManualTimers();
    private final MemoryClipboard clipboard = new MemoryClipboard();
    private final ClipboardGuard guard = new ClipboardGuard(clipboard, timers);
    private final List<String> changed = new ArrayList<>();
    private ConnectionService service;
    private ApiKey key;
    private KeyPanelViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = SandboxWithClock.start(new SandboxConfig(sandboxDir, 0, 1), clock);
        service = new ConnectionService(
                new ConnectionStore(AppPaths.under(root)), secrets, new HttpClientFactory(), clock);
        service.addProfile("prod", sandbox.baseUri().toString(), AuthMode.API_KEY, null, null);
        key = sandbox.issueKeyForTests(
                "lee", "lee@example.com", Set.of(Scope.READ), clock.instant().plus(Duration.ofDays(3)));
        service.setKey("prod", key);
        vm = new KeyPanelViewModel(service, "prod", new DirectBackground(), timers, guard, clock, changed::add);
        vm.load();
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
    }

    private boolean works(ApiKey k) {
        try {
            ApprovalsClient.builder(sandbox.baseUri(), k).build().verifyKey();
            return true;
        } catch (ApiException.Unauthorized e) {
            return false;
        }
    }

    @Test
    void showsTheKeyMaskedWithItsFingerprintAndWhatTheServerSaid() {
        assertThat(vm.keyTextProperty().get()).isEqualTo(key.maskedForDisplay());
        assertThat(vm.fingerprintProperty().get()).isEqualTo(key.fingerprint());
        assertThat(vm.scopesProperty().get()).isEqualTo("read  (read-only)");
        assertThat(vm.ownerProperty().get()).isEqualTo("lee@example.com");
        assertThat(vm.createdProperty().get()).isNotBlank();
        assertThat(vm.lastVerifiedProperty().get()).isNotBlank();
        assertThat(vm.expiresProperty().get()).contains("in 3 d", "rotate or replace");
        assertThat(vm.expiryWarningProperty().get()).isTrue();
        assertThat(vm.adminProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).contains("Verified");
    }

    @Test
    void revealShowsTheKeyAndHidesItselfAfterTenSeconds() {
        vm.reveal();

        assertThat(vm.revealedProperty().get()).isTrue();
        assertThat(vm.keyTextProperty().get()).isEqualTo(key.reveal());

        assertThat(timers.fire(KeyPanelViewModel.REVEAL_FOR)).isEqualTo(1);

        assertThat(vm.revealedProperty().get()).isFalse();
        assertThat(vm.keyTextProperty().get()).isEqualTo(key.maskedForDisplay());
    }

    @Test
    void copyMarksTheKeyAsSecretAndClearsItAfterThirtySecondsIfStillThere() {
        vm.copy();

        assertThat(clipboard.text).isEqualTo(key.reveal());
        assertThat(clipboard.markedSecret).isTrue();
        assertThat(guard.statusProperty().get()).contains("cleared in 30 s");

        timers.fire(ClipboardGuard.CLEAR_AFTER);

        assertThat(clipboard.text).isNull();
        assertThat(guard.statusProperty().get()).contains("Cleared the clipboard");
    }

    @Test
    void somethingTheUserCopiedSinceIsLeftAlone() {
        vm.copy();
        clipboard.userCopies("a shopping list");

        timers.fire(ClipboardGuard.CLEAR_AFTER);
        guard.onQuit();

        assertThat(clipboard.text).isEqualTo("a shopping list");
    }

    @Test
    void quittingClearsTheClipboardIfItHoldsTheKey() {
        vm.copy();

        guard.onQuit();

        assertThat(clipboard.text).isNull();
        assertThat(timers.live()).isZero();
    }

    @Test
    void compromisedRegenerationKillsTheOldKeyStoresTheNewOneAndClearsTheClipboard() {
        vm.copy();

        vm.regenerate(RotationGrace.COMPROMISED);

        ApiKey fresh = secrets.load("prod").orElseThrow();
        assertThat(fresh).isNotEqualTo(key);
        assertThat(works(key)).isFalse();
        assertThat(works(fresh)).isTrue();
        assertThat(clipboard.text).isNull();
        assertThat(vm.keyTextProperty().get()).isEqualTo(fresh.maskedForDisplay());
        assertThat(vm.fingerprintProperty().get()).isEqualTo(fresh.fingerprint());
        assertThat(vm.statusProperty().get()).contains("no longer works").doesNotContain(fresh.reveal());
        assertThat(vm.statusIsProblemProperty().get()).isFalse();
        assertThat(changed).containsExactly("prod");
    }

    @Test
    void routineRegenerationLeavesTheClipboardAndTheOldKeyWorksForTheGrace() {
        vm.regenerate(RotationGrace.ONE_HOUR);

        assertThat(works(key)).isTrue();
        assertThat(vm.statusProperty().get()).contains("keeps working until");
        clock.advance(Duration.ofHours(1));
        assertThat(works(key)).isFalse();
    }

    @Test
    void replaceVerifiesFirstAndKeepsTheOldKeyWhenTheNewOneIsRefused() {
        ApiKey unknown = ApiKey.generate(new java.security.SecureRandom());

        vm.replace(unknown.reveal(), null);

        assertThat(vm.statusIsProblemProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).contains("unchanged");
        assertThat(secrets.load("prod")).contains(key);

        vm.replace("apv_typo", null);
        assertThat(vm.statusProperty().get()).contains("unchanged");

        ApiKey other = sandbox.issueKeyForTests("lee2", "lee@example.com", Set.of(Scope.READ, Scope.ADMIN), null);
        vm.replace(other.reveal(), null);

        assertThat(secrets.load("prod")).contains(other);
        assertThat(vm.adminProperty().get()).isTrue();
        assertThat(changed).containsExactly("prod");
    }
}
