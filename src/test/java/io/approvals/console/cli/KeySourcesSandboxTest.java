package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.config.AppPaths;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Json;
import io.approvals.console.contract.TestKeys;
import io.approvals.console.credentials.Availability;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.credentials.SecretStore;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.HttpClientFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys from where servers keep them (APPROVALS_API_KEY, --key-file) and profiles from APPROVALS_PROFILE or the only
 * one, against the real sandbox; a canary key offered every way is never printed and never written. Plus the
 * polish items of the commands that were there before.
 */
class KeySourcesSandboxTest {
    private static final ApiKey CANARY = TestKeys.canary();

    @TempDir
    static Path sandboxDir;

    private static Sandbox sandbox;
    private static ApiKey admin;
    private static ApiKey writer;

    @TempDir
    Path root;
    /** Where the test itself puts key files: outside root, which must hold no key. */
    @TempDir
    Path keyDir;

    private final SessionOnlyStore keychain = new SessionOnlyStore();
    private final Map<String, String> env = new HashMap<>();
    private CliHarness cli;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(new SandboxConfig(sandboxDir, 0, 3));
        admin = sandbox.newAdminKey().orElseThrow();
        writer = sandbox.issueKeyForTests("ci", "ci@example.com", Set.of("read", "write"), null);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void noKeyPrintedOrWritten() throws Exception {
        for (ApiKey k : List.of(CANARY, writer, admin)) {
            assertThat(cli().transcript()).doesNotContain(k.reveal());
            CanaryScan.assertNoFileContains(k.reveal(), root);
        }
        assertThat(cli().transcript()).doesNotContain(TestKeys.CANARY_BODY);
    }

    private CliHarness cli() {
        if (cli == null) {
            cli = new CliHarness(keychain, root, new HttpClientFactory());
        }
        return cli.env(env);
    }

    private Path keyFile(ApiKey key, String mode) throws Exception {
        Path f = keyDir.resolve("k-" + System.nanoTime());
        Files.writeString(f, key.reveal() + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    @Test
    void theEnvironmentAloneIsEnoughAndLeavesNothingBehind() throws Exception {
        env.put("APPROVALS_URL", sandbox.baseUri().toString());
        env.put("APPROVALS_API_KEY", writer.reveal());

        CliHarness.Result list = cli().run("approvals", "list", "--json");
        CliHarness.Result status = cli().run("key", "status");
        CliHarness.Result check = cli().run("key", "status", "--check", "--json");

        assertThat(list.code()).as(list.err()).isZero();
        assertThat(Json.strict().readTree(list.out())).hasSize(3);
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out())
                .contains(
                        "Key from:      the environment (APPROVALS_API_KEY); for this run only",
                        writer.masked(),
                        "Last verified: not recorded");
        JsonNode checked = Json.strict().readTree(check.out());
        assertThat(checked.get("source").asText()).isEqualTo("APPROVALS_API_KEY");
        assertThat(checked.get("check").get("alive").asBoolean()).isTrue();
        assertThat(checked.get("check").get("scopes")).hasSize(2);
        AppPaths paths = cli().paths();
        assertThat(paths.configDir()).as("no profile file was written").doesNotExist();
    }

    @Test
    void aDeadKeyIsExit3WithCheckAndTheCanaryIsNeverShown() throws Exception {
        env.put("APPROVALS_URL", sandbox.baseUri().toString());
        env.put("APPROVALS_API_KEY", CANARY.reveal());

        CliHarness.Result status = cli().run("key", "status");
        CliHarness.Result check = cli().run("key", "status", "--check");
        CliHarness.Result list = cli().run("approvals", "list");

        assertThat(status.code()).isZero();
        assertThat(status.out()).contains(CANARY.masked());
        assertThat(check.code()).isEqualTo(ExitCodes.AUTH);
        assertThat(check.out()).contains("Checked now:   DEAD");
        assertThat(check.err()).startsWith("error: The key is dead");
        assertThat(list.code()).isEqualTo(ExitCodes.AUTH);

        ApiKey revoked = sandbox.issueKeyForTests("gone", "gone@example.com", Set.of("read"), null);
        env.put("APPROVALS_API_KEY", revoked.reveal());
        assertThat(cli().run("key", "status", "--check").code()).isZero();
        ApprovalsClient.builder(sandbox.baseUri(), admin)
                .build()
                .revokeKey(ApprovalsClient.builder(sandbox.baseUri(), revoked)
                        .build()
                        .currentKey()
                        .id());
        assertThat(cli().run("key", "status", "--check").code()).isEqualTo(ExitCodes.AUTH);
        assertThat(cli().transcript()).doesNotContain(revoked.reveal());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aKeyFileMustBeOwnerOnlyAndWinsOverTheEnvironment() throws Exception {
        env.put("APPROVALS_URL", sandbox.baseUri().toString());
        env.put("APPROVALS_API_KEY", CANARY.reveal());
        Path open = keyFile(CANARY, "rw-r--r--");
        Path good = keyFile(writer, "rw-------");

        CliHarness.Result refused = cli().run("approvals", "list", "--key-file", open.toString());
        CliHarness.Result used = cli().run("approvals", "list", "--key-file", good.toString());
        CliHarness.Result status = cli().run("key", "status", "--key-file", good.toString(), "--check");

        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("Refusing --key-file", "rw-r--r--", "chmod 600");
        assertThat(used.code()).as(used.err()).isZero();
        assertThat(used.err()).contains("3 pending.");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out())
                .contains("Key from:      --key-file " + good, writer.masked(), "Checked now:   Active");
    }

    @Test
    void theKeyFromTheEnvironmentIsUsedWithAProfileAndTheKeychainIsNotTouched() throws Exception {
        SecretStore untouchable = new SecretStore() {
            @Override
            public String backendName() {
                return "Secret Service";
            }

            @Override
            public Availability probe() {
                throw new AssertionError("the keychain must not be asked");
            }

            @Override
            public void save(String account, ApiKey key) {
                throw new AssertionError("the keychain must not be asked");
            }

            @Override
            public Optional<ApiKey> load(String account) {
                throw new AssertionError("the keychain must not be asked");
            }

            @Override
            public void delete(String account) {
                throw new AssertionError("the keychain must not be asked");
            }
        };
        CliHarness c = new CliHarness(untouchable, root, new HttpClientFactory());
        assertThat(c.run("profiles", "add", "prod", "--url", sandbox.baseUri().toString())
                        .code())
                .isZero();
        c.env(Map.of("APPROVALS_API_KEY", writer.reveal()));

        CliHarness.Result list = c.run("approvals", "list", "--profile", "prod");
        CliHarness.Result defaulted = c.run("approvals", "list");
        CliHarness.Result status = c.run("key", "status");

        assertThat(list.code()).as(list.err()).isZero();
        assertThat(defaulted.code())
                .as("the only profile is the default: " + defaulted.err())
                .isZero();
        assertThat(status.out()).contains("Profile:       prod", "APPROVALS_API_KEY");
        assertThat(Files.readString(c.paths().configDir().resolve("connections.json")))
                .doesNotContain(writer.reveal());
    }

    @Test
    void theProfileComesFromTheFlagTheEnvironmentOrIsTheOnlyOne() throws Exception {
        assertThat(cli().run(
                                "profiles",
                                "add",
                                "one",
                                "--url",
                                sandbox.baseUri().toString())
                        .code())
                .isZero();
        assertThat(cli().runWithStdin(writer.reveal(), "key", "set").code())
                .as("the only profile")
                .isZero();
        assertThat(keychain.load("one")).contains(writer);
        assertThat(cli().run("approvals", "list").code()).isZero();

        assertThat(cli().run("profiles", "add", "two", "--url", "https://approvals.example.com")
                        .code())
                .isZero();
        CliHarness.Result ambiguous = cli().run("approvals", "list");
        assertThat(ambiguous.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(ambiguous.err()).contains("Which profile? There are 2 (one, two)", "APPROVALS_PROFILE");
        assertThat(cli().run("key", "status").code()).isEqualTo(ExitCodes.USAGE);

        env.put("APPROVALS_PROFILE", "one");
        assertThat(cli().run("approvals", "list").code()).isZero();
        CliHarness.Result status = cli().run("key", "status");
        assertThat(status.out())
                .contains("Key from:      keychain (this session only)", "Last verified: just now: Active");
        assertThat(cli().run("approvals", "list", "--profile", "two").code())
                .as("the flag wins")
                .isEqualTo(ExitCodes.OTHER); // no key stored for two
        assertThat(cli().run("approvals", "list", "--profile", "two").err())
                .contains("APPROVALS_API_KEY or --key-file");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aKeyFileAloneGoesWithTheUrlFromTheEnvironment() throws Exception {
        // docs/cli.md's CI recipe: APPROVALS_URL and --key-file, no APPROVALS_API_KEY, no profile
        env.put("APPROVALS_URL", sandbox.baseUri().toString());
        Path good = keyFile(writer, "rw-------");

        CliHarness.Result list = cli().run("approvals", "list", "--key-file", good.toString());
        CliHarness.Result status = cli().run("key", "status", "--key-file", good.toString(), "--check");

        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.err()).contains("3 pending.");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("Key from:      --key-file " + good, "Checked now:   Active");
    }

    @Test
    void keyCommandsWithoutAnyProfileSayWhatToDoNotNull() {
        for (String sub : List.of("status", "verify", "delete", "set")) {
            CliHarness.Result r = cli().runWithStdin("", "key", sub);
            assertThat(r.code()).as(sub).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(sub).doesNotContain("'null'").contains("profiles add");
        }
        env.put("APPROVALS_URL", sandbox.baseUri().toString());
        CliHarness.Result status = cli().run("key", "status");
        assertThat(status.err()).doesNotContain("'null'").contains("APPROVALS_URL is set but no key was given");
    }

    @Test
    void aKeyPastedWhereANameGoesIsNeitherEchoedNorStored() {
        // the @AfterEach checks the whole transcript and every file under root for the canary
        String key = CANARY.reveal();
        CliHarness.Result add =
                cli().run("profiles", "add", key, "--url", sandbox.baseUri().toString());
        assertThat(add.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(add.err()).contains("like an API key", "nothing was stored");
        assertThat(cli().run("profiles", "list").out()).doesNotContain("apv_");
        env.put("APPROVALS_URL", sandbox.baseUri().toString());
        env.put("APPROVALS_API_KEY", writer.reveal());
        List<CliHarness.Result> echoes = List.of(
                cli().run("approvals", "list", "--profile", key),
                cli().run("approvals", "show", key),
                cli().run("approvals", "list", "--fields", key),
                cli().run("approvals", "list", "--key-file", key),
                cli().run("approvals", "list", "--key-file=" + key));
        for (CliHarness.Result r : echoes) {
            assertThat(r.code()).isNotZero();
            assertThat(r.err()).doesNotContain(key).contains("(hidden)");
        }
    }

    @Test
    void aProfilesAddThatFailsLeavesNoProfileAndSaysWhyTheOpenApiFileCannotBeRead() throws Exception {
        String url = sandbox.baseUri().toString();
        Path missing = keyDir.resolve("nonexistent.json");

        CliHarness.Result failed = cli().run("profiles", "add", "p1", "--url", url, "--openapi", missing.toString());

        assertThat(failed.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(failed.err().strip().lines()).hasSize(1);
        assertThat(failed.err())
                .startsWith("error: Cannot read the OpenAPI file " + missing + ": there is no such file. ")
                .contains("Nothing was added or changed.");
        assertThat(cli().run("profiles", "list").out()).doesNotContain("p1");
        assertThat(cli().run("profiles", "add", "p1", "--url", url, "--openapi", keyDir.toString())
                        .err())
                .contains(keyDir + ": it is a directory.");
        Path notJson = Files.writeString(keyDir.resolve("notes.json"), "not json at all");
        assertThat(cli().run("profiles", "add", "p1", "--url", url, "--openapi", notJson.toString())
                        .err())
                .contains(notJson + ": it is not JSON.");
        assertThat(Json.strict()
                        .readTree(cli().run("profiles", "list", "--json").out()))
                .isEmpty();

        CliHarness.Result retry = cli().run("profiles", "add", "p1", "--url", url, "--no-discovery");
        assertThat(retry.code())
                .as("nothing was left behind to be 'exists already': " + retry.err())
                .isZero();
        assertThat(cli().run("profiles", "list").out()).contains("p1");
    }

    @Test
    void keySetTakesTheFirstNonBlankLineOfStdinAsKeyFileDoes() {
        assertThat(cli().run(
                                "profiles",
                                "add",
                                "second",
                                "--url",
                                sandbox.baseUri().toString(),
                                "--no-discovery")
                        .code())
                .isZero();

        CliHarness.Result set = cli().runWithStdin(
                        "\n   \n\t" + writer.reveal() + "  \nnot the key\n", "key", "set", "--profile", "second");

        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains(writer.masked());
        assertThat(keychain.load("second")).contains(writer);

        CliHarness.Result blank = cli().runWithStdin("\n \n\n", "key", "set", "--profile", "second");
        assertThat(blank.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(blank.err()).startsWith("error: No key was given on stdin (it was empty or had only blank lines).");
        assertThat(keychain.load("second")).as("the stored key stays").contains(writer);
    }

    @Test
    void plainHttpToAnotherHostIsAUsageErrorFromTheEnvironmentAndFromTheFlag() {
        env.put("APPROVALS_URL", "http://example.com");
        env.put("APPROVALS_API_KEY", CANARY.reveal());
        CliHarness.Result list = cli().run("approvals", "list");
        env.clear();
        CliHarness.Result add = cli().run("profiles", "add", "bad2", "--url", "http://10.0.0.1");

        // nothing was sent either way: the same documented code for the same refusal
        assertThat(list.code()).as(list.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(list.err()).startsWith("error: Refusing http:// to example.com");
        assertThat(add.code()).as(add.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(add.err()).startsWith("error: Refusing http:// to 10.0.0.1");
    }

    @Test
    void noProfileAndNoUrlSaysBothWays() {
        CliHarness.Result r = cli().run("approvals", "list");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("profiles add", "APPROVALS_URL", "APPROVALS_API_KEY");
        env.put("APPROVALS_URL", sandbox.baseUri().toString());
        assertThat(cli().run("approvals", "list").err()).contains("APPROVALS_URL is set but no key was given");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void noKeychainInATerminalSaysWhatToDoThere() {
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
                        "No Secret Service answered on the session bus.",
                        "Start GNOME Keyring, or keep the key for " + "this session only.");
            }

            @Override
            public void save(String account, ApiKey key) {
                throw probe().toException();
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
        CliHarness c = new CliHarness(unreachable, root, new HttpClientFactory());
        c.run("profiles", "add", "prod", "--url", sandbox.baseUri().toString());

        CliHarness.Result r = c.run("approvals", "list");

        assertThat(r.code()).isEqualTo(ExitCodes.KEYCHAIN);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err())
                .contains("dbus-run-session", "gnome-keyring-daemon --unlock", "APPROVALS_API_KEY", "--key-file")
                .doesNotContain("this session only");

        CliHarness.Result remove = c.run("profiles", "remove", "prod");
        assertThat(remove.code()).isEqualTo(ExitCodes.KEYCHAIN);
        assertThat(remove.err())
                .contains("dbus-run-session", "profiles remove prod --keep-key")
                .doesNotContain("APPROVALS_API_KEY");
        assertThat(c.run("profiles", "remove", "prod", "--keep-key").code()).isZero();
    }

    @Test
    void polish() throws Exception {
        CliHarness.Result rotate = cli().run("key", "rotate", "--profile", "x");
        assertThat(rotate.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(rotate.err()).startsWith("error: Missing required argument").doesNotContain("Error:");

        CliHarness.Result help = cli().run("--help");
        assertThat(help.out())
                .contains("Exit codes:", "6   Conflict", "APPROVALS_API_KEY")
                .doesNotContain("desktop app and,\n");

        env.put("APPROVALS_URL", sandbox.baseUri().toString());
        assertThat(cli().run(
                                "profiles",
                                "add",
                                "admin",
                                "--url",
                                sandbox.baseUri().toString())
                        .code())
                .isZero();
        assertThat(cli().runWithStdin(admin.reveal(), "key", "set", "--profile", "admin")
                        .code())
                .isZero();
        CliHarness.Result keys = cli().run("keys", "list", "--profile", "admin");
        assertThat(keys.out()).containsPattern("(?m)^\\d+ keys\\.$");
        assertThat(Plural.of(1, "key", "keys") + ".").isEqualTo("1 key.");

        Path file = Files.writeString(root.resolve("not-a-dir"), "x");
        CliHarness.Result data = cli().run("sandbox", "--data", file.toString());
        assertThat(data.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(data.err()).contains("is a file; it must be a directory");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliHarness.Result port = cli().run(
                            "sandbox",
                            "--data",
                            root.resolve("sb").toString(),
                            "--port",
                            String.valueOf(busy.getLocalPort()));
            assertThat(port.code()).isEqualTo(ExitCodes.OTHER);
            assertThat(port.err()).contains("Port " + busy.getLocalPort() + " on 127.0.0.1 is in use", "--port 0");
        }
    }
}
