package io.approvals.console.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks, on a thread of its own, every exchange the test JVM's sandboxes answered against docs/api/openapi.yaml:
 * every answer must be one the document describes for its operation (status, media type, headers, body shape),
 * and every request the console's client sent (User-Agent approvals-console…) that the sandbox took as sent
 * (see {@link #acceptedAsSent}) must be one the document allows.
 * Requests from tests that send broken requests on purpose are not checked, only the answers to them. Answers on
 * paths the document does not describe (404s, 405s) must still be problem+json. At JVM exit the figures go to
 * target/reliability/openapi-exchanges.json; the build's last step (OpenApiExchangeGate) fails on a mismatch.
 */
public final class OpenApiExchanges {
    /** One request and its answer, as the sandbox saw them. */
    public record Exchange(
            String method,
            String rawPathAndQuery,
            Map<String, List<String>> requestHeaders,
            byte[] requestBody,
            int status,
            Map<String, List<String>> responseHeaders,
            byte[] responseBody) {}

    public static final String SUITE = "openapi-exchanges";
    private static final int MAX_LISTED = 50;
    /** Keys in answers (issue, regenerate) are masked before a line is kept: reports must hold no key. */
    private static final java.util.regex.Pattern KEY_LIKE =
            java.util.regex.Pattern.compile("(apv_[0-9A-Za-z]{4})[0-9A-Za-z]{4,}");

    private static final OpenApiExchanges INSTANCE = new OpenApiExchanges();

    private final BlockingQueue<Exchange> queue = new ArrayBlockingQueue<>(2_000);
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong checked = new AtomicLong();
    private long clientRequests;
    private long outsideDocument;
    private long mismatches;
    private final Map<String, Long> byOperation = new TreeMap<>();
    private final Map<String, Long> byStatus = new TreeMap<>();
    private final List<String> listed = new ArrayList<>();

    private OpenApiExchanges() {
        Thread worker = new Thread(this::work, "openapi-exchange-check");
        worker.setDaemon(true);
        worker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::finish, "openapi-exchange-report"));
    }

    public static OpenApiExchanges get() {
        return INSTANCE;
    }

    /**
     * Queues an exchange; waits while 2,000 are queued (bodies of up to 64 KiB each: ~130 MB at worst), so the check
     * keeps up with the tests or slows them down, and never skips one.
     */
    public void offer(Exchange e) {
        offered.incrementAndGet();
        try {
            queue.put(e);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        while (true) {
            try {
                check(queue.take());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                synchronized (this) {
                    mismatch("checker failed: " + e);
                }
            }
        }
    }

    /** Waits until everything offered so far was checked (or the time is up); then the figures are complete. */
    public boolean awaitChecked(long timeout, TimeUnit unit) throws InterruptedException {
        long until = System.nanoTime() + unit.toNanos(timeout);
        while (checked.get() < offered.get()) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Mismatches so far. */
    public synchronized long mismatches() {
        return mismatches;
    }

    private void check(Exchange e) {
        OpenApiContract api = OpenApiContract.get();
        String path = e.rawPathAndQuery().split("\\?", 2)[0];
        String ua = first(e.requestHeaders(), "User-Agent");
        boolean fromClient = ua != null && ua.startsWith("approvals-console");
        // method names are case-sensitive (RFC 9110): "get" is no GET, and the sandbox answers it 405
        String method = e.method();
        String operation = method.equals(method.toUpperCase(Locale.ROOT))
                ? api.operationOf(method.equals("HEAD") ? "GET" : method, path)
                : null;
        List<String> problems = new ArrayList<>();
        if (path.equals("/docs") || path.startsWith("/docs/")) {
            // the HTML page and Swagger UI's files, not part of the API
        } else if (operation == null) {
            problems.addAll(problemShape(e));
        } else {
            problems.addAll(
                    api.checkResponse(method, e.rawPathAndQuery(), e.status(), e.responseHeaders(), e.responseBody()));
            if (fromClient && acceptedAsSent(e.status())) {
                for (String p : api.checkRequest(method, e.rawPathAndQuery(), e.requestHeaders(), e.requestBody())) {
                    problems.add("request: " + p);
                }
            }
        }
        synchronized (this) {
            if (fromClient && operation != null) {
                clientRequests++;
            }
            if (operation == null) {
                outsideDocument++;
            }
            byOperation.merge(
                    operation == null
                            ? "(not in the document)"
                            : (method.equals("HEAD") ? "HEAD " + operation.substring(4) : operation),
                    1L,
                    Long::sum);
            byStatus.merge(Integer.toString(e.status()), 1L, Long::sum);
            for (String p : problems) {
                mismatch(method + " " + e.rawPathAndQuery() + " -> " + e.status() + ": " + p
                        + (e.responseBody().length > 0
                                ? " | answer: " + OpenApiContract.excerpt(e.responseBody())
                                : ""));
            }
        }
        checked.incrementAndGet();
    }

    /**
     * Whether the sandbox took the request as sent, so its body was read and judged acceptable: the console's
     * client passes what the user typed to the server, which is the judge, and tests make it send a 201-character
     * title or a 65-KiB body on purpose; those (400, 413, 415, 422) and requests stopped before their body was
     * read (401, 403, 429, 431) are not held against the client.
     */
    private static boolean acceptedAsSent(int status) {
        return status < 400 || status == 404 || status == 409;
    }

    /** Outside the document's operations (unknown path, other method): a problem+json answer all the same. */
    private static List<String> problemShape(Exchange e) {
        List<String> out = new ArrayList<>();
        String type = first(e.responseHeaders(), "Content-Type");
        if (e.status() < 400) {
            out.add("a " + e.status() + " on a path/method the document does not describe");
        }
        if (e.method().equalsIgnoreCase("HEAD")) {
            return out;
        }
        if (type == null || !type.startsWith("application/problem+json")) {
            out.add("Content-Type " + type + ", not application/problem+json");
            return out;
        }
        try {
            var node = OpenApiContract.JSON.readTree(e.responseBody());
            for (String field : List.of("type", "title", "status", "detail", "traceId")) {
                if (!node.hasNonNull(field)) {
                    out.add("problem without " + field);
                }
            }
        } catch (java.io.IOException ex) {
            out.add("body is not JSON: " + new String(e.responseBody(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private void mismatch(String line) {
        mismatches++;
        if (listed.size() < MAX_LISTED) {
            listed.add(KEY_LIKE.matcher(line).replaceAll("$1\u2026"));
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                return h.getValue().get(0);
            }
        }
        return null;
    }

    private void finish() {
        if (offered.get() == 0) {
            return;
        }
        try {
            awaitChecked(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            new ReliabilityFigures(
                            SUITE, "every sandbox exchange of the test JVM checked against docs/api/openapi.yaml")
                    .put("operations", OpenApiContract.get().operations().size())
                    .put("exchanges", checked.get())
                    .put("uncheckedAtExit", offered.get() - checked.get())
                    .put("clientRequestsChecked", clientRequests)
                    .put("outsideDocument", outsideDocument)
                    .put("byOperation", byOperation)
                    .put("statuses", byStatus)
                    .put("mismatches", mismatches)
                    .put("firstMismatches", listed)
                    .write();
        }
    }
}
