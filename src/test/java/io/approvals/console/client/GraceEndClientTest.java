package io.approvals.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyStatus;
import io.approvals.console.contract.Scope;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.testing.FaultProxy;
import io.approvals.console.testing.StubServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * expirePreviousSecrets against the sandbox over HTTP, and against servers without the extension endpoint: the
 * sandbox behind a proxy that answers 404 (worded like "no such key") or 405 for the path, and a server with no
 * /apikeys at all. "Cannot" is an answer, not a failure; an unknown key stays a NotFound.
 */
class GraceEndClientTest {
    @TempDir
    Path dir;

    private Sandbox sandbox;
    private ApiKey admin;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(new SandboxConfig(dir, 0, 1));
        admin = sandbox.newAdminKey().orElseThrow();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static ApprovalsClient client(URI base, ApiKey key) {
        return ApprovalsClient.builder(base, key).retryPolicy(RetryPolicy.NONE).build();
    }

    private static boolean works(URI base, ApiKey key) {
        try {
            client(base, key).currentKey();
            return true;
        } catch (ApiException.Unauthorized e) {
            return false;
        }
    }

    /** A key whose first secret is in a one-hour grace period; [0] the old secret, [1] the current one. */
    private ApiKey[] keyInGrace(String name) {
        ApiKey old = sandbox.issueKeyForTests(name, name + "@example.com", Set.of(Scope.READ), null);
        String id = client(sandbox.baseUri(), old).currentKey().id();
        IssuedKey fresh = client(sandbox.baseUri(), admin).regenerateKey(id, 3600);
        return new ApiKey[] {old, fresh.key()};
    }

    @Test
    void theSandboxEndsTheGracePeriodAndTheOldSecretIsRefused() {
        ApiKey[] keys = keyInGrace("dana-laptop");
        URI base = sandbox.baseUri();
        String id = client(base, keys[1]).currentKey().id();
        assertThat(works(base, keys[0])).isTrue();

        GraceEnd end = client(base, admin).expirePreviousSecrets(id);

        assertThat(end.endpointAvailable()).isTrue();
        assertThat(end.key().id()).isEqualTo(id);
        assertThat(end.key().status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(end.key().prefix()).isEqualTo(keys[1].prefix());
        assertThat(works(base, keys[0])).as("the old secret").isFalse();
        assertThat(works(base, keys[1])).as("the current secret").isTrue();

        assertThatThrownBy(() -> client(base, admin).expirePreviousSecrets(id))
                .as("nothing left in grace")
                .isInstanceOf(ApiException.Conflict.class);
        assertThatThrownBy(() -> client(base, admin).expirePreviousSecrets("key_unknown"))
                .isInstanceOf(ApiException.NotFound.class);
        ApiKey reader = sandbox.issueKeyForTests("reader", "r@example.com", Set.of(Scope.READ), null);
        assertThatThrownBy(() -> client(base, reader).expirePreviousSecrets(id))
                .isInstanceOfSatisfying(ApiException.Forbidden.class, f -> assertThat(f.requiredScope())
                        .isEqualTo(Scope.ADMIN));
    }

    @Test
    void aServerAnswering404ForThePathCannotAndTheOldSecretStillWorks() throws Exception {
        ApiKey[] keys = keyInGrace("lee-laptop");
        String id = client(sandbox.baseUri(), keys[1]).currentKey().id();
        try (FaultProxy proxy = new FaultProxy(sandbox.baseUri())) {
            proxy.fail(FaultProxy.Fault.NO_ROUTE_404, "/expire-previous");

            GraceEnd end = client(proxy.uri(), admin).expirePreviousSecrets(id);

            assertThat(end).isEqualTo(GraceEnd.UNAVAILABLE);
            assertThat(end.key()).isNull();
            assertThat(proxy.seen("GET", "/apikeys"))
                    .as("the key list told the two 404s apart")
                    .isNotEmpty();
            assertThat(works(sandbox.baseUri(), keys[0]))
                    .as("nothing was ended")
                    .isTrue();
            // an unknown key behind the same server is still an unknown key, not "cannot"
            assertThatThrownBy(() -> client(proxy.uri(), admin).expirePreviousSecrets("key_unknown"))
                    .isInstanceOf(ApiException.NotFound.class);
        }
    }

    @Test
    void aServerAnswering405ForThePathCannot() throws Exception {
        ApiKey[] keys = keyInGrace("kim-laptop");
        String id = client(sandbox.baseUri(), keys[1]).currentKey().id();
        try (FaultProxy proxy = new FaultProxy(sandbox.baseUri())) {
            proxy.fail(FaultProxy.Fault.NO_ROUTE_405, "/expire-previous");
            assertThat(client(proxy.uri(), admin).expirePreviousSecrets(id)).isEqualTo(GraceEnd.UNAVAILABLE);
            assertThat(works(sandbox.baseUri(), keys[0])).isTrue();
        }
    }

    @Test
    void aServerWithoutKeyEndpointsCannot() throws Exception {
        try (StubServer server = StubServer.http()) {
            // every path is a plain-text 404, /apikeys included
            assertThat(client(server.uri(), admin).expirePreviousSecrets("17")).isEqualTo(GraceEnd.UNAVAILABLE);
            assertThat(server.requests()).extracting(StubServer.Seen::method).containsExactly("POST", "GET");
        }
    }
}
