package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.client.AuthScheme;
import io.approvals.console.client.RetryPolicy;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.testing.Canary;
import io.approvals.console.testing.LogCapture;
import io.approvals.console.testing.ReliabilityFigures;
import io.approvals.console.testing.StubServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary keys through every headless flow that can be reached without a display: the HTTP client's
 * success and failure paths (401, 403, revoked, server down, hang, 500 and 429 from a server that
 * echoes the key back), key regeneration, the sandbox's answers and database, and the CLI's commands.
 * Every text the flows produce is collected (log records at every level, stderr, command output,
 * exception messages, toString(), whole stack traces with causes) and every file under the config,
 * data and sandbox roots is read; no secret may be in any of them. Counted for the report.
 */
class SecretHygieneTest {
    @TempDir
    Path root;

    @TempDir
    Path sandboxDir;

    private final Set<ApiKey> secrets = new LinkedHashSet<>();
    private final List<String[]> texts = new ArrayList<>(); // where, text
    private int flows;

    @Test
    void noCanaryInAnyLogOutputExceptionToStringOrFile() throws Exception {
        ApiKey canary = Canary.key();
        secrets.add(canary);
        LogCapture logs = new LogCapture();
        int filesScanned;
        try (Sandbox sandbox = Sandbox.start(new SandboxConfig(sandboxDir, 0, 5))) {
            URI base = sandbox.baseUri();
            ApiKey readWrite = secret(sandbox.issueKeyForTests("rw", "rw@example.com", Set.of("read", "write"), null));
            ApiKey readOnly = secret(sandbox.issueKeyForTests("ro", "ro@example.com", Set.of("read"), null));
            ApiKey admin = secret(sandbox.newAdminKey().orElseThrow());
            ApiKey revoked = secret(sandbox.issueKeyForTests("rv", "rv@example.com", Set.of("read"), null));

            // the client, working
            ApprovalsApi rw = client(base, readWrite, AuthScheme.ApiKeyHeader.class);
            var created = flow(
                    "client create",
                    () -> rw.createApproval(
                            new CreateApprovalRequest("hygiene", null, null, null, null, null), "hygiene-1"));
            flow("client list", () -> rw.listNotComplete(null, 10, null));
            flow(
                    "client decide",
                    () -> rw.updateStatus(new UpdateStatusRequest(created.id(), ApprovalStatus.REJECTED, "no", null)));
            flow("client verify", rw::verifyKey);
            ApprovalsApi bearer = client(base, readWrite, AuthScheme.Bearer.class);
            flow("client with bearer", bearer::currentKey);
            IssuedKey regenerated = flow("client regenerate", () -> rw.regenerateCurrentKey(60));
            secret(regenerated.key());
            flow("old key in grace", rw::currentKey);
            ApprovalsApi adminClient = client(base, admin, AuthScheme.ApiKeyHeader.class);
            IssuedKey issued = flow(
                    "client issue key",
                    () -> adminClient.issueKey(new io.approvals.console.contract.IssueKeyRequest(
                            "hy", "hy@example.com", List.of("read"), null)));
            secret(issued.key());
            String revokedId = client(base, revoked, AuthScheme.ApiKeyHeader.class)
                    .currentKey()
                    .id();
            flow("client revoke", () -> adminClient.revokeKey(revokedId));
            flow("client audit", () -> adminClient.audit(50, null));

            // the client, failing
            failing("unknown key (canary)", () -> client(base, canary, AuthScheme.ApiKeyHeader.class)
                    .listNotComplete(null, 1, null));
            failing("canary as bearer", () -> client(base, canary, AuthScheme.Bearer.class)
                    .currentKey());
            failing("read-only key writes", () -> client(base, readOnly, AuthScheme.ApiKeyHeader.class)
                    .createApproval(new CreateApprovalRequest("x", null, null, null, null, null), null));
            failing("revoked key", () -> client(base, revoked, AuthScheme.ApiKeyHeader.class)
                    .currentKey());
            int closed = closedPort();
            failing("nobody listening", () -> client(
                            URI.create("http://127.0.0.1:" + closed), canary, AuthScheme.ApiKeyHeader.class)
                    .listNotComplete(null, 1, null));
            failing(
                    "insecure URL",
                    () -> client(URI.create("http://example.com"), canary, AuthScheme.ApiKeyHeader.class));
            try (StubServer echo = StubServer.http()) {
                // a hostile or broken server that repeats the credential back in its answers
                echo.on(
                        "/approvals/GetApprovalNotComplete",
                        (ex, seen) -> StubServer.send(
                                ex,
                                500,
                                "text/plain",
                                "boom " + ex.getRequestHeaders().getFirst("X-API-Key")));
                echo.on(
                        "/apikeys/current",
                        (ex, seen) -> StubServer.send(
                                ex,
                                401,
                                "application/problem+json",
                                "{\"title\":\"no\",\"status\":401,\"detail\":\"bad key "
                                        + ex.getRequestHeaders().getFirst("X-API-Key") + "\"}"));
                echo.on("/approvals/CreateApproval", (ex, seen) -> {
                    ex.getResponseHeaders().set("Retry-After", "1");
                    StubServer.send(
                            ex, 429, "text/plain", ex.getRequestHeaders().getFirst("X-API-Key"));
                });
                echo.on(
                        "/apikeys",
                        (ex, seen) -> StubServer.send(
                                ex,
                                400,
                                "application/problem+json",
                                "{\"title\":\"bad\",\"status\":400,\"errors\":{\""
                                        + ex.getRequestHeaders().getFirst("X-API-Key") + "\":[\"x\"]}}"));
                echo.on("/audit", (ex, seen) -> {
                    sleep(5_000);
                    StubServer.send(ex, 200, "application/json", "{}");
                });
                ApprovalsApi echoed = client(echo.uri(), canary, AuthScheme.ApiKeyHeader.class);
                failing("500 echoing the key", () -> echoed.listNotComplete(null, 1, null));
                failing("401 echoing the key", echoed::currentKey);
                failing(
                        "429 echoing the key",
                        () -> echoed.createApproval(new CreateApprovalRequest("x", null, null, null, null, null), "k"));
                failing(
                        "400 naming the key",
                        () -> echoed.issueKey(
                                new io.approvals.console.contract.IssueKeyRequest("n", "o", List.of(), null)));
                failing("timeout", () -> ApprovalsClient.builder(echo.uri(), canary)
                        .retryPolicy(RetryPolicy.NONE)
                        .requestTimeout(Duration.ofMillis(300))
                        .build()
                        .audit(1, null));
            }

            // the CLI
            CliHarness cli = new CliHarness(new SessionOnlyStore(), root, new HttpClientFactory());
            cli("profiles add", cli.run("profiles", "add", "p", "--url", base.toString()));
            cli("key set (canary, refused)", cli.runWithStdin(canary.reveal() + "\n", "key", "set", "--profile", "p"));
            cli("key set", cli.runWithStdin(regenerated.key().reveal() + "\n", "key", "set", "--profile", "p"));
            cli("key status", cli.run("key", "status", "--profile", "p"));
            cli("key verify", cli.run("key", "verify", "--profile", "p"));
            cli("approvals list", cli.run("approvals", "list", "--profile", "p"));
            cli("approvals list --json", cli.run("approvals", "list", "--profile", "p", "--json"));
            cli("profiles list", cli.run("profiles", "list"));
            cli("profiles add (down)", cli.run("profiles", "add", "down", "--url", "http://127.0.0.1:" + closedPort()));
            cli("key set (server down)", cli.runWithStdin(canary.reveal() + "\n", "key", "set", "--profile", "down"));
            cli(
                    "key set (typo)",
                    cli.runWithStdin(canary.reveal().substring(0, 41) + "x\n", "key", "set", "--profile", "p"));
            cli("key delete", cli.run("key", "delete", "--profile", "p"));
            texts.add(new String[] {"CLI transcript", cli.transcript()});
        } finally {
            logs.close();
        }
        texts.add(new String[] {"log records and stderr", logs.text()});
        filesScanned = 0;
        List<String> leaks = new ArrayList<>();
        for (String[] t : texts) {
            for (ApiKey s : secrets) {
                if (t[1] != null
                        && (t[1].contains(s.reveal())
                                || t[1].contains(s.reveal().substring(4, 36)))) {
                    leaks.add(s.masked() + " in " + t[0]);
                }
            }
        }
        for (Path dir : List.of(root, sandboxDir)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path f : files) {
                if (f.getFileName().toString().equals("admin.key")) {
                    continue; // the contract's one exception: the bootstrap admin key, owner-readable only
                }
                filesScanned++;
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (ApiKey s : secrets) {
                    if (content.contains(s.reveal())
                            || content.contains(s.reveal().substring(4, 36))) {
                        leaks.add(s.masked() + " in file " + root.relativize(f));
                    }
                }
            }
        }
        new ReliabilityFigures("secret-hygiene", "canary keys through the headless flows")
                .put("secrets", secrets.size())
                .put("flows", flows)
                .put("textsScanned", texts.size())
                .put("filesScanned", filesScanned)
                .put("secretsLeaked", leaks.size())
                .write();
        assertThat(leaks).isEmpty();
        assertThat(logs.text()).as("the capture saw logging").isNotEmpty();
    }

    private ApiKey secret(ApiKey key) {
        secrets.add(Canary.follow(key));
        texts.add(new String[] {"ApiKey.toString()", key.toString()});
        return key;
    }

    private static ApprovalsApi client(URI base, ApiKey key, Class<? extends AuthScheme> scheme) {
        AuthScheme auth =
                scheme == AuthScheme.Bearer.class ? new AuthScheme.Bearer() : new AuthScheme.ApiKeyHeader("X-API-Key");
        return ApprovalsClient.builder(base, key)
                .auth(auth)
                .retryPolicy(RetryPolicy.NONE)
                .requestTimeout(Duration.ofSeconds(10))
                .build();
    }

    private <T> T flow(String name, Supplier<T> run) {
        flows++;
        T result = run.get();
        texts.add(new String[] {name + ": toString()", String.valueOf(result)});
        return result;
    }

    private void failing(String name, Supplier<?> run) {
        flows++;
        try {
            Object unexpected = run.get();
            throw new AssertionError(name + " should have failed, got " + unexpected);
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            texts.add(new String[] {name + ": message", e.getMessage()});
            texts.add(new String[] {name + ": toString()", e.toString()});
            texts.add(new String[] {name + ": stack trace", trace.toString()});
        }
    }

    private void cli(String name, CliHarness.Result r) {
        flows++;
        texts.add(new String[] {"CLI " + name, r.out() + "\n" + r.err()});
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
