package io.approvals.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.Dialect;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.Page;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ResponseDecoder's tolerant reading (issue 16), pinned for mutation testing (issue 23): every text of the tree is
 * cleaned, names included, however deep; a single approval wrapped by the server is found; the other frameworks'
 * names for a page's items and their page numbers become the next page; partly read items are counted.
 */
class ResponseDecoderToleranceTest {
    private static final ResponseDecoder DECODER = ResponseDecoder.SHARED;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode cleaned(String json) throws Exception {
        return ResponseDecoder.clean(JSON.readTree(json));
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    // ---- the tree cleaning ----

    @Test
    void everyTextInTheTreeBecomesOneSafeLineHoweverDeep() throws Exception {
        JsonNode tree = cleaned("""
                {"name":"lap\\u001b[2Jtop\\ttwo","scopes":["read\\r","wr\\u202eite"],
                 "owner":{"display":"Ann\\nLee","tags":[["x\\u0007y"]]},"count":3,"ok":true,"none":null}""");
        assertThat(tree.get("name").textValue()).isEqualTo("lap[2Jtop two");
        assertThat(tree.get("scopes")).extracting(JsonNode::textValue).containsExactly("read", "write");
        assertThat(tree.get("owner").get("display").textValue()).isEqualTo("Ann Lee");
        assertThat(tree.get("owner").get("tags").get(0).get(0).textValue()).isEqualTo("xy");
        // what is not text stays as it was
        assertThat(tree.get("count").intValue()).isEqualTo(3);
        assertThat(tree.get("ok").booleanValue()).isTrue();
        assertThat(tree.get("none").isNull()).isTrue();
        assertThat(names(tree)).containsExactly("name", "scopes", "owner", "count", "ok", "none");
    }

    @Test
    void aTextAtTheTopOrInATopLevelArrayIsCleanedToo() throws Exception {
        assertThat(cleaned("\"a\\u001bb\"").textValue()).isEqualTo("ab");
        assertThat(cleaned("[\"one\\u0000\",\"two\",\"th\\u009bree\"]"))
                .extracting(JsonNode::textValue)
                .containsExactly("one", "two", "three");
        assertThat(ResponseDecoder.clean(null)).isNull();
    }

    @Test
    void namesAreCleanedAndKeepTheirValueWhetherOrNotTheValueNeededCleaning() throws Exception {
        JsonNode tree = cleaned("""
                {"na\\u001bme":"plain","own\\u0000er":"b\\u0007ad","kept":"k"}""");
        assertThat(names(tree)).containsExactlyInAnyOrder("name", "owner", "kept");
        assertThat(tree.get("name").textValue()).isEqualTo("plain");
        assertThat(tree.get("owner").textValue()).isEqualTo("bad");
        assertThat(tree.get("kept").textValue()).isEqualTo("k");
    }

    @Test
    void descriptionsAndCommentsKeepNewlinesAndTabsInAnyCaseOfTheirName() throws Exception {
        JsonNode tree = cleaned("""
                {"Description":"a\\n\\tb\\r\\u001b","COMMENT":"c\\nd","nested":{"comment":"e\\tf\\u0007"},
                 "title":"g\\nh","nextCursor":"k\\u0001\\n"}""");
        assertThat(tree.get("Description").textValue()).isEqualTo("a\n\tb");
        assertThat(tree.get("COMMENT").textValue()).isEqualTo("c\nd");
        assertThat(tree.get("nested").get("comment").textValue()).isEqualTo("e\tf");
        assertThat(tree.get("title").textValue()).isEqualTo("g h");
        assertThat(tree.get("nextCursor").textValue())
                .as("a cursor goes back as it came")
                .isEqualTo("k\u0001\n");
    }

    @Test
    void keyMetadataAndProblemsFromTheServerAreCleanedWhenBound() {
        KeyMetadata key = DECODER.object(
                utf8("{\"id\":\"k\\u001b1\",\"Name\":\"lap\\ntop\",\"scopes\":[\"re\\u0007ad\"]}"),
                KeyMetadata.class,
                200,
                null);
        assertThat(key.id()).isEqualTo("k1");
        assertThat(key.name()).isEqualTo("lap top");
        assertThat(key.scopes()).containsExactly("read");
        ApiException e = DECODER.error(
                400,
                NO_HEADERS,
                utf8("{\"detail\":\"Bad\\u001b[31m input\",\"errors\":{\"ti\\u0007tle\":[\"too\\nlong\"]}}"),
                null);
        assertThat(e).hasMessage("Bad[31m input");
        assertThat(((ApiException.Validation) e).errors())
                .containsExactlyEntriesOf(Map.of("title", List.of("too long")));
    }

    @Test
    void aPageOfOtherItemsIsBoundAndAnItemThatIsNotAnObjectMakesItUnreadable() {
        Page<KeyMetadata> keys = DECODER.boundPage(
                utf8("{\"items\":[{\"id\":\"k1\"},{\"id\":\"k2\"}],\"nextCursor\":\"n\"}"),
                KeyMetadata.class,
                200,
                null);
        assertThat(keys.items()).extracting(KeyMetadata::id).containsExactly("k1", "k2");
        assertThat(keys.nextCursor()).isEqualTo("n");
        assertThatThrownBy(() -> DECODER.boundPage(utf8("[{\"id\":\"k1\"},\"k2\"]"), KeyMetadata.class, 200, "r3"))
                .isInstanceOf(ApiException.Server.class)
                .hasMessageContaining("the answer could not be read (a list item is not an object)");
    }

    // ---- one approval, as a create or a decision answers ----

    private static final String ITEM = "{\"id\":\"a1\",\"title\":\"Laptop\",\"status\":\"Pending\",\"version\":3}";

    @Test
    void oneApprovalIsReadAsSentOrUnwrappedFromEachWrapperServersUse() {
        assertThat(DECODER.approval(utf8(ITEM), null, 201, null)).satisfies(a -> {
            assertThat(a.id()).isEqualTo("a1");
            assertThat(a.title()).isEqualTo("Laptop");
            assertThat(a.version()).isEqualTo(3);
        });
        for (String wrapper : new String[] {"approval", "data", "value", "result", "Data"}) {
            Approval a = DECODER.approval(utf8("{\"" + wrapper + "\":" + ITEM + "}"), null, 200, null);
            assertThat(a.id()).as(wrapper).isEqualTo("a1");
            assertThat(a.title()).as(wrapper).isEqualTo("Laptop");
        }
        // the first wrapper that holds an object is the one read
        Approval skipped = DECODER.approval(utf8("{\"approval\":\"a9\",\"data\":" + ITEM + "}"), null, 200, null);
        assertThat(skipped.id()).isEqualTo("a1");
        // an approval with an id of its own is not unwrapped, even when it has a field named like a wrapper
        Approval own = DECODER.approval(utf8("{\"id\":\"top\",\"data\":" + ITEM + "}"), null, 200, null);
        assertThat(own.id()).isEqualTo("top");
        assertThat(DECODER.object(utf8("{\"result\":" + ITEM + "}"), Approval.class, 200, null)
                        .id())
                .isEqualTo("a1");
    }

    @Test
    void aDialectsNameForTheIdSaysTheApprovalIsNotWrapped() {
        Dialect d = new Dialect("manual", null, Map.of("id", "approvalId"), Map.of(), null, null, null);
        Approval a = DECODER.approval(utf8("{\"approvalId\":\"x7\",\"data\":" + ITEM + "}"), d, 200, null);
        assertThat(a.id()).isEqualTo("x7");
    }

    @Test
    void anEmptyAnswerIsNoApprovalButAnAnswerWithoutAnIdIsUnreadable() {
        assertThat(DECODER.approval(null, null, 200, null)).isNull();
        assertThat(DECODER.approval(new byte[0], null, 200, null)).isNull();
        assertThat(DECODER.approval(utf8(" \n "), null, 204, null)).isNull();
        assertThatThrownBy(() -> DECODER.object(utf8("  "), Approval.class, 200, "r5"))
                .isInstanceOf(ApiException.Server.class)
                .hasMessageContaining("the answer could not be read (empty answer)")
                .hasMessageContaining("r5");
        for (String body : new String[] {"{\"title\":\"no id\"}", "{\"data\":{\"title\":\"no id\"}}", "[]"}) {
            assertThatThrownBy(() -> DECODER.approval(utf8(body), null, 200, "r6"))
                    .as(body)
                    .isInstanceOf(ApiException.Server.class)
                    .hasMessageContaining("the answer could not be read (the approval has no id)");
        }
        assertThatThrownBy(() -> DECODER.approval(utf8("{\"id\":"), null, 200, null))
                .isInstanceOf(ApiException.Server.class)
                .hasMessageContaining("the answer could not be read (");
    }

    // ---- pages in other frameworks' forms ----

    @Test
    void eachOtherNameForThePagesItemsIsRead() {
        for (String name : new String[] {"content", "value", "data", "results", "approvals", "Results"}) {
            Page<Approval> p = DECODER.boundPage(utf8("{\"" + name + "\":[" + ITEM + "]}"), Approval.class, 200, null);
            assertThat(p.items()).as(name).extracting(Approval::id).containsExactly("a1");
            assertThat(p.nextCursor()).as(name).isNull();
        }
        // items wins over the other names
        Page<Approval> both =
                DECODER.boundPage(utf8("{\"data\":[],\"items\":[" + ITEM + "]}"), Approval.class, 200, null);
        assertThat(both.items()).hasSize(1);
    }

    private static String next(String json) {
        return DECODER.boundPage(utf8(json), Approval.class, 200, null).nextCursor();
    }

    @Test
    void aPageNumberedAnswerGivesTheNextPageUntilTheLast() {
        assertThat(next("{\"content\":[],\"number\":0,\"totalPages\":3}")).isEqualTo("#page:1");
        assertThat(next("{\"content\":[],\"number\":1,\"totalPages\":3,\"size\":20}"))
                .isEqualTo("#page:2:20");
        assertThat(next("{\"content\":[],\"number\":2,\"totalPages\":3}"))
                .as("the last page")
                .isNull();
        assertThat(next("{\"content\":[],\"number\":3,\"totalPages\":3}")).isNull();
        assertThat(next("{\"content\":[],\"number\":0,\"totalPages\":1}")).isNull();
        assertThat(next("{\"content\":[],\"number\":0,\"totalPages\":0}")).isNull();
        assertThat(next("{\"content\":[],\"number\":0}"))
                .as("no total, no last: one page")
                .isNull();
        assertThat(next("{\"content\":[],\"number\":0,\"totalPages\":\"many\"}"))
                .isNull();
        // "last" says it directly, and wins over the total
        assertThat(next("{\"content\":[],\"number\":4,\"last\":false}")).isEqualTo("#page:5");
        assertThat(next("{\"content\":[],\"number\":0,\"totalPages\":9,\"last\":true}"))
                .isNull();
        assertThat(next("{\"content\":[],\"number\":0,\"totalPages\":2,\"last\":\"no\"}"))
                .isEqualTo("#page:1");
        // a page number that is not a number, or negative, gives no next page
        assertThat(next("{\"content\":[],\"number\":\"x\",\"totalPages\":3}")).isNull();
        assertThat(next("{\"content\":[],\"number\":-1,\"totalPages\":3}")).isNull();
        assertThat(next("{\"content\":[],\"number\":-1,\"last\":false}")).isNull();
        // the size goes along only when it is a positive number
        assertThat(next("{\"content\":[],\"number\":0,\"totalPages\":3,\"size\":1}"))
                .isEqualTo("#page:1:1");
        assertThat(next("{\"content\":[],\"number\":0,\"totalPages\":3,\"size\":0}"))
                .isEqualTo("#page:1");
        assertThat(next("{\"content\":[],\"number\":0,\"totalPages\":3,\"size\":-5}"))
                .isEqualTo("#page:1");
        assertThat(next("{\"content\":[],\"number\":0,\"totalPages\":3,\"size\":\"big\"}"))
                .isEqualTo("#page:1");
        assertThat(next("{\"items\":[]}")).as("no page number, no cursor").isNull();
    }

    @Test
    void springsPagedModelKeepsItsPageNumbersInAPageObject() {
        assertThat(next("{\"content\":[],\"page\":{\"number\":0,\"totalPages\":2,\"size\":10}}"))
                .isEqualTo("#page:1:10");
        assertThat(next("{\"content\":[],\"page\":{\"number\":1,\"totalPages\":2,\"size\":10}}"))
                .isNull();
        assertThat(next("{\"content\":[],\"page\":3}"))
                .as("a page that is not an object")
                .isNull();
        assertThat(next("{\"content\":[],\"page\":{\"size\":10}}")).isNull();
        // a number at the top is read before any page object
        assertThat(next("{\"content\":[],\"number\":0,\"totalPages\":2,\"page\":{\"number\":5,\"totalPages\":9}}"))
                .isEqualTo("#page:1");
    }

    @Test
    void aCursorTheServerSentWinsOverItsPageNumbers() {
        assertThat(next("{\"content\":[],\"number\":0,\"totalPages\":3,\"nextCursor\":\"c9\"}"))
                .isEqualTo("c9");
        assertThat(next("{\"content\":[],\"number\":0,\"totalPages\":3,\"nextCursor\":null}"))
                .isEqualTo("#page:1");
        assertThat(next("{\"content\":[],\"number\":2,\"totalPages\":3,\"nextCursor\":null}"))
                .isNull();
    }

    // ---- counting ----

    @Test
    void partlyReadItemsAreCountedAndKept() {
        Page<Approval> p = DECODER.boundPage(utf8("""
                [{"id":"a1","status":"Pending"},
                 {"id":"a2","status":{"code":3}},
                 {"id":"a3","dueAt":"next tuesday"},
                 {"title":"no id"}]"""), Approval.class, 200, null);
        assertThat(p.items()).extracting(Approval::id).containsExactly("a1", "a2", "a3");
        assertThat(p.partlyRead()).isEqualTo(2);
        assertThat(p.skipped()).isEqualTo(1);
        Page<Approval> whole = DECODER.boundPage(utf8("[" + ITEM + "]"), Approval.class, 200, null);
        assertThat(whole.partlyRead()).isZero();
        assertThat(whole.skipped()).isZero();
    }
}
