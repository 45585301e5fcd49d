package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.testing.ReliabilityFigures;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded soak over loopback: many clients, a fixed budget of operations (a read, a create or a
 * decision, ~250 a second; a read may add a next-page or If-None-Match request, a lost answer a retry)
 * paced over a fixed time, mixed
 * reads (pages, cursors, If-None-Match), creates with Idempotency-Keys and decisions, and one restart of
 * the sandbox half-way (same port, same data dir). A write whose answer is lost (connection refused or
 * reset, or a 5xx while the sandbox restarts) is retried with the same Idempotency-Key / decision until
 * it is answered. Afterwards: no acknowledged write lost, no duplicate, no 5xx outside the restart,
 * and heap after GC at the end no more than a bounded amount above the start (memory flat).
 * CI runs 20 s; -Pslow runs 10 minutes (reliability.soak.seconds / .requests override).
 */
class SandboxSoakTest {
    private static final int CLIENTS = 16;
    private static final String TITLE = "soak ";
    /** Heap the run may add: H2's page cache, the page cache (16 MiB) and this test's own ledgers. */
    private static final long HEAP_GROWTH_LIMIT_MB = 96;

    @TempDir
    Path dir;

    private final Map<String, String> ackedCreates = new ConcurrentHashMap<>();
    private final Map<String, String> ackedDecisions = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong serverErrorsOutsideRestart = new AtomicLong();
    private final AtomicLong failuresDuringRestart = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private volatile boolean restarting;
    private volatile long restartEndedAt;
    private volatile long deadline;
    private AtomicLong budget;

    @Test
    @Timeout(1800)
    void mixedLoadWithARestartLosesNothingAndStaysFlat() throws Exception {
        long seconds = ReliabilityFigures.Slow.pick("reliability.soak.seconds", 20, 600);
        long requestBudget = ReliabilityFigures.Slow.pick("reliability.soak.requests", seconds * 250, seconds * 250);
        budget = new AtomicLong(requestBudget);
        Path data = dir.resolve("data");
        Sandbox sandbox = Sandbox.start(new SandboxConfig(data, 0, 200));
        int port = sandbox.port();
        ApiKey admin = sandbox.newAdminKey().orElseThrow();
        List<ApiKey> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            keys.add(sandbox.issueKeyForTests("soak-" + i, "soak" + i + "@example.com", Set.of("read", "write"), null));
        }
        SandboxHttp http = new SandboxHttp(sandbox.baseUri());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapStart = 0;
        long heapEnd;
        long started = System.nanoTime();
        deadline = started + seconds * 1_000_000_000L;
        double perClientPerSecond = requestBudget / (double) seconds / CLIENTS;
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            ApiKey key = keys.get(t % keys.size());
            long seed = 1000L + t;
            String prefix = "t" + t + "-";
            Thread client = new Thread(
                    () -> client(http, key, new Random(seed), prefix, perClientPerSecond), "soak-client-" + t);
            client.start();
            clients.add(client);
        }
        try {
            Thread.sleep(Math.min(5_000, seconds * 100));
            heapStart = heapAfterGc(memory);
            Thread.sleep(Math.max(0, (deadline - System.nanoTime()) / 2_000_000 - 1_000));
            restarting = true;
            sandbox.close();
            sandbox = Sandbox.start(new SandboxConfig(data, port, null));
            restartEndedAt = System.nanoTime();
            restarting = false;
            for (Thread c : clients) {
                c.join();
            }
            heapEnd = heapAfterGc(memory);
        } finally {
            sandbox.close();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;

        StoredApprovals stored = StoredApprovals.read(data);
        List<String> missingCreates = stored.missingCreates(ackedCreates, TITLE);
        List<String> missingDecisions = stored.missingDecisions(ackedDecisions);
        int duplicates = stored.duplicateTitles(TITLE);
        List<String> mismatches = stored.auditMismatches(TITLE);
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((k, v) -> byStatus.put(k, v.get()));
        long growthMb = (heapEnd - heapStart) / (1024 * 1024);
        new ReliabilityFigures("sandbox-soak", "mixed load from many clients with a sandbox restart half-way")
                .put("seconds", Math.round(elapsed))
                .put("clients", CLIENTS)
                .put("operationBudget", requestBudget)
                .put("requests", requests.get())
                .put("statuses", byStatus)
                .put("acknowledgedCreates", ackedCreates.size())
                .put("acknowledgedDecisions", ackedDecisions.size())
                .put("retriesAfterLostAnswers", retries.get())
                .put("failuresDuringRestart", failuresDuringRestart.get())
                .put("serverErrorsOutsideRestart", serverErrorsOutsideRestart.get())
                .put("lostAcknowledgedWrites", missingCreates.size() + missingDecisions.size())
                .put("duplicates", duplicates)
                .put("auditMismatches", mismatches.size())
                .put("heapAfterGcStartMb", heapStart / (1024 * 1024))
                .put("heapAfterGcEndMb", heapEnd / (1024 * 1024))
                .put("restarts", 1)
                .write();
        assertThat(problems).as("unexpected answers").isEmpty();
        assertThat(missingCreates).as("lost acknowledged creates").isEmpty();
        assertThat(missingDecisions).as("lost acknowledged decisions").isEmpty();
        assertThat(duplicates).as("duplicate creates").isZero();
        assertThat(mismatches).as("audit trail vs data").isEmpty();
        assertThat(serverErrorsOutsideRestart.get())
                .as("5xx outside the restart")
                .isZero();
        assertThat(growthMb).as("heap growth after GC, MB").isLessThan(HEAP_GROWTH_LIMIT_MB);
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void client(SandboxHttp http, ApiKey key, Random random, String prefix, double perSecond) {
        long intervalNanos = (long) (1e9 / perSecond);
        long next = System.nanoTime();
        List<String> mine = new ArrayList<>();
        int n = 0;
        String etag = null;
        while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000);
            }
            int dice = random.nextInt(100);
            if (dice < 60) {
                String approver = random.nextInt(4) == 0 ? "&approver=lee@example.com" : "";
                SandboxHttp.Answer a = send(() -> http.get(
                        "/approvals/GetApprovalNotComplete?limit=50" + approver,
                        key,
                        random.nextBoolean() && etagOk(approver)
                                ? new String[] {"If-None-Match", "\"x\""}
                                : new String[0]));
                if (a != null
                        && a.status() == 200
                        && a.json().get("nextCursor").isTextual()
                        && random.nextInt(3) == 0) {
                    String cursor = a.json().get("nextCursor").asText();
                    send(() -> http.get("/approvals/GetApprovalNotComplete?limit=50&cursor=" + cursor + approver, key));
                }
                if (a != null && a.status() == 200) {
                    etag = a.header("ETag");
                }
                if (etag != null && random.nextInt(5) == 0) {
                    String tag = etag;
                    send(() -> http.get("/approvals/GetApprovalNotComplete?limit=50", key, "If-None-Match", tag));
                }
            } else if (dice < 85 || mine.isEmpty()) {
                String idem = prefix + n++;
                String body = "{\"title\":\"" + TITLE + idem + "\",\"approver\":\"lee@example.com\"}";
                SandboxHttp.Answer a = untilAnswered(
                        () -> http.post("/approvals/CreateApproval", key, body, "Idempotency-Key", idem), 201, 201);
                String id = a.json().get("id").asText();
                ackedCreates.put(idem, id);
                mine.add(id);
            } else {
                String id = mine.remove(random.nextInt(mine.size()));
                String status = random.nextBoolean() ? "Approved" : "Rejected";
                String body = "{\"id\":\"" + id + "\",\"status\":\"" + status + "\""
                        + (status.equals("Rejected") ? ",\"comment\":\"soak\"" : "") + "}";
                SandboxHttp.Answer a =
                        untilAnswered(() -> http.post("/approvals/UpdateApprovalStatus", key, body), 200, 409);
                if (a.status() == 409
                        && !a.json().get("current").get("status").asText().equals(status)) {
                    problems.add("decision " + id + " answered 409 with another decision: " + a.text());
                }
                ackedDecisions.put(id, status);
            }
        }
    }

    private static boolean etagOk(String approver) {
        return approver.isEmpty();
    }

    /** One request; null when it failed because the sandbox was restarting. */
    private SandboxHttp.Answer send(java.util.function.Supplier<SandboxHttp.Answer> request) {
        requests.incrementAndGet();
        long sentAt = System.nanoTime();
        try {
            SandboxHttp.Answer a = request.get();
            statuses.computeIfAbsent(a.status(), k -> new AtomicLong()).incrementAndGet();
            if (a.status() >= 500) {
                if (nearRestart(sentAt)) {
                    failuresDuringRestart.incrementAndGet();
                } else {
                    serverErrorsOutsideRestart.incrementAndGet();
                    problems.add(a.status() + " " + a.text());
                }
                return null;
            }
            return a;
        } catch (UncheckedIOException e) {
            statuses.computeIfAbsent(-1, k -> new AtomicLong()).incrementAndGet();
            if (nearRestart(sentAt)) {
                failuresDuringRestart.incrementAndGet();
            } else {
                problems.add("connection failed outside the restart: " + e.getCause());
            }
            return null;
        }
    }

    private boolean nearRestart(long sentAt) {
        return restarting || (restartEndedAt != 0 && sentAt < restartEndedAt + 2_000_000_000L);
    }

    /** A write, repeated as it is (same Idempotency-Key or decision) until it is answered. */
    private SandboxHttp.Answer untilAnswered(
            java.util.function.Supplier<SandboxHttp.Answer> request, int ok, int alsoOk) {
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0) {
                retries.incrementAndGet();
                sleep(100);
            }
            SandboxHttp.Answer a = send(request);
            if (a != null) {
                if (a.status() != ok && a.status() != alsoOk) {
                    problems.add("write answered " + a.status() + ": " + a.text());
                }
                return a;
            }
            if (attempt > 600) {
                throw new IllegalStateException("a write was not answered for a minute");
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
