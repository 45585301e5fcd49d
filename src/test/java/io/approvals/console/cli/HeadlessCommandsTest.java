package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Json;
import io.approvals.console.contract.Priority;
import io.approvals.console.contract.TestKeys;
import io.approvals.console.credentials.Availability;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.credentials.SecretStore;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.service.FakeApprovalsApi;
import io.approvals.console.service.HttpClientFactory;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command in-process, against an in-memory server and the session-only store. */
class HeadlessCommandsTest {
    private static final ApiKey CANARY = TestKeys.canary();

    @TempDir
    Path root;

    private final FakeApprovalsApi server = new FakeApprovalsApi();
    private final SessionOnlyStore secrets = new SessionOnlyStore();
    private CliHarness cli;

    private CliHarness cli() {
        if (cli == null) {
            cli = new CliHarness(secrets, root, server.factory());
        }
        return cli;
    }

    @AfterEach
    void theCanaryIsNowhere() throws Exception {
        assertThat(cli().transcript()).doesNotContain(CANARY.reveal()).doesNotContain(TestKeys.CANARY_BODY);
        CanaryScan.assertNoFileContains(CANARY.reveal(), root);
    }

    private void addProfile() {
        assertThat(cli().run("profiles", "add", "prod", "--url", "https://approvals.example.com")
                        .code())
                .isZero();
    }

    @Test
    void profilesAddListRemove() throws Exception {
        CliHarness.Result add =
                cli().run("profiles", "add", "prod", "--url", "https://approvals.example.com", "--header", "X-Custom");
        assertThat(add.code()).isZero();
        assertThat(add.out()).contains("Added profile prod");
        assertThat(cli().run("profiles", "add", "sso", "--url", "https://sso.example.com", "--bearer")
                        .code())
                .isZero();

        CliHarness.Result list = cli().run("profiles", "list");
        assertThat(list.out()).contains("prod", "https://approvals.example.com", "X-Custom", "sso", "Bearer");

        JsonNode json =
                Json.strict().readTree(cli().run("profiles", "list", "--json").out());
        assertThat(json).hasSize(2);
        assertThat(json.get(1).get("authMode").asText()).isEqualTo("BEARER");

        assertThat(cli().run("profiles", "remove", "sso").code()).isZero();
        assertThat(cli().run("profiles", "list").out()).doesNotContain("sso");
    }

    @Test
    void badProfileInputIsAUsageErrorOnOneLine() {
        addProfile();
        for (String[] args : List.of(
                new String[] {"profiles", "add", "prod", "--url", "https://x.example.com"},
                new String[] {"profiles", "add", "bad name", "--url", "https://x.example.com"},
                new String[] {"profiles", "add", "p2", "--url", "http://approvals.example.com"},
                new String[] {"profiles", "add", "p3", "--url", "not a url"},
                new String[] {"profiles", "add", "p4"},
                new String[] {"profiles", "add", "p5", "--url", "https://x.example.com", "--ca-cert", "/nonexistent.pem"
                },
                new String[] {"key", "status", "--profile", "nope"})) {
            CliHarness.Result r = cli().run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().strip().lines()).as(String.join(" ", args)).hasSize(1);
            assertThat(r.err()).startsWith("error: ");
        }
    }

    @Test
    void keySetVerifiesStoresAndStatusShowsWhatWasFound() throws Exception {
        addProfile();
        server.issue(CANARY, "lee@example.com", List.of("read", "write"));

        CliHarness.Result set = cli().runWithStdin(CANARY.reveal() + "\n", "key", "set", "--profile", "prod");

        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("Key verified and stored in this session only", CANARY.masked());
        assertThat(secrets.load("prod")).contains(CANARY);

        CliHarness.Result status = cli().run("key", "status", "--profile", "prod");
        assertThat(status.out())
                .contains(
                        CANARY.masked(),
                        CANARY.fingerprint(),
                        "this session only",
                        "read, write",
                        "lee@example.com",
                        "never",
                        "Active",
                        "Last verified");

        JsonNode json = Json.strict()
                .readTree(cli().run("key", "status", "--profile", "prod", "--json")
                        .out());
        assertThat(json.get("backend").asText()).isEqualTo("this session only");
        assertThat(json.get("stored").asBoolean()).isTrue();
        assertThat(json.get("verified").get("scopes")).hasSize(2);

        assertThat(cli().run("key", "verify", "--profile", "prod").code()).isZero();
        assertThat(cli().run("profiles", "list").out()).contains(CANARY.masked(), "read,write");
    }

    @Test
    void aReadOnlyKeyShowsAsReadOnly() {
        addProfile();
        server.issue(CANARY, "viewer@example.com", List.of("read"));

        assertThat(cli().runWithStdin(CANARY.reveal(), "key", "set", "--profile", "prod")
                        .code())
                .isZero();

        assertThat(cli().run("key", "status", "--profile", "prod").out()).contains("read  (read-only)");
    }

    @Test
    void aMistypedKeyIsRefusedBeforeAnyRequestAndTheStoredKeyStays() {
        addProfile();
        server.issue(CANARY, "lee@example.com", List.of("read"));
        cli().runWithStdin(CANARY.reveal(), "key", "set", "--profile", "prod");

        CliHarness.Result typo = cli().runWithStdin(TestKeys.withBadChecksum(), "key", "set", "--profile", "prod");
        CliHarness.Result cut = cli().runWithStdin(CANARY.reveal().substring(0, 30), "key", "set", "--profile", "prod");

        assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("checksum").contains("Nothing was changed");
        assertThat(cut.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cut.err()).contains("42");
        assertThat(secrets.load("prod")).contains(CANARY);
    }

    @Test
    void aRevokedKeyIsRefusedWithExit3AndTheStoredKeyStays() {
        addProfile();
        server.issue(CANARY, "lee@example.com", List.of("read"));
        cli().runWithStdin(CANARY.reveal(), "key", "set", "--profile", "prod");
        ApiKey revoked = TestKeys.random();

        CliHarness.Result r = cli().runWithStdin(revoked.reveal(), "key", "set", "--profile", "prod");

        assertThat(r.code()).isEqualTo(ExitCodes.AUTH);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("rejected").doesNotContain(revoked.reveal());
        assertThat(secrets.load("prod")).contains(CANARY);

        CliHarness.Result alive = cli().run("key", "status", "--profile", "prod", "--check", "--json");
        assertThat(alive.code()).as(alive.err()).isZero();
        assertThat(alive.out()).contains("\"check\"").doesNotContain("\"check\" : null");
        assertThat(cli().run("key", "status", "--profile", "prod", "--check").out())
                .contains("Checked now:");

        server.revoke(CANARY);
        assertThat(cli().run("key", "verify", "--profile", "prod").code()).isEqualTo(ExitCodes.AUTH);
        // the refusal is recorded: status no longer reads "Active" from the check before it
        CliHarness.Result after = cli().run("key", "status", "--profile", "prod");
        assertThat(after.code()).isEqualTo(ExitCodes.KEY_ATTENTION);
        assertThat(after.out()).doesNotContain("Status:        Active");
        assertThat(after.err()).contains("key set --profile prod");
    }

    @Test
    void aServerWithoutKeyEndpointsIsVerifiedWithTheListAndSaysScopesAreUnknown() {
        addProfile();
        server.issue(CANARY, "lee@example.com", List.of("read"));
        server.withoutKeyEndpoints();

        assertThat(cli().runWithStdin(CANARY.reveal(), "key", "set", "--profile", "prod")
                        .code())
                .isZero();

        assertThat(cli().run("key", "status", "--profile", "prod").out()).contains("no /apikeys endpoints");
    }

    @Test
    void anEmptyStdinIsAUsageError() {
        addProfile();

        CliHarness.Result r = cli().runWithStdin("", "key", "set", "--profile", "prod");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("No key was given on stdin");
    }

    @Test
    void theKeyIsNeverAcceptedAsAnArgument() {
        addProfile();

        CliHarness.Result r = cli().run("key", "set", "--profile", "prod", "--key", CANARY.reveal());

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(secrets.load("prod")).isEmpty();
    }

    @Test
    void aServerThatDoesNotAnswerIsExit4AndNothingIsStored() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        CliHarness http = new CliHarness(secrets, root, new HttpClientFactory());
        assertThat(http.run("profiles", "add", "down", "--url", "http://127.0.0.1:" + closedPort)
                        .code())
                .isZero();

        CliHarness.Result r = http.runWithStdin(CANARY.reveal(), "key", "set", "--profile", "down");

        assertThat(r.code()).isEqualTo(ExitCodes.NETWORK);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).doesNotContain(CANARY.reveal());
        assertThat(secrets.load("down")).isEmpty();
    }

    @Test
    void anUnreachableKeychainIsExit5BeforeTheKeyIsSentAnywhere() {
        SecretStore unreachable = new SecretStore() {
            @Override
            public String backendName() {
                return "Secret Service";
            }

            @Override
            public Availability probe() {
                return Availability.unreachable(
                        "Secret Service",
                        KeychainException.Kind.UNAVAILABLE,
                        "No Secret Service answered.",
                        "Start one.");
            }

            @Override
            public void save(String account, ApiKey key) {
                throw new AssertionError("must not be called");
            }

            @Override
            public Optional<ApiKey> load(String account) {
                throw probe().toException();
            }

            @Override
            public void delete(String account) {
                throw probe().toException();
            }
        };
        CliHarness c = new CliHarness(unreachable, root, (conn, key) -> {
            throw new AssertionError("the key must not be sent when it cannot be stored");
        });
        c.run("profiles", "add", "prod", "--url", "https://approvals.example.com");

        CliHarness.Result set = c.runWithStdin(CANARY.reveal(), "key", "set", "--profile", "prod");
        CliHarness.Result status = c.run("key", "status", "--profile", "prod");
        CliHarness.Result remove = c.run("profiles", "remove", "prod");

        assertThat(set.code()).isEqualTo(ExitCodes.KEYCHAIN);
        // the reason, then what to do in a terminal (the CLI has no "this session only"), on one line
        assertThat(set.err()).startsWith("error: No Secret Service answered. ").contains(CliEnvironment.API_KEY);
        assertThat(set.err().strip().lines()).hasSize(1);
        assertThat(status.code()).isEqualTo(ExitCodes.KEYCHAIN);
        assertThat(remove.code())
                .as("the profile stays while its key cannot be deleted")
                .isEqualTo(ExitCodes.KEYCHAIN);
        assertThat(c.run("profiles", "list").out()).contains("prod");
        CliHarness.Result keep = c.run("profiles", "remove", "prod", "--keep-key");
        assertThat(keep.code()).isZero();
        assertThat(keep.out()).contains("stays in the keychain");
        assertThat(c.run("profiles", "list").out()).doesNotContain("prod");
    }

    @Test
    void keyDeleteAndProfileRemoveDeleteTheSecret() {
        addProfile();
        server.issue(CANARY, "lee@example.com", List.of("read"));
        cli().runWithStdin(CANARY.reveal(), "key", "set", "--profile", "prod");

        CliHarness.Result deleted = cli().run("key", "delete", "--profile", "prod");
        assertThat(deleted.code()).isZero();
        assertThat(deleted.out()).startsWith("Deleted the key of profile prod");
        assertThat(secrets.load("prod")).isEmpty();
        CliHarness.Result again = cli().run("key", "delete", "--profile", "prod");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("No key was stored for profile prod").doesNotContain("Deleted");
        assertThat(cli().run("key", "status", "--profile", "prod").out())
                .contains("none stored", "never")
                .doesNotContain("Key from:");
        assertThat(cli().run("key", "verify", "--profile", "prod").code()).isEqualTo(ExitCodes.OTHER);

        cli().runWithStdin(CANARY.reveal(), "key", "set", "--profile", "prod");
        CliHarness.Result removed = cli().run("profiles", "remove", "prod", "--json");
        assertThat(removed.code()).isZero();
        assertThat(removed.out()).contains("\"keyDeleted\" : true");
        assertThat(secrets.load("prod")).isEmpty();

        addProfile(); // never had a key
        assertThat(cli().run("profiles", "remove", "prod", "--json").out()).contains("\"keyDeleted\" : false");
    }

    @Test
    void approvalsListPrintsAnAlignedTableOrJson() throws Exception {
        addProfile();
        server.issue(CANARY, "lee@example.com", List.of("read"));
        cli().runWithStdin(CANARY.reveal(), "key", "set", "--profile", "prod");
        server.addPending(approval("apr_1", "New laptop for Dana", "lee@example.com"));
        server.addPending(approval("apr_22", "Conference trip", "kim@example.com"));

        CliHarness.Result table = cli().run("approvals", "list", "--profile", "prod");
        assertThat(table.code()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).startsWith("ID      PRIORITY");
        assertThat(lines.get(1).indexOf("Normal")).isEqualTo(lines.get(0).indexOf("PRIORITY"));
        assertThat(lines.get(2).indexOf("Conference trip"))
                .isEqualTo(lines.get(0).indexOf("TITLE"));
        assertThat(table.err()).contains("2 pending.");
        assertThat(table.out()).doesNotContain("pending.");

        JsonNode json = Json.strict()
                .readTree(cli().run("approvals", "list", "--profile", "prod", "--json", "--approver", "kim@example.com")
                        .out());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("id").asText()).isEqualTo("apr_22");
        assertThat(json.get(0).get("status").asText()).isEqualTo("Pending");
    }

    @Test
    void approvalsListWithoutAKeySaysHowToSetOne() {
        addProfile();

        CliHarness.Result r = cli().run("approvals", "list", "--profile", "prod");

        assertThat(r.code()).isEqualTo(ExitCodes.OTHER);
        assertThat(r.err()).contains("key set --profile prod");
    }

    private static Approval approval(String id, String title, String approver) {
        Instant t = Instant.parse("2026-11-26T10:15:30Z");
        return new Approval(
                id,
                title,
                null,
                "dana@example.com",
                approver,
                Priority.NORMAL,
                Instant.parse("2026-12-01T17:00:00Z"),
                ApprovalStatus.PENDING,
                t,
                t,
                null,
                null,
                null,
                1);
    }
}
