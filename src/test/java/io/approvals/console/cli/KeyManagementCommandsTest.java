package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.Json;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.KeyStatus;
import io.approvals.console.contract.TestKeys;
import io.approvals.console.credentials.OsKeychainStore;
import io.approvals.console.credentials.SecretServiceAssumptions;
import io.approvals.console.credentials.SecretStore;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.credentials.TimeoutSecretStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.service.KeyRotation;
import io.approvals.console.service.RotationGrace;
import io.approvals.console.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
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
 * key rotate and the keys admin commands end to end: real HTTP against the sandbox, the real OS keychain
 * where one is reachable (it must be in CI), else the session-only store. The profile's own keys, old and
 * new, and a canary never appear in any output, log line or file.
 */
class KeyManagementCommandsTest {
    private static final ApiKey CANARY = TestKeys.canary();

    @TempDir
    static Path sandboxDir;

    private static Sandbox sandbox;
    private static ApiKey admin;

    @TempDir
    Path root;

    @TempDir
    Path outDir;

    private SecretStore secrets;
    private CliHarness cli;
    private final String profile = "km-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<ApiKey> privateKeys = new ArrayList<>();
    private LogCapture logs;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(new SandboxConfig(sandboxDir, 0, 1));
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
        if (SecretServiceAssumptions.isCi()) {
            SecretServiceAssumptions.requireOsKeychain();
        }
        secrets = keychain.probe().reachable() ? keychain : new SessionOnlyStore();
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
    void noPrivateKeyAnywhere() throws Exception {
        secrets.load(profile).ifPresent(privateKeys::add);
        secrets.delete(profile);
        secrets.delete(KeyRotation.pendingAccount(profile));
        logs.close();
        privateKeys.add(CANARY);
        for (ApiKey k : privateKeys) {
            assertThat(cli.transcript()).doesNotContain(k.reveal());
            assertThat(logs.text()).doesNotContain(k.reveal());
            CanaryScan.assertNoFileContains(k.reveal(), root);
        }
    }

    private ApiKey ownKey(Set<String> scopes) {
        ApiKey k = sandbox.issueKeyForTests("own-" + profile, profile + "@example.com", scopes, null);
        privateKeys.add(k);
        CliHarness.Result set = cli.runWithStdin(k.reveal() + "\n", "key", "set", "--profile", profile);
        assertThat(set.code()).as(set.err()).isZero();
        return k;
    }

    private static boolean works(ApiKey key) {
        try {
            ApprovalsClient.builder(sandbox.baseUri(), key).build().verifyKey();
            return true;
        } catch (ApiException.Unauthorized e) {
            return false;
        }
    }

    private ApiKey stored() {
        ApiKey k = secrets.load(profile).orElseThrow();
        privateKeys.add(k);
        return k;
    }

    @Test
    void routineRotationPrintsTheMaskedNewKeyAndTheOldOneKeepsWorking() throws Exception {
        ApiKey old = ownKey(Set.of("read"));

        CliHarness.Result r = cli.run("key", "rotate", "--profile", profile, "--grace", "1h");

        assertThat(r.code()).as(r.err()).isZero();
        ApiKey fresh = stored();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(r.out()).contains("Rotated the key", fresh.masked(), fresh.fingerprint(), "keeps working until");
        assertThat(works(fresh)).isTrue();
        assertThat(ApprovalsClient.builder(sandbox.baseUri(), old)
                        .build()
                        .currentKey()
                        .status())
                .isEqualTo(KeyStatus.EXPIRING);
        assertThat(secrets.load(KeyRotation.pendingAccount(profile))).isEmpty();

        JsonNode json = Json.strict()
                .readTree(cli.run("key", "rotate", "--profile", profile, "--grace", "90m", "--json")
                        .out());
        assertThat(json.get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(json.get("key").get("fingerprint").asText()).isEqualTo(stored().fingerprint());
    }

    @Test
    void compromisedRotationKillsTheOldKeyAtOnce() {
        ApiKey old = ownKey(Set.of("read", "write"));

        CliHarness.Result r = cli.run("key", "rotate", "--profile", profile, "--compromised");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("The old key no longer works");
        assertThat(works(old)).isFalse();
        assertThat(works(stored())).isTrue();
        assertThat(cli.run("approvals", "list", "--profile", profile).code()).isZero();
    }

    @Test
    void rotateNeedsExactlyOneOfTheTwoChoices() {
        ownKey(Set.of("read"));
        for (String[] args : List.of(
                new String[] {"key", "rotate", "--profile", profile},
                new String[] {"key", "rotate", "--profile", profile, "--compromised", "--grace", "1h"},
                new String[] {"key", "rotate", "--profile", profile, "--grace", "8d"},
                new String[] {"key", "rotate", "--profile", profile, "--grace", "soon"})) {
            CliHarness.Result r = cli.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).startsWith("error: ");
        }
    }

    @Test
    void theNextCommandFinishesAnInterruptedRotationAndSaysSo() throws Exception {
        ApiKey old = ownKey(Set.of("read"));
        ConnectionService service =
                new ConnectionService(new ConnectionStore(cli.paths()), secrets, new HttpClientFactory());
        KeyRotation rotation = new KeyRotation(service);
        KeyRotation.Plan plan = rotation.prepare(profile, RotationGrace.COMPROMISED);
        IssuedKey issued = rotation.regenerate(plan);
        privateKeys.add(issued.key());
        rotation.storePending(plan, issued.key());
        // the process stops here
        if (secrets instanceof TimeoutSecretStore && SecretServiceAssumptions.isLinux()) {
            // the pending entry is where docs/keys.md says it is
            assertThat(secretToolLookup(KeyRotation.pendingAccount(profile)))
                    .isEqualTo(issued.key().reveal());
        }

        CliHarness.Result status = cli.run("key", "status", "--profile", profile);

        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.err()).startsWith("note: ").contains("was interrupted", "has been completed");
        assertThat(status.out()).contains(issued.key().masked(), issued.key().fingerprint());
        assertThat(stored()).isEqualTo(issued.key());
        assertThat(works(old)).isFalse();
        assertThat(secrets.load(KeyRotation.pendingAccount(profile))).isEmpty();
    }

    @Test
    void anAdminIssuesRegeneratesAndRevokesKeysOfOthers() throws Exception {
        ApiKey own = ownKeyAdmin();
        String owner = "dana-" + profile + "@example.com";

        CliHarness.Result issued =
                cli.run("keys", "issue", "--profile", profile, "--name", "dana-laptop", "--owner", owner);
        assertThat(issued.code()).as(issued.err()).isZero();
        ApiKey dana = ApiKey.of(issued.out()
                .lines()
                .filter(l -> l.startsWith("apv_"))
                .findFirst()
                .orElseThrow());
        assertThat(issued.out()).contains("shown this once", "scopes read", dana.fingerprint());
        KeyMetadata danaMeta =
                ApprovalsClient.builder(sandbox.baseUri(), dana).build().currentKey();
        assertThat(danaMeta.scopes()).containsExactly("read");

        CliHarness.Result list = cli.run("keys", "list", "--profile", profile);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out())
                .contains("dana-laptop", owner, dana.prefix() + "\u2026" + dana.last4(), "never used")
                .doesNotContain(dana.reveal());
        JsonNode listJson = Json.strict()
                .readTree(
                        cli.run("keys", "list", "--profile", profile, "--json").out());
        assertThat(listJson.toString()).contains(danaMeta.id()).doesNotContain(dana.reveal());

        Path file = outDir.resolve("dana.key");
        CliHarness.Result regen = cli.run(
                "keys", "regenerate", danaMeta.id(), "--profile", profile, "--compromised", "--out", file.toString());
        assertThat(regen.code()).as(regen.err()).isZero();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        ApiKey dana2 = ApiKey.of(Files.readString(file, StandardCharsets.US_ASCII));
        assertThat(regen.out())
                .contains(file.toString(), "readable by you only")
                .doesNotContain(dana2.reveal());
        assertThat(works(dana)).isFalse();
        assertThat(works(dana2)).isTrue();

        CliHarness.Result again = cli.run(
                "keys", "regenerate", danaMeta.id(), "--profile", profile, "--grace", "1h", "--out", file.toString());
        assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("exists already");
        assertThat(works(dana2)).as("nothing was regenerated").isTrue();

        CliHarness.Result revoke = cli.run("keys", "revoke", "dana-laptop", "--profile", profile);
        assertThat(revoke.code()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("Revoked key 'dana-laptop'", danaMeta.id());
        assertThat(works(dana2)).isFalse();

        CliHarness.Result audit = cli.run("keys", "audit", "--profile", profile, "--action", "key.");
        assertThat(audit.code()).as(audit.err()).isZero();
        assertThat(audit.out())
                .contains("key.issued", "key.regenerated", "key.revoked", danaMeta.id())
                .doesNotContain("approval.");
        JsonNode auditJson = Json.strict()
                .readTree(cli.run("keys", "audit", "--profile", profile, "--json", "--action", "key.revoked")
                        .out());
        assertThat(auditJson)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("key.revoked"));

        assertThat(works(own)).isTrue();
    }

    @Test
    void expirePreviousEndsTheGracePeriodOrSaysWhyNot() throws Exception {
        ApiKey own = ownKeyAdmin();
        ApiKey old = sandbox.issueKeyForTests("fay-laptop", "fay-" + profile + "@example.com", Set.of("read"), null);
        privateKeys.add(old);
        String id = ApprovalsClient.builder(sandbox.baseUri(), old)
                .build()
                .currentKey()
                .id();
        ApiKey fresh = ApprovalsClient.builder(sandbox.baseUri(), own)
                .build()
                .regenerateKey(id, 3600)
                .key();
        privateKeys.add(fresh);
        assertThat(works(old)).isTrue();

        CliHarness.Result ended = cli.run("keys", "expire-previous", id, "--profile", profile);

        assertThat(ended.code()).as(ended.err()).isZero();
        assertThat(ended.out())
                .contains("Ended the grace period of key 'fay-laptop' (" + id + ")")
                .contains(fresh.prefix() + "\u2026" + fresh.last4());
        assertThat(works(old)).isFalse();
        assertThat(works(fresh)).isTrue();

        CliHarness.Result again = cli.run("keys", "expire-previous", id, "--profile", profile);
        assertThat(again.code()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(again.err()).contains("Nothing to end").doesNotContain("Exception");

        ApiKey third = ApprovalsClient.builder(sandbox.baseUri(), own)
                .build()
                .regenerateKey(id, 3600)
                .key();
        privateKeys.add(third);
        JsonNode json = Json.strict()
                .readTree(cli.run("keys", "expire-previous", "fay-laptop", "--profile", profile, "--json")
                        .out());
        assertThat(json.get("id").asText()).isEqualTo(id);
        assertThat(json.get("status").asText()).isEqualTo("Active");
        assertThat(works(fresh)).isFalse();
        assertThat(works(third)).isTrue();

        // a server without the extension: exit 1, what to do instead, nothing changed
        ApiKey last = ApprovalsClient.builder(sandbox.baseUri(), own)
                .build()
                .regenerateKey(id, 3600)
                .key();
        privateKeys.add(last);
        String older = profile + "-older";
        try (io.approvals.console.testing.FaultProxy proxy =
                new io.approvals.console.testing.FaultProxy(sandbox.baseUri())) {
            proxy.fail(io.approvals.console.testing.FaultProxy.Fault.NO_ROUTE_404, "/expire-previous");
            assertThat(cli.run("profiles", "add", older, "--url", proxy.uri().toString())
                            .code())
                    .isZero();
            assertThat(cli.runWithStdin(own.reveal() + "\n", "key", "set", "--profile", older)
                            .code())
                    .isZero();

            CliHarness.Result cannot = cli.run("keys", "expire-previous", id, "--profile", older);

            assertThat(cannot.code()).isEqualTo(ExitCodes.OTHER);
            assertThat(cannot.err())
                    .contains("cannot end a grace period early")
                    .contains("keys revoke " + id + " --profile " + older)
                    .doesNotContain("Exception");
            assertThat(works(third)).as("nothing was ended").isTrue();
        } finally {
            secrets.delete(older);
        }
    }

    /** A key of someone else, issued by the sandbox and revoked through the API; its id. */
    private String revokedKey(ApiKey own, String name, String owner) {
        ApiKey k = sandbox.issueKeyForTests(name, owner, Set.of("read"), null);
        privateKeys.add(k);
        String id = ApprovalsClient.builder(sandbox.baseUri(), k)
                .build()
                .currentKey()
                .id();
        ApprovalsClient.builder(sandbox.baseUri(), own).build().revokeKey(id);
        return id;
    }

    private long revocationsOf(String id) throws Exception {
        JsonNode audit = Json.strict()
                .readTree(cli.run("keys", "audit", "--profile", profile, "--json", "--action", "key.revoked")
                        .out());
        long n = 0;
        for (JsonNode e : audit) {
            n += id.equals(e.get("target").asText()) ? 1 : 0;
        }
        return n;
    }

    @Test
    void regeneratingARevokedKeySaysSoAboutTheKeyAndToIssueANewOne() {
        ApiKey own = ownKeyAdmin();
        String name = "ro-" + profile;
        String owner = "ro-" + profile + "@example.com";
        String id = revokedKey(own, name, owner);

        CliHarness.Result r = cli.run("keys", "regenerate", id, "--profile", profile, "--grace", "1h", "--verbose");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(r.err())
                .startsWith("error: Key '" + name + "' (" + id + ") of " + owner + " was not regenerated")
                .contains("the server says \u201cThe key " + id + " is revoked; issue a new key instead.\u201d")
                .contains("approvals-console keys issue --profile " + profile + " --name " + name + " --owner " + owner)
                .contains("  HTTP status: 409")
                .doesNotContain("this approval", "deciding");
        assertThat(cli.run("keys", "list", "--profile", profile, "--json").out())
                .as("nothing was regenerated")
                .contains(id);

        assertThat(works(own)).isTrue();
    }

    @Test
    void revokingARevokedKeyByNameOrIdSaysItIsRevokedAlready() throws Exception {
        ApiKey own = ownKeyAdmin();
        String name = "ro-" + profile;
        String owner = "ro-" + profile + "@example.com";
        String id = revokedKey(own, name, owner);
        assertThat(revocationsOf(id)).isEqualTo(1);

        CliHarness.Result byName = cli.run("keys", "revoke", name, "--profile", profile);
        CliHarness.Result byId = cli.run("keys", "revoke", id, "--profile", profile);

        for (CliHarness.Result r : List.of(byName, byId)) {
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out())
                    .contains("Key '" + name + "' (" + id + ", ")
                    .contains("is revoked already", "Nothing was changed")
                    .doesNotContain("Revoked key");
        }
        JsonNode json = Json.strict()
                .readTree(cli.run("keys", "revoke", name, "--profile", profile, "--json")
                        .out());
        assertThat(json.get("id").asText()).isEqualTo(id);
        assertThat(json.get("status").asText()).isEqualTo("Revoked");
        assertThat(revocationsOf(id)).as("revoked once, not again").isEqualTo(1);

        CliHarness.Result regenByName = cli.run("keys", "regenerate", name, "--profile", profile, "--compromised");
        assertThat(regenByName.code()).as(regenByName.err()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(regenByName.err()).contains("was not regenerated", "keys issue");

        // a live key of the same name wins over the revoked one, as before
        ApiKey again = sandbox.issueKeyForTests(name, owner, Set.of("read"), null);
        privateKeys.add(again);
        CliHarness.Result live = cli.run("keys", "revoke", name, "--profile", profile);
        assertThat(live.code()).as(live.err()).isZero();
        assertThat(live.out()).contains("Revoked key '" + name + "'").doesNotContain(id);
        assertThat(works(again)).isFalse();
    }

    @Test
    void anIssuedKeyWrittenToAFileIsOwnerOnlyAndNotPrinted() throws Exception {
        ownKeyAdmin();
        Path file = outDir.resolve("ops.key");

        CliHarness.Result r = cli.run(
                "keys",
                "issue",
                "--profile",
                profile,
                "--name",
                "ops-bot",
                "--owner",
                "ops@example.com",
                "--scope",
                "read,write",
                "--expires",
                "3d",
                "--out",
                file.toString(),
                "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        ApiKey ops = ApiKey.of(Files.readString(file));
        JsonNode json = Json.strict().readTree(r.out());
        assertThat(json.has("key")).isFalse();
        assertThat(json.get("keyFile").asText()).isEqualTo(file.toString());
        assertThat(json.get("apiKey").get("scopes").toString()).contains("read", "write");
        assertThat(r.out()).doesNotContain(ops.reveal());
        assertThat(works(ops)).isTrue();
        assertThat(cli.run("keys", "list", "--profile", profile).out()).contains("expires within 7 days");
    }

    @Test
    void theProfilesOwnKeyIsRefusedByTheAdminCommands() {
        ApiKey own = ownKeyAdmin();
        String ownId = ApprovalsClient.builder(sandbox.baseUri(), own)
                .build()
                .currentKey()
                .id();

        CliHarness.Result regen = cli.run("keys", "regenerate", ownId, "--profile", profile, "--compromised");
        CliHarness.Result revoke = cli.run("keys", "revoke", ownId, "--profile", profile);

        assertThat(regen.code()).isEqualTo(ExitCodes.OTHER);
        assertThat(regen.err()).contains("key rotate");
        assertThat(revoke.code()).isEqualTo(ExitCodes.OTHER);
        assertThat(works(own)).isTrue();
    }

    @Test
    void aKeyWithoutAdminIsExit3() {
        ownKey(Set.of("read", "write"));

        CliHarness.Result r = cli.run("keys", "list", "--profile", profile);

        assertThat(r.code()).isEqualTo(ExitCodes.AUTH);
        assertThat(r.err()).contains("\u2018admin\u2019");
    }

    @Test
    void badIssueInputIsAUsageError() {
        ownKeyAdmin();
        assertThat(cli.run(
                                "keys",
                                "issue",
                                "--profile",
                                profile,
                                "--name",
                                "x",
                                "--owner",
                                "x@example.com",
                                "--scope",
                                "superuser")
                        .code())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run(
                                "keys",
                                "issue",
                                "--profile",
                                profile,
                                "--name",
                                "x",
                                "--owner",
                                "x@example.com",
                                "--expires",
                                "someday")
                        .code())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("keys", "revoke", "no-such-key", "--profile", profile)
                        .code())
                .isEqualTo(ExitCodes.USAGE);
    }

    private static String secretToolLookup(String account) throws Exception {
        Process p = new ProcessBuilder("secret-tool", "lookup", "service", "approvals-console", "account", account)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private ApiKey ownKeyAdmin() {
        return ownKey(Set.of("read", "write", "admin"));
    }
}
