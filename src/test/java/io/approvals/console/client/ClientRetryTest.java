package io.approvals.console.client;

import static io.approvals.console.testing.StubServer.json;
import static io.approvals.console.testing.StubServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.testing.Canary;
import io.approvals.console.testing.StubServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientRetryTest {
    private static final String APPROVAL = "{\"id\":\"apr_1\",\"title\":\"T\",\"status\":\"Pending\",\"version\":1}";
    private StubServer server;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = StubServer.http();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApprovalsClient client() {
        return ApprovalsClient.builder(server.uri(), Canary.random())
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(10)))
                .sleeper(waits::add)
                .build();
    }

    @Test
    void aReadThatFailsTwiceThenAnswersSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/approvals/GetApprovalNotComplete", (ex, s) -> {
            if (calls.incrementAndGet() <= 2) {
                send(ex, calls.get() == 1 ? 503 : 502, "text/plain", "busy");
            } else {
                json(ex, 200, "[]");
            }
        });
        assertThat(client().listNotComplete(null, 10, null).items()).isEmpty();
        assertThat(calls).hasValue(3);
        assertThat(waits).hasSize(2).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void a429WithAShortRetryAfterIsWaitedForAndALongOneIsHandedBack() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/approvals/GetApprovalNotComplete", (ex, s) -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "2");
                send(ex, 429, "application/problem+json", "{\"status\":429,\"title\":\"Too many\"}");
            } else {
                json(ex, 200, "[]");
            }
        });
        client().listNotComplete(null, 10, null);
        assertThat(waits).containsExactly(Duration.ofSeconds(2));

        server.on("/approvals/GetApprovalNotComplete", (ex, s) -> {
            ex.getResponseHeaders().set("Retry-After", "120");
            send(ex, 429, "application/problem+json", "{\"status\":429}");
        });
        assertThatThrownBy(() -> client().listNotComplete(null, 10, null))
                .isInstanceOfSatisfying(ApiException.RateLimited.class, r -> assertThat(r.retryAfter())
                        .isEqualTo(Duration.ofSeconds(120)))
                .hasMessageContaining("120 s");
    }

    @Test
    void aCreateIsRetriedWithTheSameIdempotencyKey() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/approvals/CreateApproval", (ex, s) -> {
            if (calls.incrementAndGet() <= 2) {
                send(ex, 503, "text/plain", "restarting");
            } else {
                json(ex, 201, APPROVAL);
            }
        });
        client().createApproval(new CreateApprovalRequest("T", null, null, null, null, null), "idem-123");
        assertThat(server.requests()).hasSize(3).allSatisfy(r -> assertThat(r.header("Idempotency-Key"))
                .isEqualTo("idem-123"));
    }

    @Test
    void aCreateWithoutAGivenKeyStillUsesOneKeyForAllItsAttempts() {
        AtomicInteger calls = new AtomicInteger();
        server.on("/approvals/CreateApproval", (ex, s) -> {
            if (calls.incrementAndGet() == 1) {
                send(ex, 502, null, "");
            } else {
                json(ex, 201, APPROVAL);
            }
        });
        client().createApproval(new CreateApprovalRequest("T", null, null, null, null, null), null);
        assertThat(server.requests())
                .extracting(r -> r.header("Idempotency-Key"))
                .doesNotContainNull()
                .containsOnly(server.requests().get(0).header("Idempotency-Key"));
    }

    @Test
    void aDecisionIsNeverRetried() {
        server.on("/approvals/UpdateApprovalStatus", (ex, s) -> send(ex, 503, "text/plain", "busy"));
        assertThatThrownBy(() ->
                        client().updateStatus(new UpdateStatusRequest("apr_1", ApprovalStatus.APPROVED, null, 1L)))
                .isInstanceOf(ApiException.Server.class);
        assertThat(server.requests()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void connectionRefusedBecomesANetworkFailureAfterRetries() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ApprovalsClient c = ApprovalsClient.builder(URI.create("http://127.0.0.1:" + port), Canary.key())
                .sleeper(waits::add)
                .build();
        assertThatThrownBy(() -> c.listNotComplete(null, 1, null))
                .isInstanceOf(ApiException.Network.class)
                .hasMessageContaining("connection refused")
                .hasMessageNotContaining(Canary.MARK);
        assertThat(waits).hasSize(2);
    }

    @Test
    void aHangingServerTimesOut() {
        server.on("/approvals/GetApprovalNotComplete", (ex, s) -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ApprovalsClient c = ApprovalsClient.builder(server.uri(), Canary.key())
                .requestTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.NONE)
                .build();
        assertThatThrownBy(() -> c.listNotComplete(null, 1, null))
                .isInstanceOf(ApiException.Network.class)
                .hasMessageContaining("did not answer");
    }
}
