package io.approvals.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.Page;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ResponseDecoder on bodies made byte by byte: UTF-8 checked over the whole body (not only the first
 * buffer of 4,096 characters), every error status's typed failure, field errors sent as arrays, the
 * Retry-After bounds, and each way a page can be unreadable.
 */
class ResponseDecoderTest {
    private static final ResponseDecoder DECODER = ResponseDecoder.SHARED;
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** prefix, then raw bytes, then suffix. */
    private static byte[] withBytes(String prefix, byte[] raw, String suffix) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(prefix));
        out.writeBytes(raw);
        out.writeBytes(utf8(suffix));
        return out.toByteArray();
    }

    private static HttpHeaders header(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (a, b) -> true);
    }

    private static String page(String title) {
        return "{\"items\":[{\"id\":\"a1\",\"title\":\"" + title + "\",\"status\":\"Pending\",\"version\":1}],"
                + "\"nextCursor\":null}";
    }

    // a UTF-16 surrogate encoded as three bytes: not UTF-8, though a lenient reader takes it as a character
    private static final byte[] SURROGATE = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};

    @Test
    void brokenUtf8IsRefusedWhereverItIsInTheBody() {
        for (int at : new int[] {0, 10, 4_090, 4_096, 5_000, 20_000}) {
            String head = "{\"items\":[{\"id\":\"a1\",\"title\":\"" + "t".repeat(at);
            byte[] body = withBytes(head, SURROGATE, "\",\"status\":\"Pending\",\"version\":1}]}");
            assertThatThrownBy(() -> DECODER.page(body, Approval.class, 200, "r1"))
                    .as("at %d", at)
                    .isInstanceOf(ApiException.Server.class)
                    .hasMessageContaining("(not valid UTF-8)");
            assertThat(DECODER.plainApprovals(body)).as("at %d", at).isNull();
            byte[] object = withBytes("{\"name\":\"" + "n".repeat(at), SURROGATE, "\"}");
            assertThatThrownBy(() -> DECODER.object(object, KeyMetadata.class, 200, "r1"))
                    .as("at %d", at)
                    .isInstanceOf(ApiException.Server.class)
                    .hasMessageContaining("(not valid UTF-8)");
        }
        byte[] truncated = withBytes(page("x"), new byte[] {(byte) 0xC3}, "");
        assertThatThrownBy(() -> DECODER.pageTree(truncated, 200, null)).hasMessageContaining("(not valid UTF-8)");
    }

    @Test
    void longValidUtf8WithCharactersAcrossTheBufferEdgesIsRead() {
        // two-, three- and four-byte characters (a surrogate pair in Java) falling on every buffer edge
        String title = "\u00e9\u20ac\ud83d\ude00".repeat(3_000);
        Page<Approval> p = DECODER.page(utf8(page(title)), Approval.class, 200, null);
        assertThat(p.items()).singleElement().extracting(Approval::title).isEqualTo(title);
        Page<Approval> bound = DECODER.boundPage(utf8(page(title)), Approval.class, 200, null);
        assertThat(bound.items().get(0).title()).isEqualTo(title);
    }

    @Test
    void fieldErrorsSentAsArraysKeepEveryMessage() {
        byte[] body = utf8("""
                {"title":"Validation failed","detail":"Check the fields.","errors":{
                  "title":["is required","is too long"],"dueAt":"is in the past","Priority":[]}}""");
        ApiException e = DECODER.error(400, NO_HEADERS, body, "r1");
        assertThat(e).isInstanceOf(ApiException.Validation.class).hasMessage("Check the fields.");
        assertThat(((ApiException.Validation) e).errors())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "title", List.of("is required", "is too long"),
                        "dueAt", List.of("is in the past"),
                        "Priority", List.of()));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.requestId()).isEqualTo("r1");
    }

    @Test
    void atMostFiftyFieldsAreKept() {
        assertThat(fieldErrors(50)).hasSize(50);
        assertThat(fieldErrors(51)).hasSize(50);
        assertThat(fieldErrors(1)).containsOnlyKeys("f0");
    }

    private static Map<String, List<String>> fieldErrors(int fields) {
        StringBuilder sb = new StringBuilder("{\"errors\":{");
        for (int i = 0; i < fields; i++) {
            sb.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":[\"bad\"]");
        }
        ApiException e = DECODER.error(400, NO_HEADERS, utf8(sb.append("}}").toString()), null);
        return ((ApiException.Validation) e).errors();
    }

    @Test
    void errorsThatAreNotAnObjectGiveNoFieldErrors() {
        ApiException e = DECODER.error(400, NO_HEADERS, utf8("{\"detail\":\"d\",\"errors\":[\"x\"]}"), null);
        assertThat(((ApiException.Validation) e).errors()).isEmpty();
        ApiException none = DECODER.error(400, NO_HEADERS, utf8("{\"detail\":\"d\"}"), null);
        assertThat(((ApiException.Validation) none).errors()).isEmpty();
    }

    @Test
    void everyErrorStatusHasItsTypedFailure() {
        byte[] problem = utf8("{\"title\":\"T\",\"detail\":\"D\",\"requiredScope\":\"admin\",\"traceId\":\"trace-9\","
                + "\"current\":{\"id\":\"a1\",\"title\":\"One\",\"status\":\"Approved\",\"version\":4}}");
        assertThat(DECODER.error(401, NO_HEADERS, problem, null)).isInstanceOf(ApiException.Unauthorized.class);
        ApiException forbidden = DECODER.error(403, NO_HEADERS, problem, null);
        assertThat(((ApiException.Forbidden) forbidden).requiredScope()).isEqualTo("admin");
        assertThat(DECODER.error(404, NO_HEADERS, problem, null)).isInstanceOf(ApiException.NotFound.class);
        ApiException conflict = DECODER.error(409, NO_HEADERS, problem, null);
        assertThat(((ApiException.Conflict) conflict).current().version()).isEqualTo(4);
        ApiException limited = DECODER.error(429, header("Retry-After", "7"), problem, null);
        assertThat(((ApiException.RateLimited) limited).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        ApiException server = DECODER.error(503, NO_HEADERS, problem, null);
        assertThat(server).isInstanceOf(ApiException.Server.class).hasMessageContaining("HTTP 503): D.");
        // the trace id stands in for a missing request id, never over one
        assertThat(server.requestId()).isEqualTo("trace-9");
        assertThat(DECODER.error(503, NO_HEADERS, problem, "req-1").requestId()).isEqualTo("req-1");
    }

    @Test
    void aConflictWithoutAReadableCurrentHasNone() {
        for (String body : new String[] {"{}", "{\"current\":\"a1\"}", "{\"current\":{\"version\":\"x\"}}"}) {
            ApiException e = DECODER.error(409, NO_HEADERS, utf8(body), null);
            assertThat(((ApiException.Conflict) e).current()).as(body).isNull();
        }
    }

    @Test
    void validationStatusesSayWhatToDo() {
        byte[] problem = utf8("{\"title\":\"Unsupported\",\"detail\":\"send JSON\"}");
        assertThat(DECODER.error(413, NO_HEADERS, problem, null))
                .isInstanceOf(ApiException.Validation.class)
                .hasMessage("The request is too large for the server (over its size limit). Shorten the text.");
        assertThat(DECODER.error(415, NO_HEADERS, problem, null))
                .hasMessage("The server did not accept the request's format: send JSON");
        assertThat(DECODER.error(415, NO_HEADERS, null, null))
                .hasMessage("The server did not accept the request's format.");
        assertThat(DECODER.error(422, NO_HEADERS, problem, null))
                .hasMessage("This request repeats an earlier one with different content. Start a new request.");
        assertThat(DECODER.error(400, NO_HEADERS, utf8("{\"title\":\"Only a title\"}"), null))
                .as("the title when there is no detail")
                .hasMessage("Only a title");
        assertThat(DECODER.error(400, NO_HEADERS, utf8("{\"title\":{\"x\":1},\"detail\":null}"), null))
                .hasMessage("The server refused the input. Check the fields and try again.");
    }

    @Test
    void aValidationSentenceIsShownWholeAndAFloodIsStillCut() {
        String sentence = "Some fields are not valid: comment (must be 0 to 4000 characters long (is 4001))";
        assertThat(DECODER.error(400, NO_HEADERS, utf8("{\"detail\":\"" + sentence + "\"}"), null))
                .hasMessage(sentence);
        ApiException flood = DECODER.error(400, NO_HEADERS, utf8("{\"detail\":\"" + "x".repeat(100_000) + "\"}"), null);
        assertThat(flood.getMessage()).hasSize(300).endsWith("...");
        ApiException plain = DECODER.error(502, NO_HEADERS, utf8("y".repeat(100_000)), null);
        assertThat(plain.getMessage()).hasSizeLessThan(500);
    }

    @Test
    void aPlainTextErrorBodyBecomesTheDetail() {
        ApiException e = DECODER.error(502, NO_HEADERS, utf8("  Bad gateway from the proxy\n"), null);
        assertThat(e).hasMessageContaining("HTTP 502): Bad gateway from the proxy. Try again");
        ApiException empty = DECODER.error(500, NO_HEADERS, new byte[0], null);
        assertThat(empty).hasMessageStartingWith("The server failed (HTTP 500). Try again");
    }

    @Test
    void retryAfterIsBoundedOnBothSides() {
        assertThat(ResponseDecoder.retryAfter(NO_HEADERS)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ResponseDecoder.retryAfter(header("Retry-After", "  "))).isEqualTo(Duration.ofSeconds(30));
        assertThat(ResponseDecoder.retryAfter(header("Retry-After", "soon"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(ResponseDecoder.retryAfter(header("Retry-After", " 120 "))).isEqualTo(Duration.ofSeconds(120));
        assertThat(ResponseDecoder.retryAfter(header("Retry-After", "0"))).isEqualTo(Duration.ZERO);
        assertThat(ResponseDecoder.retryAfter(header("Retry-After", "-5"))).isEqualTo(Duration.ZERO);
        assertThat(ResponseDecoder.retryAfter(header("Retry-After", "86400"))).isEqualTo(Duration.ofDays(1));
        assertThat(ResponseDecoder.retryAfter(header("Retry-After", "86401"))).isEqualTo(Duration.ofDays(1));
        String past =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().minusHours(1));
        assertThat(ResponseDecoder.retryAfter(header("Retry-After", past))).isEqualTo(Duration.ZERO);
        String future =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusHours(1));
        assertThat(ResponseDecoder.retryAfter(header("Retry-After", future)))
                .isBetween(Duration.ofMinutes(58), Duration.ofMinutes(60));
    }

    @Test
    void eachUnreadablePageSaysWhy() {
        assertUnreadable(utf8("\"just a string\""), "expected a list");
        assertUnreadable(utf8("{\"items\":{\"id\":\"a1\"}}"), "items is not a list");
        assertUnreadable(utf8("{\"items\":[],\"nextCursor\":{\"c\":1}}"), "nextCursor is not a string");
        assertUnreadable(new byte[0], "expected a list");
    }

    @Test
    void listItemsThatAreNotObjectsAreSkippedAndCountedNotFatal() {
        Page<Approval> page = DECODER.boundPage(utf8("[1, 2]"), Approval.class, 200, "r7");
        assertThat(page.items()).isEmpty();
        assertThat(page.skipped()).isEqualTo(2);
    }

    @Test
    void serverTextIsMadeSafeWhileDescriptionsAndCommentsKeepTheirLinesAndTheCursorGoesBackAsItCame() {
        String body = "{\"items\":[{\"id\":\"a1\",\"title\":\"Pay\\nnow\\u001b[2J\","
                + "\"description\":\"line one\\nline two\\tend\\u001b]0;x\\u0007\","
                + "\"Comment\":\"ok\\r\\nfine\",\"status\":\"Pending\",\"version\":1}],"
                + "\"nextCursor\":\"c\\u0001d\"}";
        Page<Approval> page = DECODER.boundPage(utf8(body), Approval.class, 200, null);
        Approval a = page.items().get(0);
        assertThat(a.title()).isEqualTo("Pay now[2J");
        assertThat(a.description()).isEqualTo("line one\nline two\tend]0;x");
        assertThat(a.comment()).isEqualTo("ok\nfine");
        assertThat(page.nextCursor()).isEqualTo("c\u0001d");
        Page<Approval> clean = DECODER.boundPage(
                utf8("{\"items\":[{\"id\":\"a2\",\"description\":\"two\\nlines\"}]}"), Approval.class, 200, null);
        assertThat(clean.items().get(0).description()).isEqualTo("two\nlines");
    }

    private static void assertUnreadable(byte[] body, String why) {
        assertThatThrownBy(() -> DECODER.boundPage(body, Approval.class, 200, "r7"))
                .isInstanceOf(ApiException.Server.class)
                .hasMessageContaining("the answer could not be read (" + why + ")")
                .hasMessageContaining("(request r7)");
    }

    @Test
    void pagesInEveryToleratedForm() {
        Page<Approval> bare =
                DECODER.boundPage(utf8("[{\"id\":\"a1\",\"status\":\"Pending\"}]"), Approval.class, 200, null);
        assertThat(bare.items()).hasSize(1);
        assertThat(bare.nextCursor()).isNull();
        Page<Approval> pascal =
                DECODER.boundPage(utf8("{\"ITEMS\":[],\"NextCursor\":\"c2\"}"), Approval.class, 200, null);
        assertThat(pascal.items()).isEmpty();
        assertThat(pascal.nextCursor()).isEqualTo("c2");
        assertThat(DECODER.boundPage(utf8("{\"items\":null,\"nextCursor\":\"\"}"), Approval.class, 200, null))
                .satisfies(p -> {
                    assertThat(p.items()).isEmpty();
                    assertThat(p.nextCursor())
                            .as("an empty cursor is the last page")
                            .isNull();
                });
        assertThat(DECODER.boundPage(utf8("{\"nextCursor\":7}"), Approval.class, 200, null)
                        .nextCursor())
                .isEqualTo("7");
        // the exact name wins over another spelling
        assertThat(DECODER.boundPage(utf8("{\"NEXTCURSOR\":\"no\",\"nextCursor\":\"yes\"}"), Approval.class, 200, null)
                        .nextCursor())
                .isEqualTo("yes");
    }

    @Test
    void anObjectIsRequiredWhereOneIsExpected() {
        for (String body : new String[] {"[]", "null", "3", ""}) {
            assertThatThrownBy(() -> DECODER.object(utf8(body), KeyMetadata.class, 200, null))
                    .as(body)
                    .isInstanceOf(ApiException.Server.class)
                    .hasMessageContaining("the answer could not be read (expected a JSON object)");
        }
        // a parser failure is named in words (e.g. "json eof"), never left blank
        assertThatThrownBy(() -> DECODER.object(utf8("{\"id\":"), KeyMetadata.class, 200, null))
                .isInstanceOf(ApiException.Server.class)
                .hasMessageMatching("(?s).*the answer could not be read \\([a-z]+( [a-z]+)*\\).*");
        assertThat(DECODER.object(utf8("{\"Id\":\"k1\",\"Name\":\"laptop\"}"), KeyMetadata.class, 200, null)
                        .id())
                .isEqualTo("k1");
    }

    @Test
    void nestingTooDeepIsUnreadableNotACrash() {
        byte[] deep = utf8("[".repeat(100_000) + "]".repeat(100_000));
        assertThatThrownBy(() -> DECODER.boundPage(deep, Approval.class, 200, null))
                .isInstanceOf(ApiException.Server.class)
                .hasMessageContaining("the answer could not be read (");
        assertThat(DECODER.plainApprovals(null)).isNull();
        assertThat(DECODER.plainApprovals(new byte[0])).isNull();
    }
}
