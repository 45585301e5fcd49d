package io.approvals.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.testing.Canary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** A server that misbehaves below HTTP: resets, truncated bodies, dying mid-answer. */
class ClientFaultTest {

    /** A raw socket server; the script decides, per connection number, what bytes to send. */
    private static final class RawServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();
        final Thread thread;

        RawServer(IntFunction<byte[]> script) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(
                    () -> {
                        while (!socket.isClosed()) {
                            try (Socket s = socket.accept()) {
                                int n = connections.incrementAndGet();
                                readRequestHead(s.getInputStream());
                                byte[] answer = script.apply(n);
                                if (answer == null) {
                                    s.setSoLinger(true, 0); // reset
                                    continue;
                                }
                                OutputStream out = s.getOutputStream();
                                out.write(answer);
                                out.flush();
                            } catch (IOException e) {
                                // closed
                            }
                        }
                    },
                    "raw-server");
            thread.setDaemon(true);
            thread.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        private static void readRequestHead(InputStream in) throws IOException {
            int matched = 0;
            int b;
            while (matched < 4 && (b = in.read()) >= 0) {
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            int available = in.available();
            if (available > 0) {
                in.readNBytes(available);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static byte[] http(String status, String body, int declaredLength) {
        return ("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + declaredLength
                        + "\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ApprovalsClient client(URI uri, int attempts) {
        return ApprovalsClient.builder(uri, Canary.key())
                .retryPolicy(
                        new RetryPolicy(attempts, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(1)))
                .requestTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void aResetConnectionIsANetworkFailureAndAReadIsRetried() throws Exception {
        try (RawServer server = new RawServer(n -> n <= 2 ? null : http("200 OK", "[]", 2))) {
            assertThat(client(server.uri(), 3).listNotComplete(null, 1, null).items())
                    .isEmpty();
            assertThat(server.connections).hasValue(3);
        }
        try (RawServer server = new RawServer(n -> null)) {
            assertThatThrownBy(() -> client(server.uri(), 1).listNotComplete(null, 1, null))
                    .isInstanceOf(ApiException.Network.class)
                    .hasMessageNotContaining(Canary.MARK);
        }
    }

    private static byte[] http(String status, String body) {
        return http(status, body, body.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aPageSentAheadThatFailsFailsTheFetchWithItsOwnErrorAndNothingIsAskedTwice() throws Exception {
        String first = "{\"items\":[{\"id\":\"a\",\"title\":\"T\",\"status\":\"Pending\",\"version\":1}],"
                + "\"nextCursor\":\"c2\"}";
        try (RawServer server = new RawServer(n -> n == 1
                ? http("200 OK", first)
                : http("401 Unauthorized", "{\"title\":\"Unauthorized\",\"status\":401}"))) {
            assertThatThrownBy(() -> client(server.uri(), 1).fetchAllNotComplete(null, null))
                    .isInstanceOf(ApiException.Unauthorized.class);
            assertThat(server.connections).hasValue(2);
        }
    }

    @Test
    void anItemThatIsNotAnApprovalIsSkippedAndCountedWhileTheNextPageIsInFlight() throws Exception {
        String broken = "{\"items\":[42],\"nextCursor\":\"c2\"}";
        String last = "{\"items\":[],\"nextCursor\":null}";
        try (RawServer server = new RawServer(n -> n == 1 ? http("200 OK", broken) : http("200 OK", last))) {
            PendingSnapshot s = client(server.uri(), 1).fetchAllNotComplete(null, null);
            assertThat(s.items()).isEmpty();
            assertThat(s.skipped()).isEqualTo(1);
            assertThat(s.readingNote()).contains("1 item skipped (no id)");
        }
    }

    @Test
    void aTruncatedBodyIsANetworkFailure() throws Exception {
        try (RawServer server = new RawServer(n -> http("200 OK", "{\"items\":[{\"id\":\"a\"", 500))) {
            assertThatThrownBy(() -> client(server.uri(), 1).listNotComplete(null, 1, null))
                    .isInstanceOf(ApiException.class);
        }
    }

    @Test
    void aServerDyingMidAnswerToACreateIsRetriedWithTheSameIdempotencyKey() throws Exception {
        String approval = "{\"id\":\"apr_1\",\"title\":\"T\",\"status\":\"Pending\",\"version\":1}";
        try (RawServer server = new RawServer(n ->
                n == 1 ? http("201 Created", "{\"id\":", 200) : http("201 Created", approval, approval.length()))) {
            var created = client(server.uri(), 3)
                    .createApproval(new CreateApprovalRequest("T", null, null, null, null, null), "same-key");
            assertThat(created.id()).isEqualTo("apr_1");
        }
    }

    @Test
    void garbageInsteadOfHttpIsAFailureNotAHang() throws Exception {
        try (RawServer server = new RawServer(n -> "SSH-2.0-OpenSSH\r\n\r\n".getBytes(StandardCharsets.US_ASCII))) {
            assertThatThrownBy(() -> client(server.uri(), 1).listNotComplete(null, 1, null))
                    .isInstanceOf(ApiException.Network.class);
        }
    }
}
