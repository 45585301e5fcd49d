package io.approvals.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyMetadata;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Hostile and broken answers: whatever a server sends, decoding yields a value or a typed
 * ApiException, never another exception and never a hang.
 */
class ClientDecodingProperties {
    private static final ResponseDecoder DECODER = new ResponseDecoder();
    private static final ExecutorService WATCHDOG = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "decode-watchdog");
        t.setDaemon(true);
        return t;
    });
    private static final String VALID_PAGE = """
            {"items":[{"id":"apr_1","title":"New laptop","description":"MacBook","requester":"dana@example.com",
            "approver":"lee@example.com","priority":"Normal","dueAt":"2026-12-01T17:00:00Z","status":"Pending",
            "createdAt":"2026-11-26T10:15:30Z","updatedAt":"2026-11-26T10:15:30Z","decidedBy":null,
            "decidedAt":null,"comment":null,"version":1}],"nextCursor":"abc"}""";
    private static final String VALID_KEY = """
            {"key":"apv_CANARYcanary0123456789ABCDEFabcd000000","apiKey":{"id":"key_1","name":"n","owner":"o",
            "prefix":"apv_CANA","last4":"0000","scopes":["read"],"createdAt":"2026-11-26T10:15:30Z",
            "lastUsedAt":null,"expiresAt":null,"status":"Active"}}""";

    @AfterContainer
    static void stopWatchdog() {
        WATCHDOG.shutdownNow();
    }

    @Property(tries = 400)
    void arbitraryBytesGiveOnlyTypedFailures(@ForAll("bytes") byte[] body, @ForAll("statuses") int status) {
        decodeAll(body, status);
    }

    @Property(tries = 600)
    void mutatedValidAnswersGiveOnlyTypedFailures(@ForAll("mutatedPages") byte[] body) {
        decodeAll(body, 200);
    }

    @Property(tries = 200)
    void mutatedErrorBodiesStillGiveTheRightType(
            @ForAll("mutatedProblems") byte[] body, @ForAll("errorStatuses") int status) {
        ApiException e = DECODER.error(status, headers(), body, "rid");
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(2_000);
    }

    @Property(tries = 50)
    void deepNestingIsRefusedNotAStackOverflow(@ForAll("depths") int depth, @ForAll boolean arrays) {
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String body = "{\"items\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
        decodeAll(body.getBytes(StandardCharsets.UTF_8), 200);
    }

    @Property(tries = 20)
    void hugeStringsAreHandled(@ForAll("sizes") int size) {
        String body = "{\"items\":[{\"id\":\"x\",\"title\":\"" + "t".repeat(size) + "\"}]}";
        decodeAll(body.getBytes(StandardCharsets.UTF_8), 200);
    }

    @Property(tries = 50)
    void duplicateKeysAreHandled(@ForAll("mutatedPages") byte[] ignored) {
        String body = "{\"items\":[],\"items\":[{\"id\":1,\"id\":\"2\",\"version\":1,\"version\":\"x\"}]}";
        decodeAll(body.getBytes(StandardCharsets.UTF_8), 200);
    }

    private static void decodeAll(byte[] body, int status) {
        List<Supplier<Object>> decoders = List.of(
                () -> DECODER.page(body, Approval.class, status, "rid"),
                () -> DECODER.page(body, KeyMetadata.class, status, "rid"),
                () -> DECODER.page(body, AuditEntry.class, status, "rid"),
                () -> DECODER.object(body, Approval.class, status, "rid"),
                () -> DECODER.object(body, IssuedKey.class, status, "rid"),
                () -> DECODER.error(status < 400 ? 500 : status, headers(), body, "rid"));
        for (Supplier<Object> d : decoders) {
            Future<Throwable> f = WATCHDOG.submit(() -> catchThrowable(d::get));
            Throwable thrown;
            try {
                thrown = f.get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                throw new AssertionError("decoding hung", e);
            } catch (InterruptedException | ExecutionException e) {
                throw new AssertionError(e);
            }
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(ApiException.class);
            }
        }
    }

    private static HttpHeaders headers() {
        return HttpHeaders.of(Map.of("Retry-After", List.of("5")), (a, b) -> true);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.of(200, 201, 400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 502, 503, 418);
    }

    @Provide
    Arbitrary<Integer> errorStatuses() {
        return Arbitraries.of(400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 502, 503, 418);
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(900, 20_000);
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.integers().between(10_000, 3_000_000);
    }

    @Provide
    Arbitrary<byte[]> mutatedPages() {
        return Arbitraries.oneOf(mutate(VALID_PAGE), mutate(VALID_KEY), typeSwaps());
    }

    @Provide
    Arbitrary<byte[]> mutatedProblems() {
        return mutate("""
                {"type":"about:blank","title":"Conflict","status":409,"detail":"decided","traceId":"t",
                "errors":{"title":["too long"]},"requiredScope":"write","current":""" + VALID_PAGE.substring(10, VALID_PAGE.indexOf("}]") + 1) + "}");
    }

    /** Byte-level mutations: truncation, flips, insertions of structural characters, invalid UTF-8. */
    private static Arbitrary<byte[]> mutate(String valid) {
        byte[] base = valid.getBytes(StandardCharsets.UTF_8);
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, base.length - 1);
        Arbitrary<Byte> junk = Arbitraries.of(
                (byte) '{',
                (byte) '}',
                (byte) '[',
                (byte) ']',
                (byte) '"',
                (byte) ',',
                (byte) ':',
                (byte) 0,
                (byte) 0xC3,
                (byte) 0xFF,
                (byte) '\\',
                (byte) '-',
                (byte) '9',
                (byte) 'e');
        Arbitrary<byte[]> truncated = pos.map(p -> java.util.Arrays.copyOf(base, p));
        Arbitrary<byte[]> flipped = Combinators.combine(pos, junk).as((p, b) -> {
            byte[] copy = base.clone();
            copy[p] = b;
            return copy;
        });
        Arbitrary<byte[]> inserted = Combinators.combine(pos, junk).as((p, b) -> {
            byte[] copy = new byte[base.length + 1];
            System.arraycopy(base, 0, copy, 0, p);
            copy[p] = b;
            System.arraycopy(base, p, copy, p + 1, base.length - p);
            return copy;
        });
        return Arbitraries.oneOf(truncated, flipped, inserted);
    }

    /** Values of the wrong type in each field. */
    private static Arbitrary<byte[]> typeSwaps() {
        Arbitrary<String> field = Arbitraries.of(
                "id",
                "title",
                "priority",
                "dueAt",
                "status",
                "version",
                "createdAt",
                "items",
                "nextCursor",
                "decidedAt");
        Arbitrary<String> value = Arbitraries.of(
                "1",
                "-1",
                "1e400",
                "99999999999999999999999",
                "true",
                "null",
                "[]",
                "{}",
                "\"\"",
                "\"2026-13-45T99:99:99Z\"",
                "[[[]]]",
                "\"\\ud800\"",
                "1.5");
        return Combinators.combine(field, value).as((f, v) -> VALID_PAGE
                .replaceFirst(
                        "\"" + f + "\":(\"[^\"]*\"|null|\\d+|\\[\\{)",
                        "\"" + f + "\":" + v + (f.equals("items") ? ",\"x\":[{" : ""))
                .getBytes(StandardCharsets.UTF_8));
    }
}
