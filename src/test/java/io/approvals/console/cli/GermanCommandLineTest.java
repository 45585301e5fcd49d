package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.client.ApiException;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import io.approvals.console.contract.TestKeys;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.service.FailureText;
import io.approvals.console.service.FakeApprovalsApi;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
        assertThat(table.out()).contains("2 offen.").doesNotContain("pending.");

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
        assertThat(empty.out().strip()).isEqualTo("Keine offenen Antr\u00e4ge.");

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
}
