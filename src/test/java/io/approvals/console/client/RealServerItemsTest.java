package io.approvals.console.client;

import static io.approvals.console.testing.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Dialect;
import io.approvals.console.contract.Priority;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.testing.Canary;
import io.approvals.console.testing.StubServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Item-by-item reading of what real servers send, and what goes back to them (issue 16, part 1). */
class RealServerItemsTest {
    private static final String LIST = "/approvals/GetApprovalNotComplete";
    private static final String UPDATE = "/approvals/UpdateApprovalStatus";
    private static final String CREATE = "/approvals/CreateApproval";
    private StubServer server;

    @BeforeEach
    void start() throws Exception {
        server = StubServer.http();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApprovalsClient client(Dialect d) {
        return ApprovalsClient.builder(server.uri(), Canary.random())
                .retryPolicy(RetryPolicy.NONE)
                .dialect(d)
                .build();
    }

    @Test
    void anItemThatCannotBeFullyReadKeepsWhatItCanAndOneWithoutIdIsSkippedAndCounted() {
        server.on(LIST, (ex, s) -> json(ex, 200, """
                [{"Id": 1, "Title": "Good", "Status": "Pending", "Priority": "High", "CreatedAt": "2025-09-06T11:02:07"},
                 {"Id": 2, "Title": "Odd", "Status": {"code": 3}, "Priority": [1], "DueAt": "next tuesday",
                  "CreatedAt": true},
                 {"Title": "No id at all", "Status": "Pending"},
                 {"Id": "", "Title": "Blank id"},
                 "not even an object"]"""));
        PendingSnapshot s = client(null).fetchAllNotComplete(null, null);
        assertThat(s.items()).extracting(Approval::id).containsExactly("1", "2");
        Approval odd = s.items().get(1);
        assertThat(odd.title()).isEqualTo("Odd");
        assertThat(odd.isPartlyRead()).isTrue();
        assertThat(odd.raw().unread()).contains("status", "priority", "dueAt", "createdAt");
        assertThat(odd.statusText()).isEqualTo("unknown");
        assertThat(odd.priorityText()).isEqualTo("unknown");
        assertThat(s.partlyRead()).isEqualTo(1);
        assertThat(s.skipped()).isEqualTo(3);
        assertThat(s.readingNote()).isEqualTo("1 item partly read (fields shown as unknown), 3 items skipped (no id)");
    }

    @Test
    void unknownStatusesAndPrioritiesAreKeptAsTheirTextAndCountAsNotComplete() {
        server.on(LIST, (ex, s) -> json(ex, 200, """
                [{"id": "a", "title": "A", "status": "InProgress", "priority": "Medium"},
                 {"id": "b", "title": "B", "status": 7, "priority": "Critical"},
                 {"id": "c", "title": "C", "status": "PENDING", "priority": "urgent"}]"""));
        List<Approval> items = client(null).fetchAllNotComplete(null, null).items();
        assertThat(items).extracting(Approval::statusText).containsExactly("InProgress", "7", "Pending");
        assertThat(items).extracting(Approval::priorityText).containsExactly("Medium", "Critical", "Urgent");
        assertThat(items)
                .extracting(Approval::status)
                .containsExactly(ApprovalStatus.OTHER, ApprovalStatus.OTHER, ApprovalStatus.PENDING);
        assertThat(items)
                .extracting(Approval::priority)
                .containsExactly(Priority.OTHER, Priority.OTHER, Priority.URGENT);
        assertThat(items).allMatch(Approval::isPending);
        // OTHER is the last constant: unknown ones sort after every known one
        assertThat(Priority.OTHER.ordinal()).isGreaterThan(Priority.URGENT.ordinal());
        assertThat(ApprovalStatus.OTHER.ordinal()).isGreaterThan(ApprovalStatus.REJECTED.ordinal());
    }

    @Test
    void timesWithAndWithoutZoneDateOnlyAndEpochNumbersZoneLessInTheProfilesZone() {
        server.on(LIST, (ex, s) -> json(ex, 200, """
                [{"id": "1", "createdAt": "2025-09-06T11:02:07.1234567", "dueAt": "2025-09-06T11:02:07.1234567+02:00",
                  "updatedAt": "2025-09-07", "decidedAt": 1757156527},
                 {"id": "2", "createdAt": 1757156527123, "dueAt": "2025-09-06 11:02:07"}]"""));
        List<Approval> utc = client(null).fetchAllNotComplete(null, null).items();
        assertThat(utc.get(0).createdAt()).isEqualTo(Instant.parse("2025-09-06T11:02:07.1234567Z"));
        assertThat(utc.get(0).dueAt()).isEqualTo(Instant.parse("2025-09-06T09:02:07.1234567Z"));
        assertThat(utc.get(0).updatedAt()).isEqualTo(Instant.parse("2025-09-07T00:00:00Z"));
        assertThat(utc.get(0).decidedAt()).isEqualTo(Instant.parse("2025-09-06T11:02:07Z"));
        assertThat(utc.get(1).createdAt()).isEqualTo(Instant.parse("2025-09-06T11:02:07.123Z"));
        assertThat(utc.get(1).dueAt()).isEqualTo(Instant.parse("2025-09-06T11:02:07Z"));

        Dialect berlin = Dialect.CONTRACT.with("timeZone", "Europe/Berlin");
        List<Approval> local = client(berlin).fetchAllNotComplete(null, null).items();
        assertThat(local.get(0).createdAt()).isEqualTo(Instant.parse("2025-09-06T09:02:07.1234567Z"));
        assertThat(local.get(0).dueAt())
                .as("an offset given wins")
                .isEqualTo(utc.get(0).dueAt());
    }

    @Test
    void versionsAndIdsGoBackExactlyAsTheServerSentThem() throws Exception {
        server.on(LIST, (ex, s) -> json(ex, 200, """
                [{"Id": 42, "Title": "Row", "Status": "Pending", "RowVersion": "AAAAAAAAB9E="},
                 {"id": "9b2f0c1e-6a35-4c1e-9a63-0c8f7a1d2e3f", "title": "Guid", "version": "W/\\"x7\\""}]"""));
        server.on(UPDATE, (ex, s) -> StubServer.send(ex, 204, "text/plain", ""));
        ApprovalsClient c = client(null);
        List<Approval> items = c.fetchAllNotComplete(null, null).items();
        Approval row = items.get(0);
        assertThat(row.version()).isEqualTo(0x7D1);
        assertThat(row.raw().versionToken()).isEqualTo("AAAAAAAAB9E=");

        Approval decided = c.updateStatus(new UpdateStatusRequest("42", ApprovalStatus.APPROVED, null, row.version()));
        Approval guid = items.get(1);
        c.updateStatus(new UpdateStatusRequest(guid.id(), ApprovalStatus.REJECTED, "no", guid.version()));

        ObjectMapper m = new ObjectMapper();
        JsonNode first = m.readTree(server.requests().get(1).body());
        assertThat(first.get("id").isNumber())
                .as("an int id goes back as a number")
                .isTrue();
        assertThat(first.get("id").asInt()).isEqualTo(42);
        assertThat(first.get("expectedVersion").asText()).isEqualTo("AAAAAAAAB9E=");
        JsonNode second = m.readTree(server.requests().get(2).body());
        assertThat(second.get("id").asText()).isEqualTo("9b2f0c1e-6a35-4c1e-9a63-0c8f7a1d2e3f");
        assertThat(second.get("expectedVersion").asText()).isEqualTo("W/\"x7\"");
        // 204: a success, the approval as decided
        assertThat(decided.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(decided.id()).isEqualTo("42");
    }

    @Test
    void aDecisionOrCreateAnsweredWith201AndLocationReadsTheItemThere() {
        server.on(CREATE, (ex, s) -> {
            ex.getResponseHeaders().add("Location", "/approvals/items/77");
            StubServer.send(ex, 201, "text/plain", "");
        });
        server.on(
                "/approvals/items/77",
                (ex, s) -> json(ex, 200, "{\"ApprovalId\": 77, \"Title\": \"Made\", \"Status\": \"InProgress\"}"));
        Approval a = client(null)
                .createApproval(
                        new io.approvals.console.contract.CreateApprovalRequest("Made", null, null, null, null, null),
                        null);
        assertThat(a.id()).isEqualTo("77");
        assertThat(a.statusText()).isEqualTo("InProgress");
    }

    @Test
    void aLocationOnAnotherOriginIsNotFollowedWithTheKey() throws Exception {
        try (StubServer elsewhere = StubServer.http()) {
            elsewhere.on("/x/5", (ex, s) -> json(ex, 200, "{\"id\": \"5\"}"));
            server.on(CREATE, (ex, s) -> {
                ex.getResponseHeaders().add("Location", elsewhere.uri() + "/x/5");
                StubServer.send(ex, 201, "text/plain", "");
            });
            Approval a = client(null)
                    .createApproval(
                            new io.approvals.console.contract.CreateApprovalRequest("T", null, null, null, null, null),
                            null);
            assertThat(a.id()).isEqualTo("5");
            assertThat(elsewhere.requests()).isEmpty();
        }
    }

    @Test
    void validationProblemDetailsKeepEveryFieldAndTheTraceId() {
        server.on(UPDATE, (ex, s) -> {
            ex.getResponseHeaders().add("Content-Type", "application/problem+json");
            StubServer.send(ex, 400, "application/problem+json", """
                    {"type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                     "title": "One or more validation errors occurred.", "status": 400,
                     "errors": {"Comment": ["The Comment field is required.", "Too short."], "ApprovalId": ["Bad"]},
                     "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"}""");
        });
        assertThatThrownBy(() ->
                        client(null).updateStatus(new UpdateStatusRequest("1", ApprovalStatus.REJECTED, null, null)))
                .isInstanceOfSatisfying(ApiException.Validation.class, v -> {
                    assertThat(v.errors())
                            .containsEntry("Comment", List.of("The Comment field is required.", "Too short."));
                    assertThat(v.traceId()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
                    assertThat(v.details())
                            .anyMatch(l -> l.startsWith("Trace id: 00-4bf92f"))
                            .anyMatch(l -> l.startsWith("Field Comment:"));
                });
    }

    @Test
    void anEmpty401SaysTheKeyWasRefusedAndSuggestsTheHeaderNameWhenItWasAGuess() {
        server.on(LIST, (ex, s) -> StubServer.send(ex, 401, "text/plain", ""));
        assertThatThrownBy(() -> client(null).listNotComplete(null, 1, null))
                .isInstanceOf(ApiException.Unauthorized.class)
                .hasMessageContaining("refused the key")
                .hasMessageContaining("header 'X-API-Key'")
                .hasMessageContaining("check the header name");
        Dialect learnt = Dialect.CONTRACT.withSource("openapi", "openapi");
        assertThatThrownBy(() -> client(learnt).listNotComplete(null, 1, null))
                .isInstanceOf(ApiException.Unauthorized.class)
                .hasMessageNotContaining("header name");
    }

    @Test
    void aDialectRenamesFieldsAndSpellsStatusesTheServersWay() throws Exception {
        server.on(UPDATE, (ex, s) -> json(ex, 200, "{\"approvalId\": \"a\", \"decision\": \"APPROVED\"}"));
        Dialect d = new Dialect(
                "test",
                "openapi",
                Map.of("id", "approvalId", "status", "decision", "expectedVersion", "version"),
                Map.of("Approved", "APPROVED", "Rejected", "REJECTED"),
                null,
                null,
                null);
        Approval a = client(d).updateStatus(new UpdateStatusRequest("a", ApprovalStatus.APPROVED, null, 3L));
        assertThat(new ObjectMapper().readTree(server.requests().get(0).body()).toString())
                .isEqualTo("{\"approvalId\":\"a\",\"decision\":\"APPROVED\",\"version\":3}");
        assertThat(a.status()).isEqualTo(ApprovalStatus.APPROVED);
    }
}
