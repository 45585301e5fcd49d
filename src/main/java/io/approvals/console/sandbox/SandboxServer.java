package io.approvals.console.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.approvals.console.contract.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side: binds 127.0.0.1 only, runs handlers on a bounded pool, and puts every request through
 * the same pipeline: request id, route (404/405), authentication (401/429), scope (403), body (413,
 * 415, 400), handler. Every answer carries X-Request-Id; every failure is problem+json.
 */
final class SandboxServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SandboxServer.class.getName());
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:~+/=-]{1,128}");
    static final int THREADS = 16;
    static final int QUEUE = 256;
    /** Header fields (names + values) larger than this in all are a 431; real clients send ~1 KiB. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    static {
        // Without TCP_NODELAY, small answers written as headers + body meet the peer's delayed ACK:
        // ~40 ms per request. Read once, when the JDK's server first loads its configuration.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final ThreadPoolExecutor pool;
    private final List<Route> routes;
    private final Authenticator authenticator;
    private final List<ExchangeObserver> observers = ExchangeObserver.installed();

    SandboxServer(int port, List<Route> routes, Authenticator authenticator) throws IOException {
        this.routes = List.copyOf(routes);
        this.authenticator = authenticator;
        AtomicInteger threadNumber = new AtomicInteger();
        // bounded: a flood waits in the queue, then runs on the accepting thread (back-pressure)
        this.pool = new ThreadPoolExecutor(
                THREADS,
                THREADS,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, "sandbox-http-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        http.createContext("/", this::handle);
        http.setExecutor(pool);
        http.start();
    }

    int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange ex) {
        CapturingInputStream captured = null;
        if (!observers.isEmpty()) {
            captured = new CapturingInputStream(ex.getRequestBody(), RequestBodies.MAX_BYTES + 1);
            ex.setStreams(captured, null);
        }
        String requestId = requestId(ex.getRequestHeaders().getFirst("X-Request-Id"));
        Reply reply;
        try {
            reply = dispatch(ex);
        } catch (ApiProblem p) {
            reply = Responses.problem(p, requestId);
        } catch (Exception | StackOverflowError e) {
            // the class and, for the database, H2's error code: enough to find the cause, and never a
            // message that could quote a request
            LOG.log(
                    Level.WARNING,
                    "request " + requestId + " failed: " + e.getClass().getName()
                            + (e instanceof java.sql.SQLException sql ? " (H2 error " + sql.getErrorCode() + ")" : ""));
            reply = Responses.problem(ApiProblem.internal(), requestId);
        }
        send(ex, reply, requestId);
        if (captured != null) {
            byte[] answered = isHead(ex) || reply.status() == 304 ? new byte[0] : reply.body();
            for (ExchangeObserver o : observers) {
                o.exchange(
                        ex.getRequestMethod(),
                        ex.getRequestURI().getRawPath()
                                + (ex.getRequestURI().getRawQuery() == null
                                        ? ""
                                        : "?" + ex.getRequestURI().getRawQuery()),
                        ex.getRequestHeaders(),
                        captured.captured(),
                        reply.status(),
                        ex.getResponseHeaders(),
                        answered);
            }
        }
    }

    /** Keeps a copy of the first bytes read through it, for {@link ExchangeObserver}s. */
    private static final class CapturingInputStream extends java.io.FilterInputStream {
        private final java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
        private final int limit;

        CapturingInputStream(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && copy.size() < limit) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                copy.write(b, off, Math.min(n, Math.max(0, limit - copy.size())));
            }
            return n;
        }

        byte[] captured() {
            return copy.toByteArray();
        }
    }

    private Reply dispatch(HttpExchange ex) throws Exception {
        long headerBytes = 0;
        for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
            for (String v : h.getValue()) {
                headerBytes += h.getKey().length() + v.length() + 4;
            }
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            throw ApiProblem.headersTooLarge(MAX_HEADER_BYTES);
        }
        String method = ex.getRequestMethod();
        // HEAD is a GET without the body (RFC 9110 9.3.2): same route, checks, status and headers
        String routeMethod = isHead(ex) ? "GET" : method;
        String path = ex.getRequestURI().getRawPath();
        Route route = null;
        Matcher match = null;
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            Matcher m = r.path().matcher(path == null ? "" : path);
            if (m.matches()) {
                allowed.add(r.method());
                if (r.method().equals("GET")) {
                    allowed.add("HEAD");
                }
                if (r.method().equals(routeMethod) && route == null) {
                    route = r;
                    match = m;
                }
            }
        }
        if (allowed.isEmpty()) {
            throw ApiProblem.notFound("There is no endpoint at " + io.approvals.console.contract.Wire.clip(path) + ".");
        }
        if (route == null) {
            throw ApiProblem.methodNotAllowed(
                    io.approvals.console.contract.Wire.clip(method), String.join(", ", allowed));
        }
        String address = ex.getRemoteAddress().getAddress().getHostAddress();
        Caller caller = route.open() ? Caller.ANONYMOUS : authenticator.authenticate(ex.getRequestHeaders(), address);
        if (route.scope() != null && !caller.has(route.scope())) {
            throw ApiProblem.forbidden(route.scope());
        }
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        List<String> params = new ArrayList<>();
        for (int i = 1; i <= match.groupCount(); i++) {
            params.add(decode(match.group(i)));
        }
        ObjectNode body;
        try (InputStream in = ex.getRequestBody()) {
            body = route.takesBody()
                    ? RequestBodies.requireObject(ex.getRequestHeaders(), in)
                    : routeMethod.equals("GET") ? null : RequestBodies.optionalObject(ex.getRequestHeaders(), in);
        }
        return route.handler().handle(new Call(method, path, query, params, ex.getRequestHeaders(), caller, body));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("The URL has a broken percent-encoding.");
        }
    }

    private static String requestId(String sent) {
        if (sent != null && SANE_REQUEST_ID.matcher(sent).matches()) {
            return sent;
        }
        // not a secret, only unique: ThreadLocalRandom, because UUID.randomUUID() shares one
        // synchronized SecureRandom between all worker threads (seen contended in a JFR profile)
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(hi, lo).toString();
    }

    private static void send(HttpExchange ex, Reply reply, String requestId) {
        try (ex) {
            var headers = ex.getResponseHeaders();
            headers.set("X-Request-Id", requestId);
            headers.set("Cache-Control", "no-store");
            reply.headers().forEach(headers::set);
            boolean noBody = reply.status() == 304 || reply.body().length == 0;
            if (reply.contentType() != null && !noBody) {
                headers.set("Content-Type", reply.contentType());
            }
            if (isHead(ex)) {
                // the headers a GET would get, Content-Length included (the JDK sets none for HEAD), no body
                if (!noBody) {
                    headers.set("Content-Length", Integer.toString(reply.body().length));
                }
                noBody = true;
            }
            ex.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
            if (!noBody) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
            LOG.log(Level.FINE, "request " + requestId + ": could not send the answer", e);
        }
    }

    private static boolean isHead(HttpExchange ex) {
        return "HEAD".equals(ex.getRequestMethod());
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The routes of the contract, and the sandbox's one extension (expire-previous). */
    static List<Route> routes(ApprovalHandlers approvals, KeyHandlers keys, AuditHandler audit, ApiDocs docs) {
        String id = "([A-Za-z0-9_%.-]{1,100})";
        return List.of(
                Route.open("/openapi.json", docs::openApi),
                Route.open("/docs/?", docs::page),
                Route.open("/docs/([A-Za-z0-9._-]{1,100})", docs::asset),
                Route.get("/approvals/GetApprovalNotComplete", Scope.READ, approvals::listNotComplete),
                Route.post("/approvals/CreateApproval", Scope.WRITE, approvals::create),
                Route.post("/approvals/UpdateApprovalStatus", Scope.WRITE, approvals::updateStatus),
                Route.get("/apikeys/current", null, keys::current),
                Route.post("/apikeys/current/regenerate", null, keys::regenerateCurrent),
                Route.get("/apikeys", Scope.ADMIN, keys::list),
                Route.post("/apikeys", Scope.ADMIN, keys::issue),
                Route.post("/apikeys/" + id + "/regenerate", Scope.ADMIN, keys::regenerate),
                Route.postNoBody("/apikeys/" + id + "/revoke", Scope.ADMIN, keys::revoke),
                // an extension of the contract (docs/api/openapi.yaml says so): end a grace period early
                Route.postNoBody("/apikeys/" + id + "/expire-previous", Scope.ADMIN, keys::expirePrevious),
                Route.get("/audit", Scope.ADMIN, audit::list));
    }
}
