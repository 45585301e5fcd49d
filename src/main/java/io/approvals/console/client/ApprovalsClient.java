package io.approvals.console.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.Dialect;
import io.approvals.console.contract.IssueKeyRequest;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.Json;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.Page;
import io.approvals.console.contract.RegenerateKeyRequest;
import io.approvals.console.contract.ServerText;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.contract.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The Approvals API over HTTP ({@code java.net.http} + Jackson). Thread-safe; blocking.
 *
 * <p>Retries with backoff on connection failures, 502/503/504 and 429 for reads, and for creates
 * because each logical create carries one Idempotency-Key reused on every attempt. Decisions and key
 * operations are never retried: a lost answer must not turn into a second decision or a second key.
 */
public final class ApprovalsClient implements ApprovalsApi {
    static final String APPROVALS = "/approvals/";
    private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    /** Defaults of the caps that keep memory bounded whatever a server sends (settable on the builder). */
    public static final int DEFAULT_MAX_ITEMS = 500_000;
    public static final int DEFAULT_MAX_PAGES = 10_000;
    private static final System.Logger LOG = System.getLogger(ApprovalsClient.class.getName());

    private final URI baseUrl;
    private final ApiKey key;
    private final AuthScheme auth;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final String userAgent;
    private final Dialect dialect;
    private final boolean contractDialect;
    private final int maxItems;
    private final int maxPages;
    private final int maxBodyBytes;
    private final Duration callTimeout;
    /**
     * What real servers' items carried that a decision must send back unchanged (a RowVersion, a numeric id), by
     * id, as last read; empty for the sandbox's items. Cleared when it would outgrow the item cap.
     */
    private final Map<String, Approval.Raw> rawById = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Shared by all clients (a mapper learns each type once; thread-safe once configured), and made when a request
     * first has a body: reading the list needs no mapper (start-up makes none).
     */
    private static final class Writer {
        static final ObjectMapper MAPPER = Json.strict();
    }

    private static final ResponseDecoder DECODER = ResponseDecoder.SHARED;

    private ApprovalsClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.key = b.key;
        this.auth = b.auth;
        this.requestTimeout = b.requestTimeout;
        this.retry = b.retry;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
        this.userAgent = b.userAgent;
        this.dialect = b.dialect == null ? Dialect.CONTRACT : b.dialect;
        this.contractDialect = this.dialect.fields().isEmpty() && this.dialect.spellings().isEmpty()
                && this.dialect.idType() == null && this.dialect.versionType() == null;
        this.maxItems = b.maxItems;
        this.maxPages = b.maxPages;
        this.maxBodyBytes = b.maxBodyBytes;
        this.callTimeout = b.callTimeout == null ? requestTimeout : b.callTimeout;
        this.http = httpClient(baseUrl, b.caCertificate, b.connectTimeout);
    }

    private static HttpClient httpClient(URI baseUrl, Path caCertificate, Duration connectTimeout) {
        HttpClient.Builder hb = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if ("https".equalsIgnoreCase(baseUrl.getScheme())) {
            hb.sslContext(TrustedCertificates.sslContext(caCertificate));
        } else {
            hb.version(HttpClient.Version.HTTP_1_1).sslContext(NoTlsContext.INSTANCE)
                    .sslParameters(NoTlsContext.parameters());
        }
        return hb.build();
    }

    /**
     * Does the one-time work of a first request to this server without sending one: loads the HTTP client and
     * its TLS set-up for the URL, and teaches the shared decoder the shape of a page of approvals. The desktop app
     * calls it while the keychain is asked for the key, so that the first page is not slowed by it.
     */
    public static void warmUp(URI baseUrl, Path caCertificate) {
        httpClient(baseUrl, caCertificate, Duration.ofSeconds(10));
        DECODER.page(SAMPLE_PAGE, Approval.class, 200, null);
    }

    private static final byte[] SAMPLE_PAGE = ("{\"items\":[{\"id\":\"a\",\"title\":\"t\",\"description\":\"d\","
            + "\"requester\":\"r\",\"approver\":\"p\",\"priority\":\"High\",\"dueAt\":\"2026-01-01T00:00:00Z\","
            + "\"status\":\"Pending\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\","
            + "\"decidedBy\":null,\"decidedAt\":null,\"comment\":null,\"version\":1}],\"nextCursor\":null}")
            .getBytes(StandardCharsets.UTF_8);

    public static Builder builder(URI baseUrl, ApiKey key) {
        return new Builder(baseUrl, key);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    // ---- approvals ----

    @Override
    public Page<Approval> listNotComplete(String approver, int limit, String cursor) {
        Exchange ex = send(Call.get(listPath(approver, limit, cursor)).asRetryable());
        Page<Approval> plain = DECODER.plainApprovals(ex.body);
        if (plain != null) {
            return plain;
        }
        Page<Approval> page = DECODER.approvals(DECODER.pageTree(ex.body, ex.status, ex.requestId), dialect);
        remember(page.items());
        return page;
    }

    /**
     * Every page, each asked with its last ETag. The next page is requested as soon as this one's cursor is known,
     * and travels while this one's items are handled: on a big list that hides the round trips (measured on
     * 100,000 approvals from the sandbox: sending took longer than decoding). A page in the contract's plain form
     * is read whole first, without data binding, in less time than its round trip; any other page is parsed to a
     * tree, the next page sent, and then its items bound.
     */
    @Override
    public PendingSnapshot fetchAllNotComplete(String approver, PendingSnapshot previous) {
        Map<String, PendingSnapshot.CachedPage> before = previous == null ? Map.of() : previous.pages();
        Map<String, PendingSnapshot.CachedPage> pages = new HashMap<>();
        List<Approval> all = new ArrayList<>();
        Set<String> seenCursors = new HashSet<>();
        Map<String, String> people = new HashMap<>();
        boolean allUnchanged = !before.isEmpty();
        int partlyRead = 0;
        int skipped = 0;
        String cursor = null;
        CompletableFuture<Exchange> next = null;
        try {
            for (int n = 0; n < maxPages; n++) {
                String pageKey = cursor == null ? "" : cursor;
                PendingSnapshot.CachedPage cached = before.get(pageKey);
                Exchange ex = next != null ? awaitPage(next) : send(pageCall(approver, cursor, cached));
                next = null;
                PendingSnapshot.CachedPage page;
                if (ex.status == 304 && cached != null) {
                    page = cached;
                } else {
                    allUnchanged = false;
                    // A page that names its cursor first (the sandbox's) has the next one asked for before its items
                    // are read: the server then works on it while this client reads these.
                    String early = PlainApprovalPage.leadingCursor(ex.body);
                    if (early != null && !seenCursors.contains(early)) {
                        next = sendAhead(approver, early, before);
                    }
                    Page<Approval> plain = DECODER.plainApprovals(ex.body);
                    ResponseDecoder.PageTree tree = plain != null ? null
                            : DECODER.pageTree(ex.body, ex.status, ex.requestId);
                    String after = plain != null ? plain.nextCursor() : tree.nextCursor();
                    if (next != null && !early.equals(after)) {
                        next.cancel(false); // the page's reading disagreed with its first tokens: its cursor wins
                        next = null;
                    }
                    if (next == null && after != null && !seenCursors.contains(after)) {
                        next = sendAhead(approver, after, before);
                    }
                    Page<Approval> read = plain != null ? plain : DECODER.approvals(tree, dialect);
                    if (plain == null) {
                        remember(read.items());
                    }
                    page = new PendingSnapshot.CachedPage(ex.etag, sharingPeople(read.items(), people), after,
                            read.partlyRead(), read.skipped());
                }
                pages.put(pageKey, page);
                if (all.size() + page.items().size() > maxItems) {
                    throw new ApiException.CapReached(ex.status, "the list has more than " + maxItems
                            + " items, the console's cap on items per list (-Dapprovals.maxItems=N)", ex.requestId);
                }
                all.addAll(page.items());
                partlyRead += page.partlyRead();
                skipped += page.skipped();
                if (page.nextCursor() == null) {
                    return new PendingSnapshot(List.copyOf(all), Map.copyOf(pages), clock.instant(), allUnchanged,
                            partlyRead, skipped);
                }
                if (!seenCursors.add(page.nextCursor())) {
                    throw new ApiException.Server(ex.status, "the server's paging repeats itself", ex.requestId);
                }
                cursor = page.nextCursor();
            }
        } finally {
            if (next != null) {
                // A failure left a request in flight: a GET, whose answer nobody needs.
                next.cancel(false);
            }
        }
        throw new ApiException.CapReached(200, "the list has more than " + maxPages
                + " pages, the console's cap on pages per fetch (-Dapprovals.maxPages=N)", null);
    }

    /** Sends the page at cursor on another thread, with the ETag of the page there in before. */
    private CompletableFuture<Exchange> sendAhead(String approver, String cursor,
                                                  Map<String, PendingSnapshot.CachedPage> before) {
        Call call = pageCall(approver, cursor, before.get(cursor));
        return CompletableFuture.supplyAsync(() -> send(call), NEXT_PAGE);
    }

    /** Sends the next pages; daemon threads that end when idle. */
    private static final ExecutorService NEXT_PAGE = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "approvals-next-page");
        t.setDaemon(true);
        return t;
    });

    private static Call pageCall(String approver, String cursor, PendingSnapshot.CachedPage cached) {
        Call call = Call.get(listPath(approver, 1000, cursor)).asRetryable();
        return cached != null && cached.etag() != null ? call.header("If-None-Match", cached.etag()) : call;
    }

    /** The answer of a page sent ahead, or its failure as if it had been sent here. */
    private static Exchange awaitPage(CompletableFuture<Exchange> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            page.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException.Network("The request was cancelled.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new ApiException.Network("The request failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * The same few people request and approve most approvals, but the decoder makes a new String for every
     * occurrence: with 100,000 approvals one shared copy per address (and one Instant when created and updated
     * are the same moment) saves megabytes of the console's heap.
     */
    private static List<Approval> sharingPeople(List<Approval> items, Map<String, String> people) {
        List<Approval> out = new ArrayList<>(items.size());
        for (Approval a : items) {
            String requester = shared(a.requester(), people);
            String approver = shared(a.approver(), people);
            String decidedBy = shared(a.decidedBy(), people);
            // Never updated (most pending ones): one Instant for both.
            Instant updatedAt = a.updatedAt() != null && a.updatedAt().equals(a.createdAt()) ? a.createdAt()
                    : a.updatedAt();
            out.add(requester == a.requester() && approver == a.approver() && decidedBy == a.decidedBy()
                    && updatedAt == a.updatedAt() ? a
                    : new Approval(a.id(), a.title(), a.description(), requester, approver, a.priority(), a.dueAt(),
                            a.status(), a.createdAt(), updatedAt, decidedBy, a.decidedAt(), a.comment(),
                            a.version(), a.raw()));
        }
        return out;
    }

    private static String shared(String s, Map<String, String> people) {
        return s == null ? null : people.computeIfAbsent(s, k -> k);
    }

    @Override
    public Approval createApproval(CreateApprovalRequest request, String idempotencyKey) {
        Objects.requireNonNull(request, "request");
        String idem = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
        Exchange ex = send(Call.post(APPROVALS + "CreateApproval", contractDialect ? json(request)
                : json(DialectBodies.create(request, dialect))).header("Idempotency-Key", idem).asRetryable());
        Approval created = DECODER.approval(ex.body, dialect, ex.status, ex.requestId);
        if (created == null) {
            // 201 + Location, or 204: read the new approval where the server says it is, else as we sent it
            created = readLocation(ex).orElseGet(() -> DialectBodies.asCreated(request, idFromLocation(ex),
                    clock.instant()));
        }
        remember(List.of(created));
        return created;
    }

    @Override
    public Approval updateStatus(UpdateStatusRequest request) {
        Objects.requireNonNull(request, "request");
        Approval.Raw raw = rawById.get(request.id());
        String body = contractDialect && raw == null ? json(request)
                : json(DialectBodies.update(request, dialect, raw));
        Exchange ex = send(Call.post(APPROVALS + "UpdateApprovalStatus", body));
        Approval decided = DECODER.approval(ex.body, dialect, ex.status, ex.requestId);
        if (decided == null) {
            // 204 (or 200 with no body) is success: read the item where the server says it is, else as decided
            decided = readLocation(ex).orElseGet(() -> DialectBodies.asDecided(request, raw, clock.instant()));
        }
        remember(List.of(decided));
        return decided;
    }

    /** Keeps what a decision must send back as the server sent it; nothing for the contract's own items. */
    private void remember(List<Approval> items) {
        for (Approval a : items) {
            if (a.raw() != null && (a.raw().idIsNumber() || (a.raw().versionToken() != null
                    && !a.raw().versionIsNumber()))) {
                if (rawById.size() >= maxItems) {
                    rawById.clear();
                }
                rawById.put(a.id(), a.raw());
            }
        }
    }

    /**
     * The approval at the answer's Location, read with the key only when it is on this profile's own origin (the
     * key never goes anywhere else); empty when there is none, it is elsewhere, or it cannot be read.
     */
    private java.util.Optional<Approval> readLocation(Exchange ex) {
        if (ex.location == null) {
            return java.util.Optional.empty();
        }
        try {
            URI target = baseUrl.resolve(ex.location);
            if (!sameOrigin(target, baseUrl)) {
                return java.util.Optional.empty();
            }
            String prefix = stripSlash(baseUrl.getPath());
            String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
            if (!prefix.isEmpty() && path.startsWith(prefix)) {
                path = path.substring(prefix.length());
            }
            Exchange read = send(Call.get(path).asRetryable());
            return java.util.Optional.ofNullable(DECODER.approval(read.body, dialect, read.status, read.requestId));
        } catch (ApiException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static String idFromLocation(Exchange ex) {
        if (ex.location == null) {
            return null;
        }
        String path = ex.location.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? null : java.net.URLDecoder.decode(last, StandardCharsets.UTF_8);
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() > 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    // ---- keys ----

    @Override
    public KeyMetadata currentKey() {
        Exchange ex = send(Call.get("/apikeys/current").asRetryable());
        return DECODER.object(ex.body, KeyMetadata.class, ex.status, ex.requestId);
    }

    @Override
    public KeyVerification verifyKey() {
        try {
            return new KeyVerification(currentKey(), true);
        } catch (ApiException.NotFound e) {
            listNotComplete(null, 1, null);
            return new KeyVerification(null, false);
        }
    }

    @Override
    public IssuedKey regenerateCurrentKey(int oldKeyValidForSeconds) {
        Exchange ex = send(Call.post("/apikeys/current/regenerate",
                json(new RegenerateKeyRequest(oldKeyValidForSeconds))));
        return DECODER.object(ex.body, IssuedKey.class, ex.status, ex.requestId);
    }

    @Override
    public Page<KeyMetadata> listKeys(String cursor) {
        String path = "/apikeys" + (cursor == null ? "" : "?cursor=" + enc(cursor));
        Exchange ex = send(Call.get(path).asRetryable());
        return DECODER.page(ex.body, KeyMetadata.class, ex.status, ex.requestId);
    }

    @Override
    public List<KeyMetadata> listAllKeys() {
        List<KeyMetadata> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            Page<KeyMetadata> page = listKeys(cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
            if (cursor != null && !seen.add(cursor)) {
                throw new ApiException.Server(200, "the server's paging repeats itself", null);
            }
        } while (cursor != null);
        return all;
    }

    @Override
    public IssuedKey issueKey(IssueKeyRequest request) {
        Exchange ex = send(Call.post("/apikeys", json(request)));
        return DECODER.object(ex.body, IssuedKey.class, ex.status, ex.requestId);
    }

    @Override
    public IssuedKey regenerateKey(String keyId, int oldKeyValidForSeconds) {
        Exchange ex = send(Call.post("/apikeys/" + enc(keyId) + "/regenerate",
                json(new RegenerateKeyRequest(oldKeyValidForSeconds))));
        return DECODER.object(ex.body, IssuedKey.class, ex.status, ex.requestId);
    }

    @Override
    public KeyMetadata revokeKey(String keyId) {
        Exchange ex = send(Call.post("/apikeys/" + enc(keyId) + "/revoke", "{}"));
        return DECODER.object(ex.body, KeyMetadata.class, ex.status, ex.requestId);
    }

    @Override
    public Page<AuditEntry> audit(int limit, String cursor) {
        String path = "/audit?limit=" + limit + (cursor == null ? "" : "&cursor=" + enc(cursor));
        Exchange ex = send(Call.get(path).asRetryable());
        return DECODER.page(ex.body, AuditEntry.class, ex.status, ex.requestId);
    }

    // ---- transport ----

    private static String listPath(String approver, int limit, String cursor) {
        StringBuilder p = new StringBuilder(APPROVALS).append("GetApprovalNotComplete?limit=").append(limit);
        if (approver != null && !approver.isBlank()) {
            p.append("&approver=").append(enc(approver));
        }
        if (cursor != null && cursor.startsWith(ResponseDecoder.PAGE_CURSOR)) {
            // a page-numbered list (Spring's): the cursor is the client's own, the server wants page and size
            String[] pageAndSize = cursor.substring(ResponseDecoder.PAGE_CURSOR.length()).split(":");
            p.append("&page=").append(enc(pageAndSize[0]))
                    .append("&size=").append(pageAndSize.length > 1 ? enc(pageAndSize[1]) : limit);
        } else if (cursor != null) {
            p.append("&cursor=").append(enc(cursor));
        }
        return p.toString();
    }

    private String json(Object body) {
        try {
            return Writer.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode the request", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A request as we mean it, before any attempt. */
    private record Call(String method, String path, String body, Map<String, String> headers, boolean retryable) {
        static Call get(String path) {
            return new Call("GET", path, null, Map.of(), false);
        }

        static Call post(String path, String body) {
            return new Call("POST", path, body, Map.of(), false);
        }

        Call header(String name, String value) {
            Map<String, String> h = new HashMap<>(headers);
            h.put(name, value);
            return new Call(method, path, body, Map.copyOf(h), retryable);
        }

        Call asRetryable() {
            return new Call(method, path, body, headers, true);
        }
    }

    /** What came back: status 2xx or 304; errors are thrown as ApiException. */
    private record Exchange(int status, byte[] body, String etag, String requestId, String location) {
    }

    /**
     * Sends the call, retrying it when it may be, all within {@link #callTimeout}: each attempt gets the request
     * time-out or what is left, whichever is shorter, for its whole answer (headers and body, so a body that trickles
     * in ends too), and no backoff waits past the end. A failure says how long was really waited.
     */
    private Exchange send(Call call) {
        int attempt = 0;
        long callStarted = System.nanoTime();
        long callDeadline = callStarted + callTimeout.toNanos();
        while (true) {
            attempt++;
            long left = callDeadline - System.nanoTime();
            boolean mayRetry = call.retryable && attempt < retry.maxAttempts();
            HttpResponse<byte[]> response;
            byte[] body;
            String requestId = UUID.randomUUID().toString();
            long started = System.nanoTime();
            Duration attemptLimit = left < requestTimeout.toNanos() ? Duration.ofNanos(Math.max(left, 1_000_000))
                    : requestTimeout;
            try {
                response = exchange(request(call, requestId, attemptLimit), attemptLimit, requestId);
                body = response.body();
            } catch (IOException e) {
                ApiException.Network failure = networkFailure(e, attempt, System.nanoTime() - callStarted);
                LOG.log(System.Logger.Level.DEBUG, () -> call.method + " " + call.path + " failed: "
                        + e.getClass().getSimpleName());
                Duration wait = retry.backoff(attempt);
                // a server that let the whole limit pass once is not asked again: the call's limit would pass too
                if (!mayRetry || e instanceof HttpTimeoutException || System.nanoTime() + wait.toNanos() >= callDeadline - 50_000_000L) {
                    throw failure;
                }
                pause(wait);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException.Network("The request was cancelled.", e);
            }
            int status = response.statusCode();
            String rid = response.headers().firstValue("X-Request-Id").map(ServerText::clean).map(Wire::clip)
                    .orElse(requestId);
            long ms = (System.nanoTime() - started) / 1_000_000;
            LOG.log(System.Logger.Level.DEBUG, () -> call.method + " " + call.path + " -> " + status
                    + " in " + ms + " ms (request " + rid + ")");
            if ((status >= 200 && status < 300) || status == 304) {
                return new Exchange(status, body, response.headers().firstValue("ETag").orElse(null), rid,
                        response.headers().firstValue("Location").orElse(null));
            }
            ApiException error = DECODER.error(status, response.headers(), body, rid);
            if (status == 401 && (body == null || body.length == 0) && auth instanceof AuthScheme.ApiKeyHeader h
                    && dialect.headerGuessed()) {
                error = new ApiException.Unauthorized(rid, h.headerName());
            }
            if (mayRetry && isTransient(status)) {
                Duration wait = retry.backoff(attempt);
                if (error instanceof ApiException.RateLimited limited) {
                    if (limited.retryAfter().compareTo(retry.maxRetryAfter()) > 0) {
                        throw error;
                    }
                    wait = limited.retryAfter();
                } else if (status == 503 && response.headers().firstValue("Retry-After").isPresent()) {
                    Duration asked = ResponseDecoder.retryAfter(response.headers());
                    if (asked.compareTo(retry.maxRetryAfter()) <= 0) {
                        wait = asked;
                    }
                }
                if (System.nanoTime() + wait.toNanos() >= callDeadline - 50_000_000L) {
                    throw error; // no time left for another attempt within the call's limit
                }
                pause(wait);
                continue;
            }
            throw error;
        }
    }

    /**
     * One exchange whose whole answer, body included, must arrive within limit; the body is refused past
     * {@link #maxBodyBytes} as it arrives, so a huge or endless answer never fills the heap.
     */
    private HttpResponse<byte[]> exchange(HttpRequest request, Duration limit, String requestId)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request,
                info -> new CappedBody(maxBodyBytes, info.statusCode(), requestId));
        try {
            return answer.get(limit.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            answer.cancel(true);
            throw new WholeAnswerTimeout(limit);
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException || (cause instanceof IOException
                    && cause.getCause() instanceof ApiException)) {
                cause = cause.getCause();
            }
            if (cause instanceof ApiException api) {
                throw api;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    /** The whole answer did not arrive within the limit (a server that stalls, or trickles its body). */
    private static final class WholeAnswerTimeout extends HttpTimeoutException {
        WholeAnswerTimeout(Duration limit) {
            super("no complete answer within " + limit.toMillis() + " ms");
        }
    }

    /** Collects a body up to a cap; past it, cancels the exchange and fails with a message naming the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int cap;
        private final int status;
        private final String requestId;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private java.util.concurrent.Flow.Subscription subscription;

        CappedBody(int cap, int status, String requestId) {
            this.cap = cap;
            this.status = status;
            this.requestId = requestId;
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<java.nio.ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (java.nio.ByteBuffer b : buffers) {
                if ((long) bytes.size() + b.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new ApiException.CapReached(status, "the answer is larger than "
                            + (cap >= 1 << 20 ? (cap >> 20) + " MiB" : cap + " bytes")
                            + ", the console's cap on bytes per response", requestId));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }

    private static boolean isTransient(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException.Network("The request was cancelled.", e);
        }
    }

    private HttpRequest request(Call call, String requestId, Duration limit) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(baseUrl.resolve(stripSlash(baseUrl.getPath()) + call.path))
                .timeout(limit)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", userAgent)
                .header("X-Request-Id", requestId);
        if (auth instanceof AuthScheme.Bearer) {
            rb.header("Authorization", "Bearer " + key.reveal());
        } else if (auth instanceof AuthScheme.ApiKeyHeader h) {
            rb.header(h.headerName(), key.reveal());
        }
        call.headers.forEach(rb::header);
        if (call.body != null) {
            rb.header("Content-Type", "application/json; charset=utf-8");
            rb.method(call.method, HttpRequest.BodyPublishers.ofString(call.body, StandardCharsets.UTF_8));
        } else {
            rb.method(call.method, HttpRequest.BodyPublishers.noBody());
        }
        return rb.build();
    }

    private static String stripSlash(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private ApiException.Network networkFailure(IOException e, int attempts, long waitedNanos) {
        String host = baseUrl.getHost() + (baseUrl.getPort() > 0 ? ":" + baseUrl.getPort() : "");
        String waited = String.format(Locale.ROOT, " (waited %.1f s in all%s)", waitedNanos / 1e9,
                attempts > 1 ? ", " + attempts + " attempts" : "");
        if (e instanceof HttpConnectTimeoutException) {
            return new ApiException.Network("Could not connect to " + host + " (timed out)" + waited + ".", e);
        }
        if (e instanceof WholeAnswerTimeout || e instanceof HttpTimeoutException) {
            return new ApiException.Network("The server did not answer completely within "
                    + limitText(requestTimeout) + ", the limit for one request" + waited + ".", e);
        }
        if (e instanceof SSLHandshakeException && isHostMismatch(e)) {
            return new ApiException.Network("The server's certificate is for another host, not " + baseUrl.getHost()
                    + ". Check the address; if it is right, the server's certificate must name it.", e);
        }
        if (e instanceof ConnectException) {
            return new ApiException.Network("Could not connect to " + host + " (connection refused).", e);
        }
        if (e instanceof SSLHandshakeException) {
            return new ApiException.Network("The server's certificate is not trusted for " + host
                    + ". If your organisation uses its own CA, add its certificate to the connection.", e);
        }
        if (e instanceof SSLException) {
            return new ApiException.Network("A secure connection to " + host + " failed.", e);
        }
        if (e instanceof java.io.EOFException || e.getCause() instanceof java.io.EOFException) {
            return new ApiException.Network("The connection to " + host + " broke before the answer was complete.", e);
        }
        if (e instanceof java.net.UnknownHostException) {
            return new ApiException.Network("The host " + baseUrl.getHost() + " is unknown.", e);
        }
        return new ApiException.Network("The connection to " + host + " failed.", e);
    }

    private static String limitText(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1e3);
    }

    /** A handshake that failed because the certificate names other hosts (not because it is untrusted). */
    private static boolean isHostMismatch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException && t.getMessage() != null
                    && (t.getMessage().contains("No subject alternative") || t.getMessage().contains("No name matching"))) {
                return true;
            }
        }
        return false;
    }

    /** Configures and builds a client. */
    public static final class Builder {
        private final URI baseUrl;
        private final ApiKey key;
        private AuthScheme auth = AuthScheme.header();
        private Path caCertificate;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Sleeper sleeper = Sleeper.REAL;
        private Clock clock = Clock.systemUTC();
        private String userAgent = "approvals-console";
        private Dialect dialect = Dialect.CONTRACT;
        private int maxItems = DEFAULT_MAX_ITEMS;
        private int maxPages = DEFAULT_MAX_PAGES;
        private int maxBodyBytes = MAX_BODY_BYTES;
        private Duration callTimeout;

        private Builder(URI baseUrl, ApiKey key) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            this.key = Objects.requireNonNull(key, "key");
        }

        public Builder auth(AuthScheme auth) {
            this.auth = Objects.requireNonNull(auth);
            return this;
        }

        public Builder caCertificate(Path pem) {
            this.caCertificate = pem;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        public Builder requestTimeout(Duration d) {
            this.requestTimeout = d;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retry = policy;
            return this;
        }

        public Builder sleeper(Sleeper s) {
            this.sleeper = s;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Builder userAgent(String ua) {
            this.userAgent = ua;
            return this;
        }

        /** How the server spells the API (field names, spellings, time zone); null for the contract's own. */
        public Builder dialect(Dialect d) {
            this.dialect = d == null ? Dialect.CONTRACT : d;
            return this;
        }

        /** Cap on the items of one list fetch (default 500,000): more is a clear error, never a full heap. */
        public Builder maxItems(int n) {
            this.maxItems = Math.max(1, n);
            return this;
        }

        /** Cap on the pages of one list fetch (default 10,000). */
        public Builder maxPages(int n) {
            this.maxPages = Math.max(1, n);
            return this;
        }

        /** Cap on the bytes of one answer (default 64 MiB). */
        public Builder maxBodyBytes(int n) {
            this.maxBodyBytes = Math.max(1024, n);
            return this;
        }

        /** Limit of one call, its retries and their waits included (default: the request time-out). */
        public Builder callTimeout(Duration d) {
            this.callTimeout = d;
            return this;
        }

        /** Throws InsecureUrl for http:// to a host that is not loopback. */
        public ApprovalsClient build() {
            checkUrl(baseUrl);
            return new ApprovalsClient(this);
        }
    }

    /** Refuses a URL over which the key would travel in clear text, or that is not a URL at all. */
    public static void checkUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("Not an http(s) URL: " + url);
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The URL must not contain a user name or password.");
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new ApiException.InsecureUrl(url.getHost());
        }
    }

    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name other than localhost: never resolve it to decide
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
