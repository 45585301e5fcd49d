package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.TestKeys;
import io.approvals.console.credentials.OsKeychainStore;
import io.approvals.console.credentials.SecretServiceAssumptions;
import io.approvals.console.credentials.TimeoutSecretStore;
import io.approvals.console.service.FakeApprovalsApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key commands with the real OS keychain as the store (the server is in memory). */
class KeychainCommandsTest {
    @TempDir
    Path root;

    private final OsKeychainStore keychain = new OsKeychainStore();
    private final FakeApprovalsApi server = new FakeApprovalsApi();
    private final String profile = "kc-" + UUID.randomUUID().toString().substring(0, 8);
    private final ApiKey canary = TestKeys.canary();
    private CliHarness cli;

    @BeforeEach
    void keychainIsThere() {
        SecretServiceAssumptions.requireOsKeychain();
        cli = new CliHarness(new TimeoutSecretStore(keychain, Duration.ofSeconds(30)), root, server.factory());
        assertThat(cli.run("profiles", "add", profile, "--url", "https://approvals.example.com")
                        .code())
                .isZero();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (cli != null) {
            keychain.delete(profile);
            assertThat(cli.transcript()).doesNotContain(canary.reveal());
            CanaryScan.assertNoFileContains(canary.reveal(), root);
        }
    }

    @Test
    void keySetStoresInTheKeychainWhereSecretToolFindsIt() throws Exception {
        server.issue(canary, "lee@example.com", List.of("read", "write"));

        CliHarness.Result set = cli.runWithStdin(canary.reveal() + "\n", "key", "set", "--profile", profile);

        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("stored in " + keychain.backendName());
        assertThat(cli.run("key", "status", "--profile", profile).out())
                .contains("Stored in:", keychain.backendName(), canary.masked());
        if (SecretServiceAssumptions.isLinux()) {
            assertThat(secretToolLookup(profile)).isEqualTo(canary.reveal());
        }
    }

    @Test
    void aRefusedKeyLeavesTheKeychainEntryUntouched() throws Exception {
        server.issue(canary, "lee@example.com", List.of("read"));
        cli.runWithStdin(canary.reveal(), "key", "set", "--profile", profile);
        ApiKey unknown = TestKeys.random();

        CliHarness.Result r = cli.runWithStdin(unknown.reveal(), "key", "set", "--profile", profile);

        assertThat(r.code()).isEqualTo(ExitCodes.AUTH);
        assertThat(keychain.load(profile)).contains(canary);
    }

    @Test
    void removingTheProfileDeletesTheKeychainEntry() throws Exception {
        server.issue(canary, "lee@example.com", List.of("read"));
        cli.runWithStdin(canary.reveal(), "key", "set", "--profile", profile);

        assertThat(cli.run("profiles", "remove", profile).code()).isZero();

        assertThat(keychain.load(profile)).isEmpty();
        if (SecretServiceAssumptions.isLinux()) {
            assertThat(secretToolLookup(profile)).isEmpty();
        }
    }

    private static String secretToolLookup(String account) throws Exception {
        assumeTrue(SecretServiceAssumptions.isLinux());
        Process p = new ProcessBuilder("secret-tool", "lookup", "service", OsKeychainStore.SERVICE, "account", account)
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.strip();
    }
}
