package io.approvals.console.cli;

import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.client.RetryPolicy;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.testing.Canary;
import io.approvals.console.testing.StubServer;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchCliTrickleTest {
    @TempDir
    Path root;

    @Test
    void t() throws Exception {
        StubServer server = StubServer.http();
        server.on("/approvals/GetApprovalNotComplete", (ex, s) -> {
            System.err.println("server got request at " + System.nanoTime() / 1_000_000);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 1000);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 1000; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (Exception gone) {
                System.err.println("server: client gave up " + gone);
            }
        });
        SessionOnlyStore secrets = new SessionOnlyStore();
        secrets.save("hostile", Canary.key());
        new ConnectionStore(AppPaths.under(root)).put(Connection.of("hostile", server.uri()));
        CliHarness cli = new CliHarness(secrets, root, (c, key) -> {
            System.err.println("client built at " + System.nanoTime() / 1_000_000);
            return ApprovalsClient.builder(c.baseUrl(), key)
                    .auth(HttpClientFactory.authScheme(c))
                    .dialect(c.dialect())
                    .requestTimeout(Duration.ofSeconds(3))
                    .retryPolicy(RetryPolicy.DEFAULT)
                    .build();
        });
        long w0 = System.nanoTime();
        CliHarness.Result warm = cli.run("profiles", "list");
        System.err.println("WARM-UP run " + (System.nanoTime() - w0) / 1_000_000 + " ms, code " + warm.code());
        long t0 = System.nanoTime();
        System.err.println("start at " + t0 / 1_000_000);
        Thread dumper = new Thread(() -> {
            for (long at : new long[] {1500, 3800, 4500}) {
                try {
                    Thread.sleep(at - (System.nanoTime() - t0) / 1_000_000);
                } catch (InterruptedException e) {
                    return;
                }
                System.err.println("==== dump at " + at);
                for (Map.Entry<Thread, StackTraceElement[]> e :
                        Thread.getAllStackTraces().entrySet()) {
                    StringBuilder sb = new StringBuilder(e.getKey().getName()).append('\n');
                    boolean ours = false;
                    for (StackTraceElement el : e.getValue()) {
                        sb.append("   ").append(el).append('\n');
                        ours |= el.getClassName().startsWith("io.approvals");
                    }
                    if (ours) {
                        System.err.println(sb);
                    }
                }
            }
        });
        dumper.setDaemon(true);
        dumper.start();
        CliHarness.Result r = cli.run("approvals", "list", "--profile", "hostile");
        System.err.println("SCRATCH " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + r.err());
        server.close();
    }
}
