package io.approvals.console.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.Scope;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.sandbox.SandboxWithClock;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.service.KeyAdmin;
import io.approvals.console.service.RotationGrace;
import io.approvals.console.testing.MovableClock;
import io.approvals.console.ui.DirectBackground;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyAdminViewModelTest {
    @TempDir
    Path sandboxDir;

    @TempDir
    Path root;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T04:00:00Z"));
    private Sandbox sandbox;
    private KeyAdminViewModel vm;
    private final List<IssuedKey> shown = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        sandbox = SandboxWithClock.start(new SandboxConfig(sandboxDir, 0, 1), clock);
        ConnectionService service = new ConnectionService(
                new ConnectionStore(AppPaths.under(root)), new SessionOnlyStore(), new HttpClientFactory(), clock);
        service.addProfile("admin", sandbox.baseUri().toString(), AuthMode.API_KEY, null, null);
        service.setKey("admin", sandbox.newAdminKey().orElseThrow());
        vm = new KeyAdminViewModel(new KeyAdmin(service, "admin"), new DirectBackground(), clock);
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

    private KeyRow row(String name) {
        return vm.keys().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void issueRegenerateRevokeAndTheAuditTrail() {
        vm.issue("dana-laptop", "dana@example.com", List.of(), clock.instant().plus(Duration.ofDays(2)), shown::add);

        assertThat(shown).hasSize(1);
        ApiKey dana = shown.get(0).key();
        assertThat(works(dana)).isTrue();
        KeyRow r = row("dana-laptop");
        assertThat(r.scopes()).isEqualTo("read");
        assertThat(r.expiresSoon()).isTrue();
        assertThat(r.neverUsed()).isTrue();
        assertThat(r.hint()).isEqualTo(dana.prefix() + "\u2026" + dana.last4());
        assertThat(vm.summaryProperty().get()).startsWith("2 keys;").contains("1 expiring within 7 days");
        assertThat(vm.statusProperty().get()).contains("Issued");

        // a routine rotation: the old secret keeps working, and is listed with the current one until its grace ends
        vm.regenerate(r, RotationGrace.parse("2h"), shown::add);
        ApiKey danaRoutine = shown.get(1).key();
        assertThat(works(dana)).isTrue();
        vm.selectedProperty().set(row("dana-laptop"));
        assertThat(vm.secrets())
                .extracting(KeySecrets.Secret::hint)
                .containsExactly(
                        danaRoutine.prefix() + "\u2026" + danaRoutine.last4(), dana.prefix() + "\u2026" + dana.last4());
        assertThat(vm.secrets().get(1).current()).isFalse();
        assertThat(vm.secrets().get(1).until()).isAfter(clock.instant().plus(Duration.ofMinutes(119)));
        shown.remove(1);

        vm.regenerate(row("dana-laptop"), RotationGrace.COMPROMISED, shown::add);
        vm.selectedProperty().set(row("dana-laptop"));
        assertThat(vm.secrets()).as("no grace: every older secret stopped").hasSize(1);
        assertThat(shown).hasSize(2);
        assertThat(works(dana)).isFalse();
        ApiKey dana2 = shown.get(1).key();
        assertThat(works(dana2)).isTrue();

        vm.revoke(row("dana-laptop"));
        assertThat(works(dana2)).isFalse();
        assertThat(row("dana-laptop").status()).isEqualTo("Revoked");
        assertThat(row("dana-laptop").revoked()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Revoked");

        vm.keyFilterProperty().set("DANA@");
        assertThat(vm.keys()).extracting(KeyRow::name).containsOnly("dana-laptop");
        vm.keyFilterProperty().set("");

        vm.refreshAudit();
        assertThat(vm.audit())
                .extracting(AuditEntry::action)
                .contains(AuditEntry.KEY_ISSUED, AuditEntry.KEY_REGENERATED, AuditEntry.KEY_REVOKED);
        vm.auditActionProperty().set(AuditEntry.KEY_REVOKED);
        assertThat(vm.audit()).extracting(AuditEntry::action).containsOnly(AuditEntry.KEY_REVOKED);
        vm.auditOwnerProperty().set("nobody@");
        assertThat(vm.audit()).isEmpty();
        vm.auditOwnerProperty().set("admin@localhost");
        assertThat(vm.audit()).isNotEmpty();
    }

    @Test
    void expireNowEndsEveryOlderSecretInGraceAndSaysSo() {
        vm.issue("omar-laptop", "omar@example.com", List.of(), null, shown::add);
        ApiKey first = shown.get(0).key();
        vm.regenerate(row("omar-laptop"), RotationGrace.parse("2h"), shown::add);
        ApiKey second = shown.get(1).key();
        vm.regenerate(row("omar-laptop"), RotationGrace.parse("1h"), shown::add);
        ApiKey current = shown.get(2).key();
        vm.selectedProperty().set(row("omar-laptop"));
        assertThat(vm.secrets()).hasSize(3);
        assertThat(vm.secretsInGrace()).isEqualTo(2);

        vm.expirePrevious(row("omar-laptop"), vm.secrets().get(1));

        assertThat(vm.statusIsProblemProperty().get()).isFalse();
        assertThat(vm.statusProperty().get())
                .startsWith("Grace period ended: the older secrets")
                .contains(first.prefix() + "\u2026" + first.last4())
                .contains(second.prefix() + "\u2026" + second.last4())
                .contains("The current secret " + current.prefix() + "\u2026" + current.last4() + " keeps working");
        assertThat(vm.secrets()).hasSize(1).allMatch(KeySecrets.Secret::current);
        assertThat(works(first)).isFalse();
        assertThat(works(second)).isFalse();
        assertThat(works(current)).isTrue();
        assertThat(vm.graceEndUnsupportedProperty().get()).isFalse();
        vm.refreshAudit();
        assertThat(vm.audit()).extracting(AuditEntry::action).startsWith(AuditEntry.KEY_GRACE_ENDED);

        // asked again (another admin was quicker): nothing to end, said as a problem, nothing shown as ended
        vm.expirePrevious(row("omar-laptop"), new KeySecrets.Secret("apv_x\u2026abcd", false, clock.instant(), false));
        assertThat(vm.statusIsProblemProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Nothing to end");
        assertThat(vm.secrets()).hasSize(1);
    }

    @Test
    void oneKeyIsCountedInTheSingular() {
        vm.refresh();
        assertThat(vm.summaryProperty().get()).startsWith("1 key;");
    }

    @Test
    void badInputIsShownAsAProblemAndNothingIsIssued() {
        vm.issue("", "x@example.com", List.of(Scope.READ), null, shown::add);
        assertThat(vm.statusIsProblemProperty().get()).isTrue();
        vm.issue("x", "x@example.com", List.of("root"), null, shown::add);
        assertThat(vm.statusProperty().get()).contains("Unknown scope");
        assertThat(shown).isEmpty();
    }
}
