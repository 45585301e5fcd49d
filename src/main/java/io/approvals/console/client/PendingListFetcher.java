package io.approvals.console.client;

import io.approvals.console.client.HttpTransport.Call;
import io.approvals.console.client.HttpTransport.Exchange;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.Dialect;
import io.approvals.console.contract.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The whole pending list, page by page, with the next page asked for while this one is read, each page with its
 * last ETag, and caps on items and pages so that no server can fill the heap or loop forever.
 */
final class PendingListFetcher {
    private static final ResponseDecoder DECODER = ResponseDecoder.SHARED;

    private final HttpTransport transport;
    private final Dialect dialect;
    private final int maxItems;
    private final int maxPages;
    private final Clock clock;
    private final Consumer<List<Approval>> remember;

    /** {@code remember} keeps what a decision must send back of items read in a dialect (see ApprovalsClient). */
    PendingListFetcher(
            HttpTransport transport,
            Dialect dialect,
            int maxItems,
            int maxPages,
            Clock clock,
            Consumer<List<Approval>> remember) {
        this.transport = transport;
        this.dialect = dialect;
        this.maxItems = maxItems;
        this.maxPages = maxPages;
        this.clock = clock;
        this.remember = remember;
    }

    /**
     * Every page, each asked with its last ETag. The next page is requested as soon as this one's cursor is known,
     * and travels while this one's items are handled: on a big list that hides the round trips (measured on
     * 100,000 approvals from the sandbox: sending took longer than decoding). A page in the contract's plain form
     * is read whole first, without data binding, in less time than its round trip; any other page is parsed to a
     * tree, the next page sent, and then its items bound. {@code eachPage} is given each page's items once they
     * are part of the list.
     */
    PendingSnapshot fetchAll(String approver, PendingSnapshot previous, Consumer<List<Approval>> eachPage) {
        Map<String, PendingSnapshot.CachedPage> before = previous == null ? Map.of() : previous.pages();
        Map<String, PendingSnapshot.CachedPage> pages = new HashMap<>();
        List<Approval> all = new ArrayList<>();
        Set<String> seenCursors = new HashSet<>();
        Map<String, String> people = new HashMap<>();
        Map<String, Approval> previousById = null; // made at the first page the server sent again
        boolean allUnchanged = !before.isEmpty();
        int partlyRead = 0;
        int skipped = 0;
        String cursor = null;
        CompletableFuture<Exchange> next = null;
        try {
            for (int n = 0; n < maxPages; n++) {
                String pageKey = cursor == null ? "" : cursor;
                PendingSnapshot.CachedPage cached = before.get(pageKey);
                Exchange ex = next != null ? awaitPage(next) : transport.send(pageCall(approver, cursor, cached));
                next = null;
                PendingSnapshot.CachedPage page;
                if (ex.status() == 304 && cached != null) {
                    page = cached;
                } else {
                    allUnchanged = false;
                    // A page that names its cursor first (the sandbox's) has the next one asked for before its items
                    // are read: the server then works on it while this client reads these.
                    String early = PlainApprovalPage.leadingCursor(ex.body());
                    if (early != null && !seenCursors.contains(early)) {
                        next = sendAhead(approver, early, before);
                    }
                    Page<Approval> plain = DECODER.plainApprovals(ex.body());
                    ResponseDecoder.PageTree tree =
                            plain != null ? null : DECODER.pageTree(ex.body(), ex.status(), ex.requestId());
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
                        remember.accept(read.items());
                    }
                    if (previousById == null) {
                        previousById = byId(previous);
                    }
                    page = new PendingSnapshot.CachedPage(
                            ex.etag(),
                            sameAsBefore(sharingPeople(read.items(), people), previousById),
                            after,
                            read.partlyRead(),
                            read.skipped());
                }
                pages.put(pageKey, page);
                if (all.size() + page.items().size() > maxItems) {
                    throw new ApiException.CapReached(
                            ex.status(),
                            "the list has more than " + maxItems
                                    + " items, the console's cap on items per list (-Dapprovals.maxItems=N)",
                            ex.requestId());
                }
                all.addAll(page.items());
                eachPage.accept(page.items());
                partlyRead += page.partlyRead();
                skipped += page.skipped();
                if (page.nextCursor() == null) {
                    return new PendingSnapshot(
                            List.copyOf(all), Map.copyOf(pages), clock.instant(), allUnchanged, partlyRead, skipped);
                }
                if (!seenCursors.add(page.nextCursor())) {
                    throw new ApiException.Server(ex.status(), "the server's paging repeats itself", ex.requestId());
                }
                cursor = page.nextCursor();
            }
        } finally {
            if (next != null) {
                // A failure left a request in flight: a GET, whose answer nobody needs.
                next.cancel(false);
            }
        }
        throw new ApiException.CapReached(
                200,
                "the list has more than " + maxPages
                        + " pages, the console's cap on pages per fetch (-Dapprovals.maxPages=N)",
                null);
    }

    /** Sends the page at cursor on another thread, with the ETag of the page there in before. */
    private CompletableFuture<Exchange> sendAhead(
            String approver, String cursor, Map<String, PendingSnapshot.CachedPage> before) {
        Call call = pageCall(approver, cursor, before.get(cursor));
        return CompletableFuture.supplyAsync(() -> transport.send(call), NEXT_PAGE);
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

    private static Map<String, Approval> byId(PendingSnapshot previous) {
        if (previous == null || previous.items().isEmpty()) {
            return Map.of();
        }
        Map<String, Approval> out = new HashMap<>((int) (previous.items().size() / 0.75) + 1);
        for (Approval a : previous.items()) {
            out.putIfAbsent(a.id(), a);
        }
        return out;
    }

    /**
     * An approval equal to the one the previous list had under its id becomes that very object: whoever compares
     * the lists finds an unchanged approval by identity, here, off the UI thread, rather than field by field there
     * (the window merges a refreshed list of 100,000 on its UI thread); and the new copy is garbage at once.
     */
    private static List<Approval> sameAsBefore(List<Approval> items, Map<String, Approval> before) {
        if (before.isEmpty()) {
            return items;
        }
        List<Approval> out = new ArrayList<>(items.size());
        for (Approval a : items) {
            Approval was = a.id() == null ? null : before.get(a.id());
            out.add(was != null && was.equals(a) ? was : a);
        }
        return out;
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
            Instant updatedAt =
                    a.updatedAt() != null && a.updatedAt().equals(a.createdAt()) ? a.createdAt() : a.updatedAt();
            out.add(
                    requester == a.requester()
                                    && approver == a.approver()
                                    && decidedBy == a.decidedBy()
                                    && updatedAt == a.updatedAt()
                            ? a
                            : new Approval(
                                    a.id(),
                                    a.title(),
                                    a.description(),
                                    requester,
                                    approver,
                                    a.priority(),
                                    a.dueAt(),
                                    a.status(),
                                    a.createdAt(),
                                    updatedAt,
                                    decidedBy,
                                    a.decidedAt(),
                                    a.comment(),
                                    a.version(),
                                    a.raw()));
        }
        return out;
    }

    private static String shared(String s, Map<String, String> people) {
        return s == null ? null : people.computeIfAbsent(s, k -> k);
    }

    static String listPath(String approver, int limit, String cursor) {
        StringBuilder p = new StringBuilder(ApprovalsClient.APPROVALS)
                .append("GetApprovalNotComplete?limit=")
                .append(limit);
        if (approver != null && !approver.isBlank()) {
            p.append("&approver=").append(enc(approver));
        }
        if (cursor != null && cursor.startsWith(ResponseDecoder.PAGE_CURSOR)) {
            // a page-numbered list (Spring's): the cursor is the client's own, the server wants page and size
            String[] pageAndSize =
                    cursor.substring(ResponseDecoder.PAGE_CURSOR.length()).split(":");
            p.append("&page=")
                    .append(enc(pageAndSize[0]))
                    .append("&size=")
                    .append(pageAndSize.length > 1 ? enc(pageAndSize[1]) : limit);
        } else if (cursor != null) {
            p.append("&cursor=").append(enc(cursor));
        }
        return p.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
