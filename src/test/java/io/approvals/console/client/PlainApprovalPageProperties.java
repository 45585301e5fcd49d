package io.approvals.console.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Json;
import io.approvals.console.contract.Page;
import io.approvals.console.contract.Priority;
import io.approvals.console.contract.ServerText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A page of approvals read off the tokenizer ({@link PlainApprovalPage}) is what the tolerant mapper reads, or is
 * left to it: on pages as the sandbox writes them, and on such pages changed in the ways real servers differ.
 */
class PlainApprovalPageProperties {
    private static final ResponseDecoder DECODER = new ResponseDecoder();
    /** The sandbox's way of writing approvals (Responses.MAPPER). */
    private static final ObjectMapper SANDBOX = Json.strict().addMixIn(Approval.class, NoPending.class);

    @JsonIgnoreProperties({"pending"})
    private abstract static class NoPending {}

    @Property(tries = 300)
    void pagesAsTheSandboxWritesThemAreReadWithoutTheMapperAndAlike(
            @ForAll("approvals") List<Approval> items, @ForAll("cursors") String cursor) throws Exception {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("nextCursor", cursor);
        byte[] body = SANDBOX.writeValueAsBytes(page);

        Page<Approval> plain = DECODER.plainApprovals(body);

        assertThat(plain)
                .isEqualTo(new Page<>(items, cursor == null || cursor.isEmpty() ? null : cursor))
                .isEqualTo(DECODER.boundPage(body, Approval.class, 200, null));
    }

    @Property(tries = 1_500)
    void aChangedPageIsReadAsTheMapperReadsItOrLeftToIt(
            @ForAll("approvals") List<Approval> items, @ForAll("changes") Change change, @ForAll("picks") int pick)
            throws Exception {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("nextCursor", "c1");
        byte[] body = change.apply(SANDBOX.valueToTree(page), pick).getBytes(StandardCharsets.UTF_8);

        assertAgrees(body);
    }

    @Property(tries = 600)
    void mangledPagesAreReadAsTheMapperReadsThemOrLeftToIt(@ForAll("mangled") byte[] body) {
        assertAgrees(body);
    }

    private static void assertAgrees(byte[] body) {
        Page<Approval> plain = DECODER.plainApprovals(body);
        if (plain != null) {
            assertThat(DECODER.boundPage(body, Approval.class, 200, null)).isEqualTo(plain);
        }
    }

    /** One change to a page the sandbox wrote, as other servers write theirs. */
    enum Change {
        NONE,
        DROP_FIELD,
        NULL_FIELD,
        FIELD_IN_OTHER_CASE,
        PASCAL_CASE_EVERYWHERE,
        UNKNOWN_FIELD,
        PENDING_FIELD,
        NUMBER_AS_TEXT,
        TEXT_AS_NUMBER,
        FRACTION_AS_VERSION,
        HUGE_VERSION,
        DUPLICATE_FIELD,
        TRAILING_CONTENT,
        LOWER_CASE_ENUM,
        PADDED_ENUM,
        UNKNOWN_ENUM,
        INSTANT_WITH_OFFSET,
        INSTANT_AS_NUMBER,
        BARE_LIST,
        NO_ITEMS,
        EMPTY_CURSOR,
        CURSOR_AS_NUMBER,
        ITEM_NOT_AN_OBJECT,
        OBJECT_AS_VALUE;

        String apply(JsonNode tree, int pick) {
            ObjectNode root = (ObjectNode) tree;
            ArrayNode items = (ArrayNode) root.get("items");
            List<ObjectNode> objects = new ArrayList<>();
            items.forEach(i -> objects.add((ObjectNode) i));
            ObjectNode target = objects.isEmpty() ? root : objects.get(Math.floorMod(pick, objects.size()));
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            String name = names.get(Math.floorMod(pick / 7, names.size()));
            JsonNode value = target.get(name);
            switch (this) {
                case DROP_FIELD -> target.remove(name);
                case NULL_FIELD -> target.putNull(name);
                case FIELD_IN_OTHER_CASE -> {
                    target.remove(name);
                    target.set(name.toUpperCase(), value);
                }
                case PASCAL_CASE_EVERYWHERE -> {
                    pascal(root);
                    objects.forEach(PlainApprovalPageProperties::pascal);
                }
                case UNKNOWN_FIELD ->
                    target.putObject("links")
                            .putArray("self")
                            .add("x")
                            .addObject()
                            .put("a", 1);
                case PENDING_FIELD -> target.put("pending", false);
                case NUMBER_AS_TEXT -> {
                    if (value.isNumber()) {
                        target.put(name, value.asText());
                    }
                }
                case TEXT_AS_NUMBER -> {
                    if (value.isTextual()) {
                        target.put(name, 123);
                    }
                }
                case FRACTION_AS_VERSION -> target.put("version", 2.5);
                case HUGE_VERSION -> target.put("version", new java.math.BigInteger("99999999999999999999"));
                case LOWER_CASE_ENUM -> {
                    if (value.isTextual()) {
                        target.put(name, value.asText().toLowerCase());
                    }
                }
                case PADDED_ENUM -> {
                    if (value.isTextual()) {
                        target.put(name, " " + value.asText() + " ");
                    }
                }
                case UNKNOWN_ENUM -> target.put(pick % 2 == 0 ? "priority" : "status", "Whenever");
                case INSTANT_WITH_OFFSET -> {
                    if (value.isTextual() && value.asText().endsWith("Z")) {
                        target.put(name, value.asText().replace("Z", "+02:00"));
                    }
                }
                case INSTANT_AS_NUMBER -> target.put(pick % 2 == 0 ? "dueAt" : "createdAt", 1_764_000_000.5);
                case NO_ITEMS -> root.remove("items");
                case EMPTY_CURSOR -> root.put("nextCursor", "");
                case CURSOR_AS_NUMBER -> root.put("nextCursor", 7);
                case ITEM_NOT_AN_OBJECT -> items.add("x");
                case OBJECT_AS_VALUE -> target.putObject(name);
                default -> {}
            }
            String text = tree.toString();
            if (this == BARE_LIST) {
                text = items.toString();
            }
            if (this == DUPLICATE_FIELD) {
                String first = "\"" + name + "\":";
                int at = text.indexOf(first);
                if (at >= 0) {
                    text = text.substring(0, at) + first + "null," + text.substring(at);
                }
            }
            if (this == TRAILING_CONTENT) {
                text = text + "{}";
            }
            return text;
        }
    }

    private static void pascal(ObjectNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            fields.put(Character.toUpperCase(e.getKey().charAt(0)) + e.getKey().substring(1), e.getValue());
        }
        node.removeAll();
        node.setAll(fields);
    }

    @Provide
    Arbitrary<Change> changes() {
        return Arbitraries.of(Change.class);
    }

    @Provide
    Arbitrary<Integer> picks() {
        return Arbitraries.integers().between(0, 100_000);
    }

    @Provide
    Arbitrary<String> cursors() {
        return Arbitraries.strings().ofMaxLength(12).injectNull(0.4);
    }

    @Provide
    Arbitrary<byte[]> mangled() {
        return new ClientDecodingProperties().mutatedPages();
    }

    @Provide
    Arbitrary<List<Approval>> approvals() {
        // server text is cleaned of controls by both readers; an item has an id (one without is skipped, issue 16)
        Arbitrary<String> text =
                Arbitraries.strings().ofMaxLength(20).map(ServerText::clean).injectNull(0.2);
        Arbitrary<String> ids = Arbitraries.strings()
                .ofMinLength(1)
                .ofMaxLength(20)
                .map(ServerText::clean)
                .filter(id -> !id.isBlank());
        Arbitrary<Instant> instant = Arbitraries.longs()
                .between(-5_000_000_000L, 10_000_000_000L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)))
                .injectNull(0.3);
        Arbitrary<Priority> priority = Arbitraries.of(Priority.KNOWN).injectNull(0.1);
        Arbitrary<ApprovalStatus> status = Arbitraries.of(
                        ApprovalStatus.PENDING, ApprovalStatus.APPROVED, ApprovalStatus.REJECTED)
                .injectNull(0.1);
        Arbitrary<Long> version = Arbitraries.longs();
        Arbitrary<Approval> approval = Combinators.combine(ids, text, text, text, text, priority, instant, status)
                .as((id, title, description, requester, approver, p, due, s) ->
                        new Object[] {id, title, description, requester, approver, p, due, s})
                .flatMap(a -> Combinators.combine(instant, instant, text, instant, text, version)
                        .as((created, updated, decidedBy, decidedAt, comment, v) -> new Approval(
                                (String) a[0],
                                (String) a[1],
                                (String) a[2],
                                (String) a[3],
                                (String) a[4],
                                (Priority) a[5],
                                (Instant) a[6],
                                (ApprovalStatus) a[7],
                                created,
                                updated,
                                decidedBy,
                                decidedAt,
                                comment,
                                v)));
        return approval.list().ofMaxSize(4);
    }
}
