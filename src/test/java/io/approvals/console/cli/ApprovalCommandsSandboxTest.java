package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.Json;
import io.approvals.console.contract.Page;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.ClientFactory;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.testing.FaultProxy;
import io.approvals.console.testing.ForwardingApi;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * approvals list/show/create/approve/reject and the bulk pipe, end to end against the real sandbox over HTTP, with
 * the key from APPROVALS_API_KEY and the server from APPROVALS_URL (no profile, no keychain). Every exit code is
 * asserted; "never twice" is proved with the server's audit trail.
 */
class ApprovalCommandsSandboxTest {
    @TempDir
    static Path sandboxDir;

    private static Sandbox sandbox;
    private static ApiKey admin;
    private static ApiKey writer;

    @TempDir
    Path root;

    private final String requester = "req-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    private CliHarness cli;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(new SandboxConfig(sandboxDir, 0, 0));
        admin = sandbox.newAdminKey().orElseThrow();
        writer = sandbox.issueKeyForTests("writer", "writer@example.com", Set.of("read", "write"), null);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void noKeyPrintedOrWritten() throws Exception {
        assertThat(cli().transcript()).doesNotContain(writer.reveal()).doesNotContain(admin.reveal());
        CanaryScan.assertNoFileContains(writer.reveal(), root);
    }

    private CliHarness cli() {
        if (cli == null) {
            cli = harness(new HttpClientFactory(), sandbox.baseUri());
        }
        return cli;
    }

    private CliHarness harness(ClientFactory clients, URI url) {
        return new CliHarness(new SessionOnlyStore(), root, clients)
                .env(Map.of("APPROVALS_URL", url.toString(), "APPROVALS_API_KEY", writer.reveal()));
    }

    private String create(String title) throws IOException {
        CliHarness.Result r = cli().run("approvals", "create", "--title", title, "--requester", requester, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return Json.strict().readTree(r.out()).get("id").asText();
    }

    private static List<AuditEntry> audit() {
        ApprovalsApi api = ApprovalsClient.builder(sandbox.baseUri(), admin).build();
        List<AuditEntry> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<AuditEntry> page = api.audit(1000, cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private static long decisionsOf(String id) {
        return audit().stream()
                .filter(e -> id.equals(e.target()))
                .filter(e ->
                        e.action().equals("approval.approved") || e.action().equals("approval.rejected"))
                .count();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void everyCommandWithItsExitCode() throws Exception {
        CliHarness.Result created = cli().run(
                        "approvals",
                        "create",
                        "--title",
                        "New laptop for Dana",
                        "--description",
                        "MacBook",
                        "--requester",
                        requester,
                        "--approver",
                        "lee@example.com",
                        "--priority",
                        "High",
                        "--due",
                        "3d",
                        "--json");
        assertThat(created.code()).as(created.err()).isZero();
        JsonNode json = Json.strict().readTree(created.out());
        assertThat(fieldNames(json)).isEqualTo(ApprovalView.FIELDS);
        String id = json.get("id").asText();
        assertThat(json.get("priority").asText()).isEqualTo("High");

        CliHarness.Result show = cli().run("approvals", "show", id);
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out())
                .contains("New laptop for Dana", "MacBook", "lee@example.com", "Pending", "version:     1");
        assertThat(fieldNames(Json.strict()
                        .readTree(cli().run("approvals", "show", id, "--json").out())))
                .isEqualTo(ApprovalView.FIELDS);

        CliHarness.Result stale = cli().run("approvals", "approve", id, "--expected-version", "7");
        assertThat(stale.code()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(stale.err())
                .startsWith("error: ")
                .contains("still pending at version 1, not 7 (--expected-version)", "approvals show " + id)
                .doesNotContain("Someone else");

        CliHarness.Result rejectNoComment = cli().run("approvals", "reject", id);
        assertThat(rejectNoComment.code()).isEqualTo(ExitCodes.USAGE);
        CliHarness.Result rejectBlank = cli().run("approvals", "reject", id, "--comment", "  ");
        assertThat(rejectBlank.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(rejectBlank.err()).contains("needs a reason").contains("Nothing was sent");

        CliHarness.Result approve = cli().run("approvals", "approve", id, "--comment", "fine", "--json");
        assertThat(approve.code()).as(approve.err()).isZero();
        JsonNode approved = Json.strict().readTree(approve.out());
        assertThat(fieldNames(approved)).isEqualTo(ApprovalView.FIELDS);
        assertThat(approved.get("status").asText()).isEqualTo("Approved");
        assertThat(approved.get("version").asLong()).isEqualTo(2);

        CliHarness.Result again = cli().run("approvals", "reject", id, "--comment", "too late");
        assertThat(again.code()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(again.err().strip().lines()).hasSize(1);
        assertThat(again.err()).contains("Already approved by writer@example.com at ");

        assertThat(cli().run("approvals", "show", id).code()).isEqualTo(ExitCodes.NOT_FOUND);
        CliHarness.Result unknown = cli().run("approvals", "approve", "apr_doesNotExist");
        assertThat(unknown.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(decisionsOf(id)).isEqualTo(1);

        String second = create("Second");
        CliHarness.Result reject =
                cli().run("approvals", "reject", second, "--comment", "no budget", "--expected-version", "1");
        assertThat(reject.code()).as(reject.err()).isZero();
        assertThat(reject.out()).contains("Rejected " + second, "status:      Rejected", "no budget");

        CliHarness.Result blankTitle = cli().run("approvals", "create", "--title", "   ");
        assertThat(blankTitle.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(blankTitle.err()).contains("empty or only spaces").doesNotContain("it has 3");
        CliHarness.Result badTitle = cli().run("approvals", "create", "--title", "x".repeat(201));
        assertThat(badTitle.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli().run("approvals", "create", "--title", "t", "--priority", "Sometime")
                        .code())
                .isEqualTo(ExitCodes.USAGE);

        CliHarness.Result wrongKey = new CliHarness(new SessionOnlyStore(), root, new HttpClientFactory())
                .env(Map.of(
                        "APPROVALS_URL",
                        sandbox.baseUri().toString(),
                        "APPROVALS_API_KEY",
                        io.approvals.console.contract.TestKeys.random().reveal()))
                .run("approvals", "list");
        assertThat(wrongKey.code()).isEqualTo(ExitCodes.AUTH);

        ApiKey reader = sandbox.issueKeyForTests("reader", "reader@example.com", Set.of("read"), null);
        CliHarness.Result readOnly = new CliHarness(new SessionOnlyStore(), root, new HttpClientFactory())
                .env(Map.of("APPROVALS_URL", sandbox.baseUri().toString(), "APPROVALS_API_KEY", reader.reveal()))
                .run("approvals", "create", "--title", "not allowed");
        assertThat(readOnly.code()).isEqualTo(ExitCodes.AUTH);
        assertThat(readOnly.err()).contains("\u2018write\u2019"); // the app's words (FailureText), quotes too
    }

    @Test
    void aRefusedSingleDecisionSaysWhichFieldAndWhyAndVerboseShowsTheServersDetails() throws Exception {
        String id = create("Too long a comment");

        CliHarness.Result r = cli().run("approvals", "approve", id, "--comment", "c".repeat(4001), "--verbose");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OTHER);
        assertThat(r.err())
                .startsWith("error: Some fields are not valid: comment (must be 0 to 4000 characters long (is 4001))")
                .contains("Correct it and run the command again.")
                .contains("  HTTP status: 400", "  Request id: ")
                .contains("  Field comment: must be 0 to 4000 characters long (is 4001)")
                .doesNotContain("cccccccccc");
        assertThat(decisionsOf(id)).isZero();

        CliHarness.Result quiet = cli().run("approvals", "approve", id, "--comment", "c".repeat(4001));
        assertThat(quiet.err()).contains("(is 4001)").doesNotContain("HTTP status");
    }

    @Test
    void idempotencyKeyMakesARerunOfCreateSafe() throws Exception {
        String key = UUID.randomUUID().toString();
        CliHarness.Result first = cli().run(
                        "approvals",
                        "create",
                        "--title",
                        "Once",
                        "--requester",
                        requester,
                        "--idempotency-key",
                        key,
                        "--json");
        CliHarness.Result rerun = cli().run(
                        "approvals",
                        "create",
                        "--title",
                        "Once",
                        "--requester",
                        requester,
                        "--idempotency-key",
                        key,
                        "--json");

        assertThat(rerun.code()).isZero();
        assertThat(Json.strict().readTree(rerun.out()).get("id"))
                .isEqualTo(Json.strict().readTree(first.out()).get("id"));
        assertThat(cli().run("approvals", "list", "--requester", requester, "--format", "csv", "--fields", "id")
                        .out()
                        .lines()
                        .count())
                .isEqualTo(2); // header + one
    }

    @Test
    void listFiltersFormatsAndFields() throws Exception {
        String a = create("Alpha, with a comma");
        create("Beta");
        create("Gamma");

        CliHarness.Result json = cli().run("approvals", "list", "--requester", requester, "--json");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode items = Json.strict().readTree(json.out());
        assertThat(items).hasSize(3);
        for (JsonNode item : items) {
            assertThat(fieldNames(item)).as("exactly the contract's fields").isEqualTo(ApprovalView.FIELDS);
        }

        CliHarness.Result csv = cli().run(
                        "approvals",
                        "list",
                        "--requester",
                        requester,
                        "--format",
                        "csv",
                        "--fields",
                        "id,title,version");
        assertThat(csv.out().split("\r\n"))
                .containsExactly(
                        "id,title,version",
                        a + ",\"Alpha, with a comma\",1",
                        csv.out().split("\r\n")[2],
                        csv.out().split("\r\n")[3]);

        CliHarness.Result limited =
                cli().run("approvals", "list", "--requester", requester, "--limit", "2", "--fields", "id,title");
        assertThat(limited.out())
                .startsWith("ID")
                .contains("TITLE", "Alpha")
                .doesNotContain("Gamma")
                .doesNotContain("pending");
        assertThat(limited.err()).contains("2 of 3 pending shown (--limit).");

        assertThat(cli().run("approvals", "list", "--requester", requester, "--overdue", "--json")
                        .out()
                        .strip())
                .isEqualTo("[ ]");
        assertThat(Json.strict()
                        .readTree(cli().run(
                                        "approvals", "list", "--requester", requester, "--status", "pending", "--json")
                                .out()))
                .hasSize(3);
        assertThat(Json.strict()
                        .readTree(cli().run(
                                        "approvals", "list", "--requester", requester, "--status", "Approved", "--json")
                                .out()))
                .isEmpty();

        assertThat(cli().run("approvals", "list", "--fields", "id,nope").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli().run("approvals", "list", "--format", "xml").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli().run("approvals", "list", "--limit", "0").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli().run("approvals", "list", "--status", "Done").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void theTablePipesIntoIdsFromAndDecidesExactlyItsRows() throws Exception {
        // docs/cli.md: "the first word of a line counts, so a table works too"
        String one = create("piped one");
        String two = create("piped two");
        CliHarness.Result table = cli().run("approvals", "list", "--requester", requester);
        CliHarness.Result piped = cli().runWithStdin(
                        table.out(), "approvals", "approve", "--ids-from", "-", "--comment", "from the table");
        assertThat(piped.code()).as(piped.err()).isZero();
        assertThat(piped.out().lines())
                .containsExactly(one + "  approved  now version 2", two + "  approved  now version 2");
        assertThat(piped.err()).contains("2 of 2 ids approved.").doesNotContain("not-found");
    }

    @Test
    void noIdsOnThePipeDecidesNothingAndSaysSoWithExitZero() throws Exception {
        String pending = create("left alone");
        for (String stdin : List.of("", "[]\n", "\n# only a comment\n\n")) {
            for (String verb : List.of("approve", "reject")) {
                CliHarness.Result r = cli().runWithStdin(stdin, "approvals", verb, "--ids-from", "-", "--comment", "x");
                assertThat(r.code()).as(verb + " " + stdin).isZero();
                assertThat(r.out()).isEmpty();
                assertThat(r.err().strip().lines()).hasSize(1);
                assertThat(r.err())
                        .startsWith("note: --ids-from - gave no ids")
                        .contains("nothing was decided")
                        .doesNotContain(" of ");
            }
        }
        assertThat(decisionsOf(pending)).isZero();
        assertThat(cli().run("approvals", "show", pending).code()).isZero();

        CliHarness.Result one = cli().runWithStdin(pending + "\n", "approvals", "approve", "--ids-from", "-");
        assertThat(one.err()).contains("1 of 1 id approved.");
        assertThat(CliMessages.ENGLISH.get("bulk.summary.approved", 0, 0)).isEqualTo("0 of 0 ids approved.");
        assertThat(CliMessages.forLanguage("de").get("bulk.summary.rejected", 0, 0))
                .isEqualTo("0 von 0 IDs abgelehnt.");
    }

    @Test
    void bulkFromThePipeDecidesEachOnceAndSaysWhatBecameOfEachId() throws Exception {
        String first = create("one");
        String decided = create("two");
        String third = create("three");
        assertThat(cli().run("approvals", "approve", decided).code()).isZero();

        String listJson = cli().run("approvals", "list", "--requester", requester, "--json")
                .out();
        String stdin = listJson.strip();
        CliHarness.Result fromJson =
                cli().runWithStdin(stdin, "approvals", "approve", "--ids-from", "-", "--comment", "bulk");
        assertThat(fromJson.code()).as(fromJson.err()).isZero();
        assertThat(fromJson.out().lines())
                .containsExactly(first + "  approved  now version 2", third + "  approved  now version 2");
        assertThat(fromJson.err()).contains("2 of 2 ids approved.");

        String fourth = create("four");
        CliHarness.Result lines = cli().runWithStdin(
                        String.join("\n", "# from a file", first, fourth, "apr_unknown", fourth, ""),
                        "approvals",
                        "reject",
                        "--ids-from",
                        "-",
                        "--comment",
                        "no",
                        "--json");
        assertThat(lines.code()).as("the first failure's code").isEqualTo(ExitCodes.CONFLICT);
        List<JsonNode> results = lines.out()
                .lines()
                .map(l -> {
                    try {
                        return Json.strict().readTree(l);
                    } catch (IOException e) {
                        throw new AssertionError(l, e);
                    }
                })
                .toList();
        assertThat(results).extracting(n -> n.get("id").asText()).containsExactly(first, fourth, "apr_unknown");
        assertThat(results)
                .extracting(n -> n.get("result").asText())
                .containsExactly("conflict", "rejected", "not-found");
        assertThat(results.get(0).get("approval").get("decidedBy").asText()).isEqualTo("writer@example.com");
        assertThat(fieldNames(results.get(1).get("approval"))).isEqualTo(ApprovalView.FIELDS);

        for (String id : List.of(first, decided, third, fourth)) {
            assertThat(decisionsOf(id)).as(id).isEqualTo(1);
        }
        assertThat(cli().runWithStdin("", "approvals", "approve", first, "--ids-from", "-")
                        .code())
                .isEqualTo(ExitCodes.USAGE);
        CliHarness.Result bom =
                cli().runWithStdin("\uFEFF" + fourth + "\r\n", "approvals", "approve", "--ids-from", "-");
        assertThat(bom.err()).as("a file saved with a byte order mark").doesNotContain("not-found");
        CliHarness.Result neither = cli().run("approvals", "approve");
        assertThat(neither.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(neither.err()).contains("Which approval?").doesNotContain("not both");
    }

    @Test
    void bulkStopsAtAnAuthFailureAndSendsNothingAfterIt() throws Exception {
        List<String> ids = List.of(create("a"), create("b"), create("c"));
        AtomicInteger decisions = new AtomicInteger();
        CliHarness c = harness(
                breaking(real -> new ForwardingApi(real) {
                    @Override
                    public Approval updateStatus(UpdateStatusRequest request) {
                        if (decisions.incrementAndGet() == 2) {
                            throw new ApiException.Unauthorized("req-1");
                        }
                        return real.updateStatus(request);
                    }
                }),
                sandbox.baseUri());

        CliHarness.Result r = c.runWithStdin(String.join("\n", ids), "approvals", "approve", "--ids-from", "-");

        assertThat(r.code()).isEqualTo(ExitCodes.AUTH);
        assertThat(r.out().lines())
                .containsExactly(
                        ids.get(0) + "  approved  now version 2",
                        ids.get(1) + "  failed  " + new ApiException.Unauthorized(null).getMessage(),
                        ids.get(2) + "  skipped  not sent: stopped after an authentication failure");
        assertThat(decisions.get()).isEqualTo(2);
        assertThat(decisionsOf(ids.get(2))).isZero();
    }

    @Test
    void aDecisionWhoseAnswerWasLostIsReadAgainNotSentAgain() throws Exception {
        List<String> ids = List.of(create("a"), create("b"), create("c"));
        List<UpdateStatusRequest> sent = new CopyOnWriteArrayList<>();
        CliHarness c = harness(
                breaking(real -> new ForwardingApi(real) {
                    @Override
                    public Approval updateStatus(UpdateStatusRequest request) {
                        sent.add(request);
                        Approval a = real.updateStatus(request);
                        if (request.id().equals(ids.get(1)) && sent.size() == 2) {
                            throw new ApiException.Network("The connection was reset.", new IOException("reset"));
                        }
                        return a;
                    }
                }),
                sandbox.baseUri());

        CliHarness.Result r = c.runWithStdin(String.join("\n", ids), "approvals", "approve", "--ids-from", "-");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains(ids.get(1) + "  approved  (confirmed after a network error: decided by writer@example.com");
        for (String id : ids) {
            assertThat(decisionsOf(id)).as(id).isEqualTo(1);
            assertThat(sent.stream().filter(s -> s.id().equals(id) && s.expectedVersion() != Decider.NO_SUCH_VERSION))
                    .as("decisions sent for " + id)
                    .hasSize(1);
        }
    }

    @Test
    void aDecisionLostBeforeTheServerSawItIsSentOnceMoreWithTheSameVersion() throws Exception {
        List<String> ids = List.of(create("a"), create("b"));
        List<UpdateStatusRequest> sent = new CopyOnWriteArrayList<>();
        CliHarness c = harness(
                breaking(real -> new ForwardingApi(real) {
                    @Override
                    public Approval updateStatus(UpdateStatusRequest request) {
                        sent.add(request);
                        if (sent.size() == 1) {
                            throw new ApiException.Network("Could not connect.", new IOException("refused"));
                        }
                        return real.updateStatus(request);
                    }
                }),
                sandbox.baseUri());

        CliHarness.Result r = c.runWithStdin(String.join("\n", ids), "approvals", "approve", "--ids-from", "-");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(sent).extracting(UpdateStatusRequest::id).containsExactly(ids.get(0), ids.get(0), ids.get(1));
        assertThat(sent.get(1).expectedVersion())
                .isEqualTo(sent.get(0).expectedVersion())
                .isEqualTo(1L);
        for (String id : ids) {
            assertThat(decisionsOf(id)).as(id).isEqualTo(1);
        }
    }

    @Test
    void throughAProxyThatDropsEveryAnswerEachDecisionLandsOnceAndTheRunSaysSo() throws Exception {
        List<String> ids = List.of(create("a"), create("b"), create("c"));
        try (FaultProxy proxy = new FaultProxy(sandbox.baseUri())) {
            proxy.fail(FaultProxy.Fault.DIE_AFTER_APPLYING, "UpdateApprovalStatus");
            CliHarness c = harness(new HttpClientFactory(), proxy.uri());

            CliHarness.Result r =
                    c.runWithStdin(String.join("\n", ids), "approvals", "approve", "--ids-from", "-", "--json");

            assertThat(r.code()).isEqualTo(ExitCodes.NETWORK);
            assertThat(r.out().lines()).hasSize(3).allSatisfy(l -> assertThat(l)
                    .contains("\"result\":\"failed\"", "no longer pending, most likely by this decision"));
        }
        for (String id : ids) {
            assertThat(decisionsOf(id)).as("decisions of " + id).isEqualTo(1);
        }
    }

    private static ClientFactory breaking(Function<ApprovalsApi, ApprovalsApi> wrap) {
        HttpClientFactory http = new HttpClientFactory();
        return (connection, key) -> wrap.apply(http.create(connection, key));
    }
}
