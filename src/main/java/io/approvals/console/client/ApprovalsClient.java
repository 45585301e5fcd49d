package io.approvals.console.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.approvals.console.client.HttpTransport.Call;
import io.approvals.console.client.HttpTransport.Exchange;
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
import io.approvals.console.contract.UpdateStatusRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The Approvals API over HTTP ({@code java.net.http} + Jackson): its endpoints, each one call through the
 * {@link HttpTransport}; the pending list through the {@link PendingListFetcher}. Thread-safe; blocking.
 *
 * <p>Retries with backoff on connection failures, 502/503/504 and 429 for reads, and for creates
 * because each logical create carries one Idempotency-Key reused on every attempt. Decisions and key
 * operations are never retried: a lost answer must not turn into a second decision or a second key.
 */
public final class ApprovalsClient implements ApprovalsApi {
    static final String APPROVALS = "/approvals/";
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    /** Defaults of the caps that keep memory bounded whatever a server sends (settable on the builder). */
    public static final int DEFAULT_MAX_ITEMS = 500_000;

    public static final int DEFAULT_MAX_PAGES = 10_000;

    private final URI baseUrl;
    private final Clock clock;
    private final Dialect dialect;
    private final boolean contractDialect;
    private final int maxItems;
    private final HttpTransport transport;
    private final PendingListFetcher pages;
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

    ApprovalsClient(ApprovalsClientBuilder b) {
        this.baseUrl = b.baseUrl;
        this.clock = b.clock;
        this.dialect = b.dialect == null ? Dialect.CONTRACT : b.dialect;
        this.contractDialect = this.dialect.fields().isEmpty()
                && this.dialect.spellings().isEmpty()
                && this.dialect.idType() == null
                && this.dialect.versionType() == null;
        this.maxItems = b.maxItems;
        this.transport = new HttpTransport(b, dialect);
        this.pages = new PendingListFetcher(transport, dialect, b.maxItems, b.maxPages, clock, this::remember);
    }

    /**
     * Does the one-time work of a first request to this server without sending one: loads the HTTP client and
     * its TLS set-up for the URL, and teaches the shared decoder the shape of a page of approvals. The desktop app
     * calls it while the keychain is asked for the key, so that the first page is not slowed by it.
     */
    public static void warmUp(URI baseUrl, Path caCertificate) {
        HttpTransport.httpClient(baseUrl, caCertificate, Duration.ofSeconds(10));
        DECODER.page(SAMPLE_PAGE, Approval.class, 200, null);
    }

    private static final byte[] SAMPLE_PAGE = ("{\"items\":[{\"id\":\"a\",\"title\":\"t\",\"description\":\"d\","
                    + "\"requester\":\"r\",\"approver\":\"p\",\"priority\":\"High\",\"dueAt\":\"2026-01-01T00:00:00Z\","
                    + "\"status\":\"Pending\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\","
                    + "\"decidedBy\":null,\"decidedAt\":null,\"comment\":null,\"version\":1}],\"nextCursor\":null}")
            .getBytes(StandardCharsets.UTF_8);

    public static ApprovalsClientBuilder builder(URI baseUrl, ApiKey key) {
        return new ApprovalsClientBuilder(baseUrl, key);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    // ---- approvals ----

    @Override
    public Page<Approval> listNotComplete(String approver, int limit, String cursor) {
        Exchange ex = send(
                Call.get(PendingListFetcher.listPath(approver, limit, cursor)).asRetryable());
        Page<Approval> plain = DECODER.plainApprovals(ex.body());
        if (plain != null) {
            return plain;
        }
        Page<Approval> page = DECODER.approvals(DECODER.pageTree(ex.body(), ex.status(), ex.requestId()), dialect);
        remember(page.items());
        return page;
    }

    /**
     * Every page, each asked with its last ETag, the next one asked for while this one is read (see
     * {@link PendingListFetcher}).
     */
    @Override
    public PendingSnapshot fetchAllNotComplete(String approver, PendingSnapshot previous) {
        return pages.fetchAll(approver, previous, page -> {});
    }

    @Override
    public PendingSnapshot fetchAllNotComplete(
            String approver, PendingSnapshot previous, Consumer<List<Approval>> eachPage) {
        return pages.fetchAll(approver, previous, eachPage);
    }

    @Override
    public Approval createApproval(CreateApprovalRequest request, String idempotencyKey) {
        Objects.requireNonNull(request, "request");
        String idem = idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString()
                : idempotencyKey;
        Exchange ex = send(Call.post(
                        APPROVALS + "CreateApproval",
                        contractDialect ? json(request) : json(DialectBodies.create(request, dialect)))
                .header("Idempotency-Key", idem)
                .asRetryable());
        Approval created = DECODER.approval(ex.body(), dialect, ex.status(), ex.requestId());
        if (created == null) {
            // 201 + Location, or 204: read the new approval where the server says it is, else as we sent it
            created = readLocation(ex)
                    .orElseGet(() ->
                            DialectBodies.asCreated(request, UrlPolicy.idFromLocation(ex.location()), clock.instant()));
        }
        remember(List.of(created));
        return created;
    }

    @Override
    public Approval updateStatus(UpdateStatusRequest request) {
        Objects.requireNonNull(request, "request");
        Approval.Raw raw = rawById.get(request.id());
        String body =
                contractDialect && raw == null ? json(request) : json(DialectBodies.update(request, dialect, raw));
        Exchange ex = send(Call.post(APPROVALS + "UpdateApprovalStatus", body));
        Approval decided = DECODER.approval(ex.body(), dialect, ex.status(), ex.requestId());
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
            if (a.raw() != null
                    && (a.raw().idIsNumber()
                            || (a.raw().versionToken() != null && !a.raw().versionIsNumber()))) {
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
        if (ex.location() == null) {
            return java.util.Optional.empty();
        }
        try {
            java.util.Optional<String> path = UrlPolicy.pathOnOrigin(baseUrl, ex.location());
            if (path.isEmpty()) {
                return java.util.Optional.empty();
            }
            Exchange read = send(Call.get(path.get()).asRetryable());
            return java.util.Optional.ofNullable(
                    DECODER.approval(read.body(), dialect, read.status(), read.requestId()));
        } catch (ApiException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    // ---- keys ----

    @Override
    public KeyMetadata currentKey() {
        Exchange ex = send(Call.get("/apikeys/current").asRetryable());
        return DECODER.object(ex.body(), KeyMetadata.class, ex.status(), ex.requestId());
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
        Exchange ex =
                send(Call.post("/apikeys/current/regenerate", json(new RegenerateKeyRequest(oldKeyValidForSeconds))));
        return DECODER.object(ex.body(), IssuedKey.class, ex.status(), ex.requestId());
    }

    @Override
    public Page<KeyMetadata> listKeys(String cursor) {
        String path = "/apikeys" + (cursor == null ? "" : "?cursor=" + enc(cursor));
        Exchange ex = send(Call.get(path).asRetryable());
        return DECODER.page(ex.body(), KeyMetadata.class, ex.status(), ex.requestId());
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
        return DECODER.object(ex.body(), IssuedKey.class, ex.status(), ex.requestId());
    }

    @Override
    public IssuedKey regenerateKey(String keyId, int oldKeyValidForSeconds) {
        Exchange ex = send(Call.post(
                "/apikeys/" + enc(keyId) + "/regenerate", json(new RegenerateKeyRequest(oldKeyValidForSeconds))));
        return DECODER.object(ex.body(), IssuedKey.class, ex.status(), ex.requestId());
    }

    @Override
    public KeyMetadata revokeKey(String keyId) {
        Exchange ex = send(Call.post("/apikeys/" + enc(keyId) + "/revoke", "{}"));
        return DECODER.object(ex.body(), KeyMetadata.class, ex.status(), ex.requestId());
    }

    /**
     * A 405 (or 501) is the server saying it lacks the endpoint. A 404 may mean either "no such key" or "no such path",
     * and servers word both alike (the sandbox answers both with a problem body): the key list tells them apart. A key
     * the server lists exists, so a 404 for it is about the path; a key it does not list is unknown.
     */
    @Override
    public GraceEnd expirePreviousSecrets(String keyId) {
        try {
            Exchange ex = send(Call.post("/apikeys/" + enc(keyId) + "/expire-previous", "{}"));
            return GraceEnd.ended(DECODER.object(ex.body(), KeyMetadata.class, ex.status(), ex.requestId()));
        } catch (ApiException.NotFound unknownKeyOrPath) {
            boolean listed;
            try {
                listed = listAllKeys().stream().anyMatch(k -> keyId.equals(k.id()));
            } catch (ApiException.NotFound noKeyEndpoints) {
                return GraceEnd.UNAVAILABLE;
            }
            if (listed) {
                return GraceEnd.UNAVAILABLE;
            }
            throw unknownKeyOrPath;
        } catch (ApiException.Server e) {
            if (e.status() == 405 || e.status() == 501) {
                return GraceEnd.UNAVAILABLE;
            }
            throw e;
        }
    }

    @Override
    public Page<AuditEntry> audit(int limit, String cursor) {
        String path = "/audit?limit=" + limit + (cursor == null ? "" : "&cursor=" + enc(cursor));
        Exchange ex = send(Call.get(path).asRetryable());
        return DECODER.page(ex.body(), AuditEntry.class, ex.status(), ex.requestId());
    }

    // ---- bodies and sending ----

    private Exchange send(Call call) {
        return transport.send(call);
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

    /** Refuses a URL over which the key would travel in clear text, or that is not a URL at all. */
    public static void checkUrl(URI url) {
        UrlPolicy.checkUrl(url);
    }
}
