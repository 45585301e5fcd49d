package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.client.ApiException;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Scope;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.FaultyClients;
import io.approvals.console.service.FaultySecretStore;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.service.KeyRotation;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** key rotate when things fail: the exit code and the one line say whether a working key is stored. */
class KeyRotateFaultsCommandTest {
    @TempDir
    Path sandboxDir;

    @TempDir
    Path root;

    private Sandbox sandbox;
    private final SessionOnlyStore memory = new SessionOnlyStore();
    private final FaultySecretStore secrets = new FaultySecretStore(memory);
    private final FaultyClients clients = new FaultyClients(new HttpClientFactory());
    private CliHarness cli;
    private ApiKey original;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = Sandbox.start(new SandboxConfig(sandboxDir, 0, 1));
        cli = new CliHarness(secrets, root, clients);
        assertThat(cli.run("profiles", "add", "prod", "--url", sandbox.baseUri().toString())
                        .code())
                .isZero();
        original = sandbox.issueKeyForTests("cli", "cli@example.com", Set.of(Scope.READ), null);
        assertThat(cli.runWithStdin(original.reveal(), "key", "set", "--profile", "prod")
                        .code())
                .isZero();
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
        assertThat(cli.transcript()).doesNotContain(original.reveal());
        memory.load("prod").ifPresent(k -> assertThat(cli.transcript()).doesNotContain(k.reveal()));
    }

    @Test
    void aKeychainThatRefusesTheNewKeyIsExit5AndSaysTheKeyIsLost() {
        AtomicInteger saves = new AtomicInteger();
        secrets.failWhen((op, account) -> op.equals("save") && saves.incrementAndGet() > 1);

        CliHarness.Result r = cli.run("key", "rotate", "--profile", "prod", "--grace", "1h");

        assertThat(r.code()).isEqualTo(ExitCodes.KEYCHAIN);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("could not store it", "keeps working until", "lost when the command ends");
        assertThat(memory.load("prod")).contains(original);
    }

    @Test
    void aLostAnswerIsExit4AndKeyStatusWarnsUntilRotatedAgain() {
        clients.onRegenerate((caller, real) -> {
            real.get();
            throw new ApiException.Network("The connection was reset.", null);
        });

        CliHarness.Result r = cli.run("key", "rotate", "--profile", "prod", "--grace", "24h");

        assertThat(r.code()).isEqualTo(ExitCodes.NETWORK);
        assertThat(r.err()).contains("did regenerate", "rotate again now");
        assertThat(memory.load(KeyRotation.pendingAccount("prod"))).isEmpty();
        // the marker is settled, but the key left Expiring stays on a warning line (exit 8) until rotated again
        CliHarness.Result status = cli.run("key", "status", "--profile", "prod");
        assertThat(status.code()).isEqualTo(ExitCodes.KEY_ATTENTION);
        assertThat(status.err().lines().toList()).hasSize(1);
        assertThat(status.err())
                .startsWith("warning: The stored key")
                .contains("is Expiring", "Next: approvals-console key rotate --profile prod --grace 1h");
        assertThat(status.out()).contains("Expiring");
    }

    @Test
    void aServerWithoutKeyEndpointsIsExit1AndPointsToKeySet() {
        clients.onRegenerate((caller, real) -> {
            throw new ApiException.NotFound(null, "r");
        });

        CliHarness.Result r = cli.run("key", "rotate", "--profile", "prod", "--compromised");

        assertThat(r.code()).isEqualTo(ExitCodes.OTHER);
        assertThat(r.err()).contains("administrator must issue the new key", "key set --profile prod");
    }

    @Test
    void aBearerProfileCannotBeRotated() {
        assertThat(cli.run("profiles", "add", "sso", "--url", sandbox.baseUri().toString(), "--bearer")
                        .code())
                .isZero();
        assertThat(cli.runWithStdin("an-sso-token-0123456789", "key", "set", "--profile", "sso")
                        .code())
                .isEqualTo(ExitCodes.AUTH);
        memory.save("sso", ApiKey.of("an-sso-token-0123456789"));

        CliHarness.Result r = cli.run("key", "rotate", "--profile", "sso", "--compromised");

        assertThat(r.code()).isEqualTo(ExitCodes.OTHER);
        assertThat(r.err()).contains("identity provider");
    }
}
