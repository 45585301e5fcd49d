package io.approvals.console.client;

import static io.approvals.console.testing.StubServer.json;
import static io.approvals.console.testing.StubServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Page;
import io.approvals.console.contract.Priority;
import io.approvals.console.testing.Canary;
import io.approvals.console.testing.StubServer;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract's Tolerance section: what real servers send differently. */
class ClientToleranceTest {
    private static final String LIST = "/approvals/GetApprovalNotComplete";
    private StubServer server;
    private ApprovalsClient client;

    @BeforeEach
    void start() throws Exception {
        server = StubServer.http();
        client = ApprovalsClient.builder(server.uri(), Canary.random())
                .retryPolicy(RetryPolicy.NONE)
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void acceptsABareArrayInsteadOfItems() {
        server.on(
                LIST,
                (ex, s) -> json(ex, 200, "[{\"id\":\"a1\",\"title\":\"One\",\"status\":\"Pending\",\"version\":1}]"));
        Page<Approval> page = client.listNotComplete(null, 10, null);
        assertThat(page.items()).extracting(Approval::id).containsExactly("a1");
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void acceptsPascalCaseNumericIdsAnyCaseStatusesAndUnknownProperties() {
        server.on(LIST, (ex, s) -> json(ex, 200, """
                {"Items": [{"Id": 42, "Title": "Laptop", "Requester": "dana@example.com", "Priority": "HIGH",
                            "Status": "pending", "DueAt": "2026-12-01T17:00:00Z", "Version": 3,
                            "SomethingNew": {"nested": [1, 2]}}],
                 "NextCursor": null, "Extra": true}"""));
        Approval a = client.listNotComplete(null, 10, null).items().get(0);
        assertThat(a.id()).isEqualTo("42");
        assertThat(a.title()).isEqualTo("Laptop");
        assertThat(a.priority()).isEqualTo(Priority.HIGH);
        assertThat(a.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(a.dueAt()).isEqualTo(Instant.parse("2026-12-01T17:00:00Z"));
        assertThat(a.version()).isEqualTo(3);
    }

    @Test
    void acceptsMissingOptionalFields() {
        server.on(LIST, (ex, s) -> json(ex, 200, "{\"items\":[{\"id\":\"x\",\"title\":\"Only a title\"}]}"));
        Approval a = client.listNotComplete(null, 10, null).items().get(0);
        assertThat(a.description()).isNull();
        assertThat(a.approver()).isNull();
        assertThat(a.isPending()).isTrue();
    }

    @Test
    void plainTextAndEmptyErrorBodiesBecomeTypedFailures() {
        server.on(LIST, (ex, s) -> send(ex, 500, "text/plain", "Internal kaboom"));
        assertThatThrownBy(() -> client.listNotComplete(null, 10, null))
                .isInstanceOf(ApiException.Server.class)
                .hasMessageContaining("Internal kaboom");
        server.on(LIST, (ex, s) -> send(ex, 403, null, ""));
        assertThatThrownBy(() -> client.listNotComplete(null, 10, null))
                .isInstanceOfSatisfying(ApiException.Forbidden.class, f -> assertThat(f.requiredScope())
                        .isNull());
        server.on(LIST, (ex, s) -> send(ex, 401, "text/html", "<html>nope</html>"));
        assertThatThrownBy(() -> client.listNotComplete(null, 10, null)).isInstanceOf(ApiException.Unauthorized.class);
    }

    @Test
    void keyVerificationFallsBackToAOneItemListWhereApikeysIsMissing() {
        server.on(LIST, (ex, s) -> json(ex, 200, "[]"));
        KeyVerification v = client.verifyKey();
        assertThat(v.keyEndpointsAvailable()).isFalse();
        assertThat(v.metadata()).isNull();
        assertThat(server.requests())
                .extracting(StubServer.Seen::pathAndQuery)
                .containsExactly("/apikeys/current", LIST + "?limit=1");
    }

    @Test
    void garbageBecomesAServerFailureNotAnotherException() {
        for (String garbage : new String[] {"{", "[1,2", "\"a string\"", "{\"items\": 5}", "[".repeat(5000)}) {
            server.on(LIST, (ex, s) -> json(ex, 200, garbage));
            assertThatThrownBy(() -> client.listNotComplete(null, 10, null))
                    .as(garbage.length() > 40 ? garbage.substring(0, 40) : garbage)
                    .isInstanceOf(ApiException.Server.class)
                    .hasMessageContaining("could not be read");
        }
    }

    @Test
    void invalidUtf8IsRefused() {
        server.on(
                LIST,
                (ex, s) -> StubServer.sendBytes(ex, 200, "application/json", new byte[] {
                    '[', '{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', ']'
                }));
        assertThatThrownBy(() -> client.listNotComplete(null, 10, null)).isInstanceOf(ApiException.Server.class);
    }

    @Test
    void sendsTheKeyInTheConfiguredHeaderOrAsBearer() {
        server.on(LIST, (ex, s) -> json(ex, 200, "[]"));
        var key = Canary.random();
        ApprovalsClient.builder(server.uri(), key)
                .auth(new AuthScheme.ApiKeyHeader("X-Custom-Key"))
                .build()
                .listNotComplete(null, 1, null);
        ApprovalsClient.builder(server.uri(), key)
                .auth(new AuthScheme.Bearer())
                .build()
                .listNotComplete(null, 1, null);
        assertThat(server.requests().get(0).header("X-Custom-Key")).isEqualTo(key.reveal());
        assertThat(server.requests().get(0).header("X-API-Key")).isNull();
        assertThat(server.requests().get(1).header("Authorization")).isEqualTo("Bearer " + key.reveal());
    }

    @Test
    void refusesPlainHttpToAnythingButLoopback() {
        var key = Canary.key();
        assertThatThrownBy(() -> ApprovalsClient.builder(java.net.URI.create("http://approvals.example.com"), key)
                        .build())
                .isInstanceOf(ApiException.InsecureUrl.class)
                .hasMessageContaining("clear text")
                .hasMessageNotContaining(Canary.MARK);
        ApprovalsClient.builder(java.net.URI.create("http://localhost:8080"), key)
                .build();
        ApprovalsClient.builder(java.net.URI.create("http://127.0.0.1:8080"), key)
                .build();
        ApprovalsClient.builder(java.net.URI.create("http://[::1]:8080"), key).build();
        ApprovalsClient.builder(java.net.URI.create("https://approvals.example.com"), key)
                .build();
    }
}
