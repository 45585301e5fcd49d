package io.approvals.console.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The connections file read with the tokenizer alone ({@link PlainConnectionsFile}) gives what the store's mapper
 * gives, or leaves the file to the mapper: on files the store writes, and on those files changed in every way a
 * person or another version might change them.
 */
class ConnectionsFileProperties {
    @Property(tries = 300)
    void whatTheStoreWritesIsReadWithoutTheMapperAndAlike(@ForAll("contents") ConnectionStore.FileContent content)
            throws IOException {
        Path file = write(ConnectionStore.mapper().writeValueAsBytes(content));

        ConnectionStore.FileContent plain = PlainConnectionsFile.read(file);

        boolean hasCaPath = content.connections().stream().anyMatch(c -> c.caCertPath() != null);
        if (hasCaPath) {
            assertThat(plain).isNull();
        } else {
            assertThat(plain).isEqualTo(content).isEqualTo(bound(file));
        }
    }

    @Property(tries = 1_000)
    void aChangedFileIsReadAsTheMapperReadsItOrLeftToIt(
            @ForAll("contents") ConnectionStore.FileContent content,
            @ForAll("changes") Change change,
            @ForAll("picks") int pick)
            throws IOException {
        JsonNode tree = ConnectionStore.mapper().valueToTree(content);
        String text = change.apply(tree, pick);
        Path file = write(text.getBytes(StandardCharsets.UTF_8));

        ConnectionStore.FileContent plain = PlainConnectionsFile.read(file);

        if (plain != null) {
            assertThat(bound(file)).isEqualTo(plain);
        }
    }

    /** What the store's mapper reads from the file; null where the store would set the file aside. */
    private static ConnectionStore.FileContent bound(Path file) {
        try {
            JsonNode root = ConnectionStore.mapper().readTree(file.toFile());
            if (root == null
                    || !root.path("formatVersion").isInt()
                    || root.get("formatVersion").asInt() != 1) {
                return null;
            }
            return ConnectionStore.mapper().treeToValue(root, ConnectionStore.FileContent.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("connections", ".json");
        file.toFile().deleteOnExit();
        Files.write(file, bytes);
        return file;
    }

    /** One change to a file the store wrote. */
    enum Change {
        NONE,
        DROP_FIELD,
        NULL_FIELD,
        FIELD_IN_OTHER_CASE,
        UNKNOWN_FIELD,
        NUMBER_AS_TEXT,
        TEXT_AS_NUMBER,
        BOOLEAN_AS_TEXT,
        DUPLICATE_FIELD,
        TRAILING_CONTENT,
        NEWER_FORMAT,
        LOWER_CASE_ENUM,
        INSTANT_WITH_OFFSET,
        EMPTY_OBJECT_VALUE;

        String apply(JsonNode tree, int pick) {
            List<ObjectNode> objects = new ArrayList<>();
            collect(tree, objects);
            ObjectNode target = objects.get(Math.floorMod(pick, objects.size()));
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() ? "x" : names.get(Math.floorMod(pick / 7, names.size()));
            JsonNode value = target.get(name);
            switch (this) {
                case DROP_FIELD -> target.remove(name);
                case NULL_FIELD -> target.putNull(name);
                case FIELD_IN_OTHER_CASE -> {
                    target.remove(name);
                    target.set(Character.toUpperCase(name.charAt(0)) + name.substring(1), value);
                }
                case UNKNOWN_FIELD ->
                    target.putObject("addedLater")
                            .putArray("deep")
                            .add(1)
                            .addObject()
                            .put("a", "b");
                case NUMBER_AS_TEXT -> {
                    if (value != null && value.isNumber()) {
                        target.put(name, value.asText());
                    }
                }
                case TEXT_AS_NUMBER -> {
                    if (value != null && value.isTextual()) {
                        target.put(name, 42);
                    }
                }
                case BOOLEAN_AS_TEXT -> {
                    if (value != null && value.isBoolean()) {
                        target.put(name, value.asText());
                    }
                }
                case NEWER_FORMAT -> ((ObjectNode) tree).put("formatVersion", 2);
                case LOWER_CASE_ENUM -> {
                    if (value != null && value.isTextual() && value.asText().matches("[A-Z_]+")) {
                        target.put(name, value.asText().toLowerCase());
                    }
                }
                case INSTANT_WITH_OFFSET -> {
                    if (value != null && value.isTextual() && value.asText().endsWith("Z")) {
                        target.put(name, value.asText().replace("Z", "+00:00"));
                    }
                }
                case EMPTY_OBJECT_VALUE -> target.putObject(name);
                default -> {}
            }
            String text = tree.toPrettyString();
            if (this == DUPLICATE_FIELD && value != null) {
                String first = "\"" + name + "\" : ";
                int at = text.indexOf(first);
                if (at >= 0) {
                    text = text.substring(0, at) + first + "null, " + text.substring(at);
                }
            }
            if (this == TRAILING_CONTENT) {
                text = text + " {}";
            }
            return text;
        }

        private static void collect(JsonNode node, List<ObjectNode> into) {
            if (node instanceof ObjectNode o) {
                into.add(o);
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), into);
            }
        }
    }

    @Provide
    Arbitrary<Change> changes() {
        return Arbitraries.of(Change.class);
    }

    @Provide
    Arbitrary<Integer> picks() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<ConnectionStore.FileContent> contents() {
        Arbitrary<Connection> connection = Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(1)
                                .ofMaxLength(12),
                        Arbitraries.of(
                                "https://approvals.example.com", "http://127.0.0.1:8080", "https://h.example/api/v2/"),
                        Arbitraries.of(AuthMode.class),
                        Arbitraries.of("X-API-Key", "X-Custom", "Authorization"),
                        Arbitraries.of(0, 0, 0, 1),
                        verified().injectNull(0.3))
                .as((name, url, mode, header, ca, verified) -> new Connection(
                        name,
                        URI.create(url),
                        mode,
                        header,
                        ca == 1 ? Path.of("/etc/ssl/ca dir/ca.pem") : null,
                        verified));
        Arbitrary<Settings> settings = Combinators.combine(Arbitraries.of(0, 10, 60, 3600), Arbitraries.of(Theme.class))
                .as(Settings::new)
                .injectNull(0.1);
        return Combinators.combine(
                        connection.list().ofMaxSize(3).uniqueElements(Connection::name),
                        settings,
                        Arbitraries.integers().between(-1, 2))
                .as((list, s, current) -> new ConnectionStore.FileContent(
                        1,
                        current >= 0 && current < list.size()
                                ? list.get(current).name()
                                : null,
                        s,
                        list));
    }

    private static Arbitrary<VerifiedKey> verified() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(10).injectNull(0.2);
        Arbitrary<Instant> instant = Arbitraries.longs()
                .between(0, 4_000_000_000L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)))
                .injectNull(0.3);
        Arbitrary<List<String>> scopes =
                Arbitraries.of("read", "write", "admin").list().ofMaxSize(3);
        return Combinators.combine(text, text, text, scopes, text, instant, instant, Arbitraries.of(true, false))
                .as((prefix, last4, fingerprint, sc, owner, expires, verifiedAt, endpoints) -> new VerifiedKey(
                        prefix, last4, fingerprint, sc, owner, expires, "Active", verifiedAt, endpoints));
    }
}
