package io.approvals.console.bench;

import com.sun.net.httpserver.HttpServer;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sandbox throughput: authenticated GetApprovalNotComplete?limit=50 from 16 concurrent clients,
 * against a floor: a bare JDK HttpServer answering the same 50-item JSON, in the same run.
 */
final class SandboxThroughput {
    static final int CLIENTS = 16;

    record Result(LoadRun.Result sandbox, LoadRun.Result floor, double authNanos) {}

    private SandboxThroughput() {}

    static Result measure(Path work, Duration duration) throws Exception {
        Path dir = Files.createTempDirectory(work, "throughput");
        try (Sandbox sandbox = Sandbox.start(new SandboxConfig(dir, 0, 100))) {
            ApiKey key = sandbox.newAdminKey().orElseThrow();
            URI page = sandbox.baseUri().resolve("/approvals/GetApprovalNotComplete?limit=50");
            byte[] body = fetch(page, key);
            LoadRun.Result onSandbox = LoadRun.run(page, Map.of("X-API-Key", key.reveal()), CLIENTS, duration);
            double auth = sandbox.authenticationCostNanos(key, 200_000);
            LoadRun.Result onFloor = floor(body, duration);
            return new Result(onSandbox, onFloor, auth);
        }
    }

    private static byte[] fetch(URI uri, ApiKey key) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .header("X-API-Key", key.reveal())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("sandbox answered " + r.statusCode());
        }
        return r.body();
    }

    /** The bare server: same thread count as the sandbox's pool, a fixed answer. */
    private static LoadRun.Result floor(byte[] body, Duration duration) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        try {
            URI uri = URI.create(
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/approvals/GetApprovalNotComplete?limit=50");
            return LoadRun.run(uri, Map.of(), CLIENTS, duration);
        } finally {
            server.stop(0);
            pool.shutdownNow();
        }
    }
}
