package io.approvals.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.client.ApiException;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Scope;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replace key… with "revoke the old key now", against the sandbox over HTTP. */
class KeyReplacementTest {
    @TempDir
    Path dir;

    Sandbox sandbox;
    ConnectionService service;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(new SandboxConfig(dir.resolve("sandbox"), 0, null));
        service = new ConnectionService(
                new ConnectionStore(dir.resolve("connections.json"), Clock.systemUTC()),
                new SessionOnlyStore(),
                new HttpClientFactory());
        service.addProfile("p", sandbox.baseUri().toString(), io.approvals.console.config.AuthMode.API_KEY, null, null);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private ApiKey issue(String name, String... scopes) {
        return sandbox.issueKeyForTests(name, name + "@example.com", Set.of(scopes), null);
    }

    private void refused(ApiKey key) {
        assertThatThrownBy(() -> service.clients()
                        .create(Connection.of("p", sandbox.baseUri()), key)
                        .currentKey())
                .isInstanceOf(ApiException.Unauthorized.class);
    }

    @Test
    void anAdminRevokesTheReplacedKeyWithTheNewOne() {
        ApiKey old = issue("old", Scope.READ, Scope.ADMIN);
        service.setKey("p", old);
        ApiKey fresh = issue("fresh", Scope.READ, Scope.ADMIN);

        KeyReplacement.Result r = KeyReplacement.replace(service, "p", fresh, true);

        assertThat(r.oldKey())
                .isEqualTo("Revoked the old key " + old.masked() + " (fingerprint " + old.fingerprint()
                        + "): it no longer works anywhere.");
        refused(old);
        assertThat(service.storedKeyIfAny("p"))
                .hasValueSatisfying(k -> assertThat(k.matches(fresh)).isTrue());
        assertThat(r.report().fingerprint()).isEqualTo(fresh.fingerprint());
    }

    @Test
    void aNewKeyWithoutAdminHasTheOldAdminKeyRevokeItself() {
        ApiKey old = issue("old", Scope.READ, Scope.ADMIN);
        service.setKey("p", old);
        ApiKey fresh = issue("fresh", Scope.READ);

        assertThat(KeyReplacement.replace(service, "p", fresh, true).oldKey()).startsWith("Revoked the old key");
        refused(old);
    }

    @Test
    void theSameKeyRegeneratedIsNotRevokedAndWithoutTheChoiceNothingIs() {
        ApiKey old = issue("old", Scope.READ, Scope.ADMIN);
        service.setKey("p", old);
        ApiKey regenerated = service.client("p").regenerateCurrentKey(3600).key();

        KeyReplacement.Result r = KeyReplacement.replace(service, "p", regenerated, true);

        assertThat(r.oldKey()).contains("the new key is the same key regenerated");
        assertThat(service.clients()
                        .create(Connection.of("p", sandbox.baseUri()), regenerated)
                        .currentKey())
                .isNotNull();

        ApiKey other = issue("other", Scope.READ);
        assertThat(KeyReplacement.replace(service, "p", other, false).oldKey()).isNull();
        assertThat(service.clients()
                        .create(Connection.of("p", sandbox.baseUri()), regenerated)
                        .currentKey())
                .as("not asked to revoke: still works")
                .isNotNull();
    }
}
