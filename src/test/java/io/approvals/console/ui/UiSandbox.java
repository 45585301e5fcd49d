package io.approvals.console.ui;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.ApprovalsClient;
import io.approvals.console.client.RetryPolicy;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.Priority;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.KeyInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A real sandbox on 127.0.0.1 for UI tests, empty or seeded, that can be stopped and restarted on its port. */
public final class UiSandbox implements AutoCloseable {
    public static final String OWNER = "admin@localhost";
    private final Path dir;
    private Sandbox sandbox;
    private final ApiKey admin;
    private final int port;

    public UiSandbox(Path dir, int seed) throws IOException {
        this.dir = dir;
        this.sandbox = Sandbox.start(new SandboxConfig(dir, 0, seed));
        this.admin = sandbox.newAdminKey().orElseThrow();
        this.port = sandbox.port();
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public ApiKey adminKey() {
        return admin;
    }

    /** A client that fails at once (no retries), so offline tests need not wait for backoff. */
    public ApprovalsApi client(ApiKey key) {
        return ApprovalsClient.builder(URI(), key)
                .retryPolicy(RetryPolicy.NONE)
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(10))
                .build();
    }

    private java.net.URI URI() {
        return java.net.URI.create("http://127.0.0.1:" + port);
    }

    public ApprovalsApi admin() {
        return client(admin);
    }

    public ApiKey key(String owner, String... scopes) {
        return sandbox.issueKeyForTests("ui-" + UUID.randomUUID(), owner, Set.of(scopes), null);
    }

    /** Every API method that was called on the JavaFX thread (must stay empty: the UI never blocks). */
    public static final List<String> FX_THREAD_CALLS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The API as a session gets it: every call is checked for the JavaFX thread. */
    public static ApprovalsApi guarded(ApprovalsApi real) {
        return (ApprovalsApi) java.lang.reflect.Proxy.newProxyInstance(
                ApprovalsApi.class.getClassLoader(), new Class<?>[] {ApprovalsApi.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == ApprovalsApi.class && isFxThread()) {
                        FX_THREAD_CALLS.add(method.getName());
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean isFxThread() {
        try {
            return javafx.application.Platform.isFxApplicationThread();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public ConsoleSession session(ApiKey key, String owner, List<String> scopes) {
        ApprovalsApi api = guarded(client(key));
        KeyInfo info = new KeyInfo(key.masked(), key.fingerprint(), scopes, true, owner, null);
        return new TestSession("test", URI().toString(), api, info, "test store", false);
    }

    public ConsoleSession adminSession() {
        return session(admin, OWNER, List.of("read", "write", "admin"));
    }

    public Approval create(String title, String approver, Priority priority, Instant dueAt) {
        return admin().createApproval(
                        new CreateApprovalRequest(title, "About " + title, null, approver, priority, dueAt),
                        UUID.randomUUID().toString());
    }

    public void stop() {
        sandbox.close();
    }

    /** Starts again on the same port and data, as a server coming back. */
    public void restart() throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                sandbox = Sandbox.start(new SandboxConfig(dir, port, null));
                return;
            } catch (IOException e) {
                // The port may linger for a moment after close.
                if (attempt == 20) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }

    public record TestSession(
            String connectionName, String baseUrl, ApprovalsApi api, KeyInfo key, String backendName, boolean isSandbox)
            implements ConsoleSession {}
}
