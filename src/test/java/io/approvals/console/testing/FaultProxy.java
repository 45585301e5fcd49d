package io.approvals.console.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scriptable HTTP proxy on 127.0.0.1 in front of a real server: it forwards every request, or, on command, fails
 * the ones whose path contains a given text in one way (reset, truncated body, hang, 5xx, 429, or the server
 * applying the request and then dying before it answers). One request per connection ("Connection: close").
 */
public final class FaultProxy implements AutoCloseable {

    public enum Fault {
        /** Forward normally. */
        NONE,
        /** Reset the connection before the server sees the request. */
        RESET,
        /** The server applies the request, then the connection is reset before the answer: it died mid-request. */
        DIE_AFTER_APPLYING,
        /** Forward, then send the head and half the body (Content-Length promises all of it) and close. */
        TRUNCATE,
        /** Never answer (until the proxy closes). */
        HANG,
        STATUS_500,
        STATUS_502,
        STATUS_503,
        /** 429 with Retry-After: {@link #retryAfterSeconds}. */
        RATE_LIMIT,
        /**
         * The server applies the request and answers; the answer is held until {@link #release()}, so a test can
         * inject another fault at the exact moment the client is waiting for it ({@link #awaitHeld}).
         */
        HOLD,
        /** A server without the endpoint: 404 with a problem body, worded as the sandbox words an unknown path. */
        NO_ROUTE_404,
        /** A server that routes the path elsewhere: 405 with Allow: GET. */
        NO_ROUTE_405
    }

    /** One request the proxy saw, and what it did with it. */
    public record Seen(String method, String path, String idempotencyKey, Fault fault) {}

    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "connection", "content-length", "expect", "upgrade", "keep-alive", "transfer-encoding");

    private final URI upstream;
    private final ServerSocket socket;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Fault fault = Fault.NONE;
    private volatile String pathContains = "";
    private volatile int retryAfterSeconds = 30;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<String> heldBodies = new CopyOnWriteArrayList<>();

    public FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        workers.submit(this::acceptLoop);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** From now on, requests whose path contains {@code pathContains} ("" = all) meet {@code fault}. */
    public void fail(Fault fault, String pathContains) {
        this.pathContains = pathContains;
        this.fault = fault;
    }

    public void fail(Fault fault) {
        fail(fault, "");
    }

    public void heal() {
        fail(Fault.NONE, "");
    }

    public void retryAfterSeconds(int seconds) {
        this.retryAfterSeconds = seconds;
    }

    /** Waits until a {@link Fault#HOLD} answer has come back from the server and is being held. */
    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The bodies of the {@link Fault#HOLD} answers, in order (e.g. to know which keys the server issued). */
    public List<String> heldBodies() {
        return List.copyOf(heldBodies);
    }

    /** Lets held answers (now and later) go to the client. */
    public void release() {
        released.countDown();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public List<Seen> seen(String method, String pathContains) {
        return seen.stream()
                .filter(s -> s.method().equals(method) && s.path().contains(pathContains))
                .toList();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                workers.submit(() -> serve(s));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            Request req = Request.read(s.getInputStream());
            if (req == null) {
                return;
            }
            Fault f = req.path.contains(pathContains) ? fault : Fault.NONE;
            seen.add(new Seen(req.method, req.path, req.headers.get("idempotency-key"), f));
            OutputStream out = s.getOutputStream();
            switch (f) {
                case NONE -> out.write(forward(req).bytes(Integer.MAX_VALUE));
                case RESET -> s.setSoLinger(true, 0);
                case DIE_AFTER_APPLYING -> {
                    forward(req);
                    s.setSoLinger(true, 0);
                }
                case TRUNCATE -> {
                    // unconditional, so there is a body to cut (not a 304)
                    req.headers.remove("if-none-match");
                    Answer a = forward(req);
                    out.write(a.bytes(a.body.length / 2));
                }
                case HANG -> closed.await();
                case HOLD -> {
                    Answer a = forward(req);
                    heldBodies.add(new String(a.body, StandardCharsets.UTF_8));
                    held.countDown();
                    released.await();
                    out.write(a.bytes(Integer.MAX_VALUE));
                }
                case STATUS_500 ->
                    out.write(problem(500, "Internal Server Error", "").bytes(Integer.MAX_VALUE));
                case STATUS_502 -> out.write(problem(502, "Bad Gateway", "").bytes(Integer.MAX_VALUE));
                case STATUS_503 ->
                    out.write(problem(503, "Service Unavailable", "").bytes(Integer.MAX_VALUE));
                case NO_ROUTE_404 -> {
                    String body = "{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,"
                            + "\"detail\":\"There is no endpoint at " + req.path + ".\"}";
                    out.write(new Answer(
                                    404,
                                    "Not Found",
                                    "Content-Type: application/problem+json\r\n",
                                    body.getBytes(StandardCharsets.UTF_8))
                            .bytes(Integer.MAX_VALUE));
                }
                case NO_ROUTE_405 ->
                    out.write(
                            problem(405, "Method Not Allowed", "Allow: GET\r\n").bytes(Integer.MAX_VALUE));
                case RATE_LIMIT ->
                    out.write(problem(429, "Too Many Requests", "Retry-After: " + retryAfterSeconds + "\r\n")
                            .bytes(Integer.MAX_VALUE));
            }
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the client went away (a timeout) or the proxy closed
        }
    }

    private Answer forward(Request req) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(upstream.resolve(req.path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        req.method,
                        req.body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(req.body));
        req.headers.forEach((k, v) -> {
            if (!NOT_FORWARDED.contains(k)) {
                b.header(k, v);
            }
        });
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        StringBuilder head = new StringBuilder();
        r.headers().map().forEach((k, vs) -> {
            if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                vs.forEach(v -> head.append(k).append(": ").append(v).append("\r\n"));
            }
        });
        return new Answer(r.statusCode(), "Forwarded", head.toString(), r.body());
    }

    private static Answer problem(int status, String reason, String extraHeaders) {
        String body = "{\"type\":\"about:blank\",\"title\":\"" + reason + "\",\"status\":" + status
                + ",\"detail\":\"Injected by the test's fault proxy\"}";
        return new Answer(
                status,
                reason,
                "Content-Type: application/problem+json\r\n" + extraHeaders,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private record Answer(int status, String reason, String headers, byte[] body) {
        /** The whole answer, its body cut to {@code bodyBytes} (Content-Length still says the full length). */
        byte[] bytes(int bodyBytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String head = "HTTP/1.1 " + status + " " + reason + "\r\n" + headers + "Content-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, Math.min(bodyBytes, body.length));
            return out.toByteArray();
        }
    }

    private record Request(String method, String path, Map<String, String> headers, byte[] body) {
        static Request read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            int b;
            while (matched < 4 && (b = in.read()) >= 0) {
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            if (matched < 4) {
                return null;
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] first = lines[0].split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(
                            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            return new Request(first[0], first[1], headers, in.readNBytes(length));
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
