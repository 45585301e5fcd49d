package io.approvals.console.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/** A small scripted HTTP(S) server on 127.0.0.1 for tests of odd or failing servers. */
public final class StubServer implements AutoCloseable {

    /** What a test sees of a request. */
    public record Seen(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** Answers one request. */
    @FunctionalInterface
    public interface Responder {
        void respond(HttpExchange exchange, Seen seen) throws IOException;
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();

    private StubServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public static StubServer http() throws IOException {
        return new StubServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    public static StubServer https(SSLContext ssl) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(ssl));
        return new StubServer(s);
    }

    /** Routes by path (without query). */
    public StubServer on(String path, Responder responder) {
        routes.put(path, responder);
        return this;
    }

    public URI uri() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Seen s = new Seen(
                    ex.getRequestMethod(), ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders()), body);
            seen.add(s);
            Responder r = routes.get(ex.getRequestURI().getPath());
            if (r == null) {
                send(ex, 404, "text/plain", "no route");
            } else {
                r.respond(ex, s);
            }
        }
    }

    public static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        sendBytes(ex, status, contentType, bytes);
    }

    public static void sendBytes(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        if (status == 304 || status == 204) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        ex.getResponseBody().write(bytes);
    }

    public static void json(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, "application/json", body);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
