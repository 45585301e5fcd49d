package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.PendingSnapshot;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.Priority;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.testing.AspNetLikeServer;
import io.approvals.console.testing.Canary;
import io.approvals.console.testing.SpringLikeServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": a profile added to an organisation's own server learns its dialect from its OpenAPI
 * document, the key is stored, every pending item listed, and approve and reject reach the server in its own field
 * names (through the client API the CLI's and the app's decisions use); a 204 to a decision is a success.
 */
class RealServerDialectTest {
    @TempDir
    Path root;

    private final SessionOnlyStore secrets = new SessionOnlyStore();

    private CliHarness cli() {
        return new CliHarness(secrets, root, new HttpClientFactory());
    }

    private ConnectionService service() {
        return new ConnectionService(new ConnectionStore(AppPaths.under(root)), secrets, new HttpClientFactory());
    }

    @Test
    void anAspNetCoreLikeServerWithSwashbuckle() throws Exception {
        String key = Canary.key().reveal();
        try (AspNetLikeServer server = new AspNetLikeServer(key, 12)) {
            CliHarness cli = cli();
            CliHarness.Result added =
                    cli.run("profiles", "add", "corp", "--url", server.uri().toString());
            assertThat(added.code()).isZero();
            assertThat(added.err())
                    .contains("Read the server's OpenAPI document")
                    .contains("/swagger/v1/swagger.json")
                    .contains("in header X-Api-Token")
                    .contains("field id = ApprovalId")
                    .contains("field expectedVersion = RowVersion")
                    .contains("ids: integer")
                    .contains("versions: byte");

            CliHarness.Result set = cli.runWithStdin(key + "\n", "key", "set", "--profile", "corp");
            assertThat(set.code()).as(set.err()).isZero();

            CliHarness.Result list = cli.run("approvals", "list", "--profile", "corp");
            assertThat(list.code()).as(list.err()).isZero();
            assertThat(list.out()).contains("Medium").contains("Critical");
            assertThat(list.err()).contains("12 pending.");

            CliHarness.Result show = cli.run("profiles", "show", "corp");
            assertThat(show.out())
                    .contains("header X-Api-Token")
                    .doesNotContain("(a guess)")
                    .contains("field status")
                    .doesNotContain(key);

            ApprovalsApi api = service().client("corp");
            PendingSnapshot s = api.fetchAllNotComplete(null, null);
            assertThat(s.items()).hasSize(12);
            Approval four = s.items().stream()
                    .filter(a -> a.id().equals("4"))
                    .findFirst()
                    .orElseThrow();
            assertThat(four.statusText()).isEqualTo("InProgress");
            Approval approved =
                    api.updateStatus(new UpdateStatusRequest("4", ApprovalStatus.APPROVED, null, four.version()));
            assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
            JsonNode sent = server.received.get(0);
            assertThat(sent.get("ApprovalId").isInt()).isTrue();
            assertThat(sent.get("Status").asText()).isEqualTo("Approved");
            assertThat(sent.get("RowVersion").asText()).isEqualTo(AspNetLikeServer.rowVersion(2004));
            assertThat(server.item(4).get("Status").asText()).isEqualTo("Approved");

            Approval five = s.items().stream()
                    .filter(a -> a.id().equals("5"))
                    .findFirst()
                    .orElseThrow();
            assertThatThrownBy(() -> api.updateStatus(
                            new UpdateStatusRequest("5", ApprovalStatus.REJECTED, " ", five.version())))
                    .isInstanceOfSatisfying(ApiException.Validation.class, v -> {
                        assertThat(v.errors()).containsKey("Comment");
                        assertThat(v.traceId()).startsWith("00-4bf92f");
                    });
            api.updateStatus(new UpdateStatusRequest("5", ApprovalStatus.REJECTED, "Over budget", five.version()));
            assertThat(server.item(5).get("Status").asText()).isEqualTo("Rejected");
            assertThat(server.received.get(2).get("Comment").asText()).isEqualTo("Over budget");

            Approval made = api.createApproval(
                    new CreateApprovalRequest("New monitor", null, null, null, Priority.HIGH, null), null);
            assertThat(made.id()).isEqualTo("13");
            assertThat(made.title()).isEqualTo("New monitor");
            assertThat(server.received.get(3).has("Title")).isTrue();

            assertThat(cli.run("approvals", "list", "--profile", "corp").err()).contains("11 pending.");
        }
    }

    @Test
    void aWrongGuessedHeaderIsNamedWhenTheKeyIsRefused() throws Exception {
        String key = Canary.key().reveal();
        try (AspNetLikeServer server = new AspNetLikeServer(key, 1)) {
            CliHarness cli = cli();
            cli.run("profiles", "add", "nodoc", "--url", server.uri().toString(), "--no-discovery");
            CliHarness.Result set = cli.runWithStdin(key + "\n", "key", "set", "--profile", "nodoc", "--verbose");
            assertThat(set.code()).isEqualTo(ExitCodes.AUTH);
            assertThat(set.err()).contains("  HTTP status: 401").contains("  Request id: ");
            assertThat(set.err())
                    .contains("refused the key")
                    .contains("header 'X-API-Key'")
                    .contains("profiles set NAME --header");
            assertThat(cli.run(
                                    "profiles",
                                    "set",
                                    "nodoc",
                                    "--header",
                                    AspNetLikeServer.HEADER,
                                    "--field",
                                    "approvalId=ApprovalId",
                                    "--field",
                                    "expectedVersion=RowVersion",
                                    "--field",
                                    "idType=integer",
                                    "--time-zone",
                                    "Europe/Berlin")
                            .code())
                    .isZero();
            assertThat(cli.runWithStdin(key + "\n", "key", "set", "--profile", "nodoc")
                            .code())
                    .isZero();
            Connection c = service().profile("nodoc");
            assertThat(c.dialect().field("id")).isEqualTo("ApprovalId");
            assertThat(c.dialect().timeZone()).isEqualTo("Europe/Berlin");
            // zone-less 11:02:07 in Berlin (summer) is 09:02:07 UTC
            assertThat(service()
                            .client("nodoc")
                            .fetchAllNotComplete(null, null)
                            .items()
                            .get(0)
                            .createdAt())
                    .hasToString("2025-09-06T09:02:07.123456700Z");
        }
    }

    @Test
    void aSpringBootLikeServerWithPagesAndABearerToken() throws Exception {
        String token = "eyJhbGciOiJIUzI1NiJ9.e30.sig-" + Canary.key().reveal().substring(4, 20);
        try (SpringLikeServer server = new SpringLikeServer(token, 8)) {
            CliHarness cli = cli();
            CliHarness.Result added =
                    cli.run("profiles", "add", "spring", "--url", server.uri().toString());
            assertThat(added.err())
                    .contains("/v3/api-docs")
                    .contains("Authorization: Bearer")
                    .contains("field id = approvalId")
                    .contains("field status = decision")
                    .contains("spelling Approved = APPROVED");
            assertThat(service().profile("spring").authMode()).isEqualTo(AuthMode.BEARER);
            assertThat(cli.runWithStdin(token + "\n", "key", "set", "--profile", "spring")
                            .code())
                    .isZero();

            CliHarness.Result list = cli.run("approvals", "list", "--profile", "spring");
            assertThat(list.out()).as(list.err()).contains("MEDIUM");
            assertThat(list.err()).contains("8 pending.");
            assertThat(server.listQueries).anyMatch(q -> q.contains("page=2&size=3"));

            ApprovalsApi api = service().client("spring");
            Approval first = api.fetchAllNotComplete(null, null).items().get(0);
            assertThat(first.createdAt()).hasToString("2025-09-06T11:02:08Z");
            Approval approved = api.updateStatus(
                    new UpdateStatusRequest(first.id(), ApprovalStatus.APPROVED, null, first.version()));
            assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
            assertThat(server.received.get(0).toString())
                    .isEqualTo("{\"approvalId\":\"" + first.id() + "\",\"decision\":\"APPROVED\",\"version\":1}");
            Approval second = api.fetchAllNotComplete(null, null).items().get(0);
            api.updateStatus(new UpdateStatusRequest(second.id(), ApprovalStatus.REJECTED, "No", second.version()));
            assertThat(server.item(second.id()).get("status").asText()).isEqualTo("REJECTED");
            assertThat(api.fetchAllNotComplete(null, null).items()).hasSize(6);
        }
    }
}
