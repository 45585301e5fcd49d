package io.approvals.console.client;

import static io.approvals.console.testing.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.contract.Approval;
import io.approvals.console.testing.Canary;
import io.approvals.console.testing.StubServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fetching every page, when a page names its cursor first (as the sandbox writes them): the next page is asked for
 * from the page's first tokens, and the page's own reading still decides where the list goes on.
 */
class ClientPagesAheadTest {
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

    /** Answers each cursor (absent: the first page) with its page. */
    private void pages(Map<String, String> byCursor) {
        server.on(LIST, (ex, seen) -> json(ex, 200, byCursor.get(cursorOf(seen.pathAndQuery()))));
    }

    private static String cursorOf(String pathAndQuery) {
        for (String part : pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).split("&")) {
            if (part.startsWith("cursor=")) {
                return URLDecoder.decode(part.substring("cursor=".length()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private List<String> cursorsAskedFor() {
        return server.requests().stream()
                .map(seen -> cursorOf(seen.pathAndQuery()))
                .toList();
    }

    private static String item(String id) {
        return "{\"id\":\"" + id + "\",\"title\":\"T " + id + "\",\"status\":\"Pending\",\"version\":1}";
    }

    @Test
    void pagesThatNameTheirCursorFirstAreFetchedWholeInOrderEachOnce() {
        pages(Map.of(
                "", "{\"nextCursor\":\"c2\",\"items\":[" + item("a") + "," + item("b") + "]}",
                "c2", "{\"nextCursor\":\"c3\",\"items\":[" + item("c") + "]}",
                "c3", "{\"nextCursor\":null,\"items\":[" + item("d") + "]}"));

        var all = client.fetchAllNotComplete(null, null);

        assertThat(all.items()).extracting(Approval::id).containsExactly("a", "b", "c", "d");
        assertThat(cursorsAskedFor()).containsExactly("", "c2", "c3");
    }

    @Test
    void theFirstTokensNameTheNextPageOnlyWhenTheCursorComesFirst() {
        assertThat(leading("{\"nextCursor\":\"c2\",\"items\":[" + item("a") + "]}"))
                .isEqualTo("c2");
        // the items need not be readable yet: the next page goes out before they are read
        assertThat(leading("{\"nextCursor\":\"c2\",\"items\":[{\"id\":")).isEqualTo("c2");
        assertThat(leading("{\"items\":[],\"nextCursor\":\"c2\"}")).isNull();
        assertThat(leading("{\"nextCursor\":null,\"items\":[]}")).isNull();
        assertThat(leading("{\"nextCursor\":\"\",\"items\":[]}")).isNull();
        assertThat(leading("{\"NextCursor\":\"c2\",\"items\":[]}")).isNull();
        assertThat(leading("{\"nextCursor\":2,\"items\":[]}")).isNull();
        assertThat(leading("[" + item("a") + "]")).isNull();
        assertThat(leading("")).isNull();
        assertThat(leading("{\"nextCursor")).isNull();
    }

    private static String leading(String body) {
        return PlainApprovalPage.leadingCursor(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whenThePagesReadingNamesAnotherCursorThanItsFirstTokensTheReadingWins() {
        // The name twice: the plain reader steps aside and the tolerant mapper reads the later one.
        pages(Map.of(
                "", "{\"nextCursor\":\"decoy\",\"items\":[" + item("a") + "],\"nextCursor\":\"c2\"}",
                "decoy", "{\"nextCursor\":null,\"items\":[" + item("z") + "]}",
                "c2", "{\"nextCursor\":null,\"items\":[" + item("b") + "]}"));

        var all = client.fetchAllNotComplete(null, null);

        assertThat(all.items()).extracting(Approval::id).containsExactly("a", "b");
        assertThat(cursorsAskedFor()).contains("c2");
    }

    @Test
    void aPageThatNamesItselfAsNextIsStillCaughtRepeating() {
        pages(Map.of(
                "", "{\"nextCursor\":\"c2\",\"items\":[" + item("a") + "]}",
                "c2", "{\"nextCursor\":\"c2\",\"items\":[" + item("b") + "]}"));

        assertThatThrownBy(() -> client.fetchAllNotComplete(null, null))
                .isInstanceOf(ApiException.Server.class)
                .hasMessageContaining("repeats itself");
        assertThat(cursorsAskedFor()).containsExactly("", "c2");
    }
}
