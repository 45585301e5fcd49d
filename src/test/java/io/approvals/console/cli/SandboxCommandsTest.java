package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Json;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.TestKeys;
import io.approvals.console.credentials.OsKeychainStore;
import io.approvals.console.credentials.SecretServiceAssumptions;
import io.approvals.console.credentials.SecretStore;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.credentials.TimeoutSecretStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.HttpClientFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every headless command end to end: real HTTP against the real sandbox on 127.0.0.1, the real OS
 * keychain where one is reachable (it must be in CI), else the session-only store. A canary key is
 * offered along the way and must show up in no output and no file.
 */
class SandboxCommandsTest {
    private static final ApiKey CANARY = TestKeys.canary();

    @TempDir
    static Path sandboxDir;

    private static Sandbox sandbox;
    private static ApiKey admin;

    @TempDir
    Path root;

    private SecretStore secrets;
    private CliHarness cli;
    private final String profile = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<ApiKey> usedKeys = new ArrayList<>();
    private LogCapture logs;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(new SandboxConfig(sandboxDir, 0, null));
        admin = sandbox.newAdminKey().orElseThrow();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void setUp() {
        logs = new LogCapture();
        SecretStore keychain = new TimeoutSecretStore(new OsKeychainStore(), Duration.ofSeconds(30));
        boolean reachable = keychain.probe().reachable();
        if (SecretServiceAssumptions.isCi()) {
            SecretServiceAssumptions.requireOsKeychain();
        }
        secrets = reachable ? keychain : new SessionOnlyStore();
        cli = new CliHarness(secrets, root, new HttpClientFactory());
        assertThat(cli.run(
                                "profiles",
                                "add",
                                profile,
                                "--url",
                                sandbox.baseUri().toString())
                        .code())
                .isZero();
    }

    @AfterEach
    void noSecretAnywhere() throws Exception {
        secrets.delete(profile);
        logs.close();
        assertThat(logs.text()).as("the capture saw the libraries' logging").isNotEmpty();
        usedKeys.add(CANARY);
        for (ApiKey k : usedKeys) {
            assertThat(cli.transcript()).doesNotContain(k.reveal());
            assertThat(logs.text())
                    .as("log lines")
                    .doesNotContain(k.reveal())
                    .doesNotContain(k.reveal().substring(4, 36));
            CanaryScan.assertNoFileContains(k.reveal(), root);
        }
        CanaryScan.assertNoFileContains(CANARY.reveal(), sandboxDir);
    }

    private ApiKey issue(String name, Set<String> scopes, Instant expiresAt) {
        ApiKey k = sandbox.issueKeyForTests(name, name + "@example.com", scopes, expiresAt);
        usedKeys.add(k);
        return k;
    }

    private CliHarness.Result setKey(ApiKey key) {
        return cli.runWithStdin(key.reveal() + "\n", "key", "set", "--profile", profile);
    }

    @Test
    void everyCommandWithAReadWriteKey() throws Exception {
        ApiKey key = issue("lee", Set.of("read", "write"), null);

        CliHarness.Result set = setKey(key);
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("Key verified and stored in " + secrets.backendName());

        CliHarness.Result status = cli.run("key", "status", "--profile", profile);
        assertThat(status.out())
                .contains(
                        key.masked(),
                        key.fingerprint(),
                        secrets.backendName(),
                        "read, write",
                        "lee@example.com",
                        "Active");

        assertThat(cli.run("key", "verify", "--profile", profile).code()).isZero();

        CliHarness.Result list = cli.run("approvals", "list", "--profile", profile);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).startsWith("ID").doesNotContain("pending.");
        assertThat(list.err()).contains("pending.");
        JsonNode json = Json.strict()
                .readTree(cli.run("approvals", "list", "--profile", profile, "--json")
                        .out());
        assertThat(json.size()).isGreaterThanOrEqualTo(40);
        String approver = json.get(0).get("approver").asText();
        JsonNode filtered = Json.strict()
                .readTree(cli.run("approvals", "list", "--profile", profile, "--json", "--approver", approver)
                        .out());
        assertThat(filtered)
                .allSatisfy(a -> assertThat(a.get("approver").asText()).isEqualTo(approver));

        JsonNode statusJson = Json.strict()
                .readTree(
                        cli.run("key", "status", "--profile", profile, "--json").out());
        assertThat(statusJson.get("verified").get("scopes").toString()).contains("read", "write");

        assertThat(cli.run("key", "delete", "--profile", profile).code()).isZero();
        assertThat(secrets.load(profile)).isEmpty();
        assertThat(cli.run("approvals", "list", "--profile", profile).code()).isEqualTo(ExitCodes.OTHER);
        assertThat(cli.run("profiles", "remove", profile).code()).isZero();
        assertThat(cli.run("profiles", "list").out()).doesNotContain(profile);
    }

    @Test
    void aMalformedKeyIsRefusedAndTheStoredKeyStays() {
        ApiKey good = issue("good", Set.of("read"), null);
        assertThat(setKey(good).code()).isZero();

        CliHarness.Result typo = cli.runWithStdin(TestKeys.withBadChecksum(), "key", "set", "--profile", profile);
        CliHarness.Result cut = cli.runWithStdin("apv_short", "key", "set", "--profile", profile);

        assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cut.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(secrets.load(profile)).contains(good);
    }

    @Test
    void aRevokedKeyIsExit3AndTheStoredKeyStays() {
        ApiKey good = issue("keeper", Set.of("read"), null);
        assertThat(setKey(good).code()).isZero();
        ApiKey doomed = issue("doomed", Set.of("read", "write"), null);
        ApprovalsClient adminClient =
                ApprovalsClient.builder(sandbox.baseUri(), admin).build();
        KeyMetadata meta = adminClient.listAllKeys().stream()
                .filter(m ->
                        doomed.prefix().equals(m.prefix()) && doomed.last4().equals(m.last4()))
                .findFirst()
                .orElseThrow();
        adminClient.revokeKey(meta.id());

        CliHarness.Result revoked = setKey(doomed);
        CliHarness.Result unknown = setKey(CANARY);

        assertThat(revoked.code()).isEqualTo(ExitCodes.AUTH);
        assertThat(revoked.err().strip().lines()).hasSize(1);
        assertThat(unknown.code()).isEqualTo(ExitCodes.AUTH);
        assertThat(secrets.load(profile)).contains(good);
    }

    @Test
    void anExpiredKeyIsExit3() {
        CliHarness.Result r = setKey(issue("old", Set.of("read"), Instant.now().minusSeconds(3600)));

        assertThat(r.code()).isEqualTo(ExitCodes.AUTH);
        assertThat(secrets.load(profile)).isEmpty();
    }

    @Test
    void aReadOnlyKeyShowsItsScopeAndCanList() {
        assertThat(setKey(issue("viewer", Set.of("read"), null)).code()).isZero();

        assertThat(cli.run("key", "status", "--profile", profile).out()).contains("Scopes:", "read  (read-only)");
        assertThat(cli.run("approvals", "list", "--profile", profile).code()).isZero();
    }

    @Test
    void aWriteOnlyKeyIsStoredButListingIsRefusedWithExit3() {
        assertThat(setKey(issue("writer", Set.of("write"), null)).code()).isZero();

        CliHarness.Result list = cli.run("approvals", "list", "--profile", profile);

        assertThat(list.code()).isEqualTo(ExitCodes.AUTH);
        assertThat(list.err()).contains("\u2018read\u2019");
    }

    @Test
    void noServerIsExit4AndNothingIsStored() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String down = profile + "-down";
        assertThat(cli.run("profiles", "add", down, "--url", "http://127.0.0.1:" + closed)
                        .code())
                .isZero();
        ApiKey key = issue("net", Set.of("read"), null);

        CliHarness.Result r = cli.runWithStdin(key.reveal(), "key", "set", "--profile", down);

        assertThat(r.code()).isEqualTo(ExitCodes.NETWORK);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(secrets.load(down)).isEmpty();
    }
}
