package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.client.ApiException;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import io.approvals.console.contract.TestKeys;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.FailureText;
import io.approvals.console.service.FakeApprovalsApi;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.service.ServiceText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * With APPROVALS_LANG=de people read German (the failure line the app shows for the same failure, the list's notes,
 * the key report) while scripts read exactly what they read in English: JSON, exit codes.
 */
class GermanCommandLineTest {
    private static final ApiKey CANARY = TestKeys.canary();

    @TempDir
    Path root;

    private final FakeApprovalsApi server = new FakeApprovalsApi();
    private final SessionOnlyStore secrets = new SessionOnlyStore();
    private CliHarness german;
    private CliHarness english;

    @BeforeEach
    void setUp() {
        german = new CliHarness(secrets, root, server.factory()).env(Map.of(CliEnvironment.LANG, "de"));
        english = new CliHarness(secrets, root, server.factory()).env(Map.of(CliEnvironment.LANG, "en"));
        assertThat(english.run("profiles", "add", "prod", "--url", "https://approvals.example.com")
                        .code())
                .isZero();
        server.issue(CANARY, "lee@example.com", List.of("read"));
        assertThat(english.runWithStdin(CANARY.reveal(), "key", "set", "--profile", "prod")
                        .code())
                .isZero();
    }

    @AfterAll
    static void serviceTextsBackToEnglish() {
        ServiceText.useLocale(Locale.ENGLISH); // process-wide: later test classes read English
    }

    @AfterEach
    void theCanaryIsNowhere() throws Exception {
        assertThat(german.transcript()).doesNotContain(CANARY.reveal());
        CanaryScan.assertNoFileContains(CANARY.reveal(), root);
    }

    private static Approval approval(String id, String title) {
        Instant t = Instant.parse("2026-11-26T10:15:30Z");
        return new Approval(
                id,
                title,
                null,
                "dana@example.com",
                "lee@example.com",
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

    @Test
    void theListSpeaksGermanAndItsJsonIsTheSameAsInEnglish() {
        server.addPending(approval("apr_1", "Neuer Laptop f\u00fcr Dana"));
        server.addPending(approval("apr_2", "Konferenzreise"));

        CliHarness.Result table = german.run("approvals", "list", "--profile", "prod");
        assertThat(table.code()).isZero();
        assertThat(table.err()).contains("2 offen.").doesNotContain("pending.");

        CliHarness.Result deJson = german.run("approvals", "list", "--profile", "prod", "--json");
        CliHarness.Result enJson = english.run("approvals", "list", "--profile", "prod", "--json");
        assertThat(deJson.code()).isZero();
        assertThat(deJson.out()).isEqualTo(enJson.out()).contains("Pending").doesNotContain("offen");

        CliHarness.Result csv = german.run("approvals", "list", "--profile", "prod", "--format", "csv");
        assertThat(csv.out())
                .isEqualTo(english.run("approvals", "list", "--profile", "prod", "--format", "csv")
                        .out());
    }

    @Test
    void anEmptyListAndUsageErrorsSpeakGermanWithTheSameExitCodes() {
        CliHarness.Result empty = german.run("approvals", "list", "--profile", "prod");
        assertThat(empty.err().strip()).isEqualTo("Keine offenen Antr\u00e4ge.");
        assertThat(empty.out()).isEmpty();

        CliHarness.Result limit = german.run("approvals", "list", "--profile", "prod", "--limit", "0");
        assertThat(limit.code())
                .isEqualTo(ExitCodes.USAGE)
                .isEqualTo(english.run("approvals", "list", "--profile", "prod", "--limit", "0")
                        .code());
        assertThat(limit.err().strip()).isEqualTo("Fehler: --limit muss 1 oder mehr sein");

        CliHarness.Result unknown = german.run("approvals", "list", "--bogus");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).startsWith("Fehler: ").contains("(siehe: ").contains("approvals list --help)");
    }

    @Test
    void aRejectedKeyReadsAsTheAppSaysItInGermanWithExit3() {
        server.revoke(CANARY);

        CliHarness.Result de = german.run("approvals", "list", "--profile", "prod");
        CliHarness.Result en = english.run("approvals", "list", "--profile", "prod");

        assertThat(de.code()).isEqualTo(ExitCodes.AUTH).isEqualTo(en.code());
        String line = FailureText.of(new ApiException.Unauthorized("req-1"), Locale.GERMAN)
                .line();
        assertThat(de.err().strip())
                .isEqualTo("Fehler: " + line)
                .startsWith("Fehler: Der Schl\u00fcssel wurde abgewiesen");
        assertThat(en.err().strip())
                .isEqualTo("error: "
                        + FailureText.of(new ApiException.Unauthorized("req-1"), Locale.ENGLISH)
                                .line());
    }

    @Test
    void theKeyReportHasGermanLabelsAndItsJsonIsTheSame() {
        assertThat(german.run("key", "verify", "--profile", "prod").code()).isZero();

        CliHarness.Result status = german.run("key", "status", "--profile", "prod");
        assertThat(status.code()).isZero();
        assertThat(status.out())
                .contains(
                        "Profil:",
                        "Schl\u00fcssel:",
                        "Fingerabdruck",
                        "Berechtigungen:",
                        "read  (nur lesen)",
                        "Zuletzt gepr\u00fcft:",
                        "Schl\u00fcssel aus:")
                .doesNotContain("Last verified");
        // the values line up under the longest German label
        List<String> lines = status.out().lines().toList();
        int column = lines.get(0).indexOf("prod");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isGreaterThan(column));
        String verified = lines.stream()
                .filter(l -> l.startsWith("Zuletzt gepr\u00fcft:"))
                .findFirst()
                .orElseThrow();
        assertThat(verified.charAt(column - 1)).isEqualTo(' ');
        assertThat(verified.charAt(column)).isNotEqualTo(' ');

        assertThat(german.run("key", "status", "--profile", "prod", "--json")
                        .out()
                        .replaceAll("\"verifiedAt\"\\s*:\\s*\"[^\"]*\"", ""))
                .isEqualTo(english.run("key", "status", "--profile", "prod", "--json")
                        .out()
                        .replaceAll("\"verifiedAt\"\\s*:\\s*\"[^\"]*\"", ""));
    }

    @Test
    void groupsWithoutASubcommandTheKeyLinesAndTheProfileQuestionSpeakGerman() {
        CliHarness.Result group = german.run("profiles");
        assertThat(group.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(group.err()).startsWith("Fehler: Unterbefehl fehlt: add, list, remove, set oder show");
        assertThat(english.run("keys").err())
                .startsWith("error: Missing subcommand: list, issue, regenerate, revoke, expire-previous or audit");

        assertThat(german.run("key", "verify", "--profile", "prod").out()).startsWith("Schl\u00fcssel gepr\u00fcft.");
        CliHarness.Result empty = german.runWithStdin("", "key", "set", "--profile", "prod");
        assertThat(empty.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).contains("\u00dcber stdin kam kein Schl\u00fcssel", "--profile prod < key.txt");

        assertThat(english.run("profiles", "add", "test", "--url", "https://test.example.com", "--no-discovery")
                        .code())
                .isZero();
        CliHarness.Result which = german.run("approvals", "list");
        assertThat(which.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(which.err()).contains("Welches Profil? Es gibt 2 (prod, test)", "APPROVALS_PROFILE");

        assertThat(german.run("profiles", "remove", "test").out().strip())
                .isEqualTo("Profil test und sein Schl\u00fcssel wurden entfernt.");
    }

    @Test
    void keyAdministrationAndTheServersAnswerToCheckSpeakGerman(@TempDir Path sandboxDir, @TempDir Path outDir)
            throws Exception {
        try (Sandbox sandbox = Sandbox.start(new SandboxConfig(sandboxDir, 0, 1))) {
            ApiKey admin = sandbox.newAdminKey().orElseThrow();
            String url = sandbox.baseUri().toString();
            CliHarness de =
                    new CliHarness(secrets, root, new HttpClientFactory()).env(Map.of(CliEnvironment.LANG, "de"));
            CliHarness en =
                    new CliHarness(secrets, root, new HttpClientFactory()).env(Map.of(CliEnvironment.LANG, "en"));
            assertThat(en.run("profiles", "add", "adm", "--url", url, "--no-discovery")
                            .code())
                    .isZero();
            assertThat(en.runWithStdin(admin.reveal() + "\n", "key", "set", "--profile", "adm")
                            .code())
                    .isZero();

            CliHarness.Result issued = de.run(
                    "keys",
                    "issue",
                    "--profile",
                    "adm",
                    "--name",
                    "dana-laptop",
                    "--owner",
                    "dana@example.com",
                    "--scope",
                    "read",
                    "--out",
                    outDir.resolve("dana.key").toString());
            assertThat(issued.code()).as(issued.err()).isZero();
            assertThat(issued.out())
                    .startsWith("Schl\u00fcssel 'dana-laptop' (")
                    .contains("f\u00fcr dana@example.com ausgestellt (Berechtigungen read, Ablauf nie): apv_")
                    .doesNotContain("Issued", "scopes", "expires");
            CliHarness.Result issuedEn = en.run(
                    "keys",
                    "issue",
                    "--profile",
                    "adm",
                    "--name",
                    "erin-laptop",
                    "--owner",
                    "erin@example.com",
                    "--scope",
                    "read",
                    "--expires",
                    "3d",
                    "--out",
                    outDir.resolve("erin.key").toString());
            assertThat(issuedEn.code()).as(issuedEn.err()).isZero();
            CliHarness.Result when = de.run(
                    "keys",
                    "issue",
                    "--profile",
                    "adm",
                    "--name",
                    "x",
                    "--owner",
                    "x@example.com",
                    "--expires",
                    "soon");
            assertThat(when.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(when.err()).startsWith("Fehler: --expires: schreiben Sie ein Datum (2026-12-31)");
            assertThat(issuedEn.out())
                    .startsWith("Issued key 'erin-laptop' (")
                    .contains(" for erin@example.com, scopes read, expires 20");

            CliHarness.Result list = de.run("keys", "list", "--profile", "adm");
            assertThat(list.code()).isZero();
            assertThat(list.out())
                    .contains("nie benutzt", "l\u00e4uft in 7 Tagen ab")
                    .doesNotContain("never used", "expires within");
            assertThat(en.run("keys", "list", "--profile", "adm").out())
                    .contains("never used", "expires within 7 days");

            CliHarness.Result grace = de.run(
                    "keys",
                    "regenerate",
                    "dana-laptop",
                    "--profile",
                    "adm",
                    "--grace",
                    "2h",
                    "--out",
                    outDir.resolve("dana2.key").toString());
            assertThat(grace.code()).as(grace.err()).isZero();
            assertThat(grace.out())
                    .startsWith("Schl\u00fcssel 'dana-laptop' (")
                    .contains(
                            " von dana@example.com neu erzeugt: apv_",
                            ". Das alte Geheimnis funktioniert noch 2 Stunden lang.");
            CliHarness.Result graceEn = en.run(
                    "keys",
                    "regenerate",
                    "erin-laptop",
                    "--profile",
                    "adm",
                    "--grace",
                    "1h",
                    "--out",
                    outDir.resolve("erin2.key").toString());
            assertThat(graceEn.out())
                    .startsWith("Regenerated key 'erin-laptop' (")
                    .contains(" of erin@example.com: apv_", ". The old secret keeps working for 1 hour.");
            Path danaFile = outDir.resolve("dana3.key");
            CliHarness.Result compromised = de.run(
                    "keys",
                    "regenerate",
                    "dana-laptop",
                    "--profile",
                    "adm",
                    "--compromised",
                    "--out",
                    danaFile.toString());
            assertThat(compromised.code()).as(compromised.err()).isZero();
            assertThat(compromised.out()).contains(". Das alte Geheimnis funktioniert nicht mehr.");

            ApiKey dana = ApiKey.of(Files.readString(danaFile, StandardCharsets.US_ASCII));
            Map<String, String> danaEnv = Map.of(CliEnvironment.URL, url, CliEnvironment.API_KEY, dana.reveal());
            CliHarness deDana = new CliHarness(secrets, root, new HttpClientFactory()).env(with(danaEnv, "de"));
            CliHarness enDana = new CliHarness(secrets, root, new HttpClientFactory()).env(with(danaEnv, "en"));
            CliHarness.Result alive = deDana.run("key", "status", "--check");
            assertThat(alive.code()).as(alive.err()).isZero();
            assertThat(alive.out())
                    .contains(
                            "Jetzt gepr\u00fcft:", "Active, Berechtigungen read, Inhaber dana@example.com, Ablauf nie")
                    .doesNotContain("Checked now", "scopes");
            assertThat(enDana.run("key", "status", "--check").out())
                    .contains("Checked now:   Active, scopes read, owner dana@example.com, expires never");

            assertThat(de.run("keys", "revoke", "dana-laptop", "--profile", "adm")
                            .code())
                    .isZero();
            CliHarness.Result dead = deDana.run("key", "status", "--check");
            assertThat(dead.code()).isEqualTo(ExitCodes.AUTH);
            assertThat(dead.out())
                    .contains("Jetzt gepr\u00fcft:", "UNG\u00dcLTIG: der Server hat den Schl\u00fcssel abgewiesen");
            assertThat(dead.err()).startsWith("Fehler: Der Schl\u00fcssel ist ung\u00fcltig: der Server hat");
            CliHarness.Result deadEn = enDana.run("key", "status", "--check");
            assertThat(deadEn.out()).contains("DEAD: the server refused the key (revoked, expired or unknown).");
            assertThat(deadEn.err())
                    .startsWith("error: The key is dead: the server refused the key (revoked, expired or unknown). "
                            + "Get a new one from an administrator.");
            // scripts read the same JSON in both languages: the refusal stays English
            assertThat(deDana.run("key", "status", "--check", "--json").out())
                    .isEqualTo(enDana.run("key", "status", "--check", "--json").out())
                    .contains("the server refused the key");
            assertThat(deDana.transcript()).doesNotContain(dana.reveal());
        }
    }

    private static Map<String, String> with(Map<String, String> env, String lang) {
        Map<String, String> m = new java.util.HashMap<>(env);
        m.put(CliEnvironment.LANG, lang);
        return m;
    }

    @Test
    void profileLinesAndTheSandboxsUsageErrorsSpeakGerman() throws Exception {
        CliHarness.Result show = german.run("profiles", "show", "prod");
        assertThat(show.code()).isZero();
        assertThat(show.out())
                .contains("Profil:", "URL:", "Schl\u00fcssel:     im Header X-API-Key (geraten)", "Dialekt:")
                .doesNotContain("Profile:", "Key sent:", "Dialect:");
        assertThat(english.run("profiles", "show", "prod").out())
                .startsWith("Profile:       prod")
                .contains("Key sent:      header X-API-Key (a guess)", "Dialect:       ");

        CliHarness.Result set = german.run("profiles", "set", "prod", "--header", "X-Token");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).startsWith("Profil prod jetzt: Schl\u00fcssel im Header X-Token; ");
        assertThat(english.run("profiles", "set", "prod", "--header", "X-Token").out())
                .startsWith("Profile prod now: key in header X-Token; ");

        CliHarness.Result port = german.run("sandbox", "--port", "70000");
        assertThat(port.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(port.err()).startsWith("Fehler: --port muss zwischen 0 und 65535 liegen");
        assertThat(english.run("sandbox", "--port", "70000").err()).startsWith("error: --port must be 0..65535");
        assertThat(german.run("sandbox", "--seed=-1").err()).startsWith("Fehler: --seed darf nicht negativ sein");
        Path file = Files.writeString(root.resolve("not-a-dir"), "x");
        CliHarness.Result data = german.run("sandbox", "--data", file.toString());
        assertThat(data.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(data.err()).contains("ist eine Datei; es muss ein Verzeichnis sein");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void keyFileAndIdsFileErrorsSpeakGerman() throws Exception {
        CliHarness.Result dir = german.run("approvals", "list", "--profile", "prod", "--key-file", root.toString());
        assertThat(dir.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(dir.err()).startsWith("Fehler: --key-file ").contains(" ist keine Datei.");

        Path empty = Files.writeString(root.resolve("empty.key"), "\n");
        Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rw-------"));
        assertThat(german.run("approvals", "list", "--profile", "prod", "--key-file", empty.toString())
                        .err())
                .contains("ist leer; schreiben Sie den Schl\u00fcssel in die erste Zeile");
        Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rw-r--r--"));
        CliHarness.Result open = german.run("approvals", "list", "--profile", "prod", "--key-file", empty.toString());
        assertThat(open.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(open.err())
                .contains(
                        "abgelehnt: andere d\u00fcrfen die Datei lesen oder \u00e4ndern (Modus rw-r--r--)",
                        "chmod 600");
        assertThat(english.run("approvals", "list", "--profile", "prod", "--key-file", empty.toString())
                        .err())
                .contains("Refusing --key-file " + empty.toAbsolutePath().normalize()
                        + ": others may read or change it (mode rw-r--r--). Make it private with: chmod 600 ");

        Path missing = root.resolve("missing.txt");
        CliHarness.Result unreadable = german.run(
                "approvals", "approve", "--profile", "prod", "--ids-from", missing.toString(), "--comment", "ok");
        assertThat(unreadable.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unreadable.err()).startsWith("Fehler: --ids-from " + missing + " kann nicht gelesen werden: ");
        Path noId = Files.writeString(root.resolve("no-id.jsonl"), "{\"title\": \"x\"}\n");
        assertThat(german.run(
                                "approvals",
                                "approve",
                                "--profile",
                                "prod",
                                "--ids-from",
                                noId.toString(),
                                "--comment",
                                "ok")
                        .err())
                .contains("jeder JSON-Eintrag braucht eine \"id\"");
        Path broken = Files.writeString(root.resolve("broken.jsonl"), "apr_1\n{oops\n");
        assertThat(german.run(
                                "approvals",
                                "approve",
                                "--profile",
                                "prod",
                                "--ids-from",
                                broken.toString(),
                                "--comment",
                                "ok")
                        .err())
                .contains("--ids-from: Zeile 2 ist kein g\u00fcltiges JSON.");
        assertThat(english.run(
                                "approvals",
                                "approve",
                                "--profile",
                                "prod",
                                "--ids-from",
                                broken.toString(),
                                "--comment",
                                "ok")
                        .err())
                .contains("--ids-from: line 2 is not valid JSON.");
        Path array = Files.writeString(root.resolve("broken.json"), "[oops");
        assertThat(german.run(
                                "approvals",
                                "approve",
                                "--profile",
                                "prod",
                                "--ids-from",
                                array.toString(),
                                "--comment",
                                "ok")
                        .err())
                .contains("--ids-from: das JSON-Array ist kein g\u00fcltiges JSON.");
    }
}
