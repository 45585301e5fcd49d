package io.approvals.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import io.approvals.console.testing.Canary;
import io.approvals.console.testing.StubServer;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body that trickles in is bounded by the whole answer's limit, not only its headers: the API call ends and says
 * how long it really waited, and the OpenAPI discovery gives up on that document. The bound asserted in the default
 * suite is generous (the trickle would last 1,000 s); the tight one is asserted under -Pslow only.
 */
class WholeAnswerDeadlineTest {
    private static final boolean TIMING_ASSERTED = Boolean.getBoolean("reliability.full");
    private StubServer server;

    @BeforeEach
    void start() throws IOException {
        server = StubServer.http();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aTricklingBodyEndsTheCallAtItsLimitAndTheMessageSaysHowLongWasWaited() {
        server.on("/approvals/GetApprovalNotComplete", (ex, s) -> trickle(ex));
        ApprovalsClient client = ApprovalsClient.builder(server.uri(), Canary.key())
                .requestTimeout(Duration.ofSeconds(2))
                .retryPolicy(RetryPolicy.DEFAULT)
                .build();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client.fetchAllNotComplete(null, null))
                .isInstanceOf(ApiException.Network.class)
                .hasMessageContaining("did not answer completely within 2 s")
                .hasMessageContaining("waited 2.")
                .hasMessageNotContaining("attempts");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).as("ends long before the trickle would").isLessThan(60_000);
        if (TIMING_ASSERTED) {
            assertThat(ms).as("ends at its limit").isLessThan(3_000);
        }
        assertThat(server.requests())
                .as("a server that let the limit pass is not asked again")
                .hasSize(1);
    }

    @Test
    void theOpenApiDiscoveryGivesUpOnADocumentThatTricklesIn() {
        server.on("/swagger/v1/swagger.json", (ex, s) -> trickle(ex));
        long t0 = System.nanoTime();
        OpenApiDiscovery.Found found = OpenApiDiscovery.discover(server.uri(), null, null);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(found.result()).isEmpty();
        assertThat(found.tried()).hasSize(OpenApiDiscovery.USUAL_PLACES.size());
        assertThat(ms).as("ends long before the trickle would").isLessThan(60_000);
        if (TIMING_ASSERTED) {
            assertThat(ms)
                    .as("one document's limit, plus quick 404s")
                    .isLessThan(OpenApiDiscovery.WHOLE_ANSWER.toMillis() + 2_000);
        }
    }

    /** Headers at once, then a 1,000-byte body at one byte a second. */
    private static void trickle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 1000);
        try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 1000; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(1000);
            }
        } catch (IOException gone) {
            // the client gave up: as it should
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
