package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.testing.ReliabilityFigures;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox as its own process under a write load (creates with Idempotency-Keys, decisions) from
 * several clients, killed with SIGKILL at random moments and restarted on the same data dir. Writes
 * whose answer was lost are retried after the restart (same Idempotency-Key, same decision). In the end:
 * every acknowledged create and decision is there, no create is duplicated, and the audit trail matches
 * the data exactly (one approval.created per approval, one approved/rejected per decision, none for a
 * pending one): nothing is half-written.
 */
class SandboxCrashTest {
    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    /** Created and acknowledged: Idempotency-Key -> approval id. */
    private final Map<String, String> ackedCreates = new ConcurrentHashMap<>();
    /** Decided and acknowledged: approval id -> status. */
    private final Map<String, String> ackedDecisions = new ConcurrentHashMap<>();
    /** Sent, answer lost in a crash: Idempotency-Key -> body; approval id -> status. */
    private final Map<String, String> unknownCreates = new ConcurrentHashMap<>();

    private final Map<String, String> unknownDecisions = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> undecided = new ConcurrentLinkedQueue<>();
    private final AtomicLong requests = new AtomicLong();

    @Test
    @Timeout(900)
    void killedAtRandomMomentsItLosesNoAcknowledgedWriteAndHalfWritesNothing() throws Exception {
        int cycles = (int) ReliabilityFigures.Slow.pick("reliability.crash.cycles", 2, 10);
        long seed = System.nanoTime() % 1_000_000;
        Random random = new Random(seed);
        Path data = dir.resolve("data");
        Path log = Files.createDirectories(Path.of("target", "crash-logs")).resolve("sandbox-stderr-" + seed + ".txt");

        ApiKey admin = null;
        int retriedCreates = 0;
        int retriedDecisions = 0;
        for (int cycle = 0; cycle < cycles; cycle++) {
            SandboxProcess sandbox = SandboxProcess.start(data, log, "--seed", "0");
            try {
                if (admin == null) {
                    admin = io.approvals.console.testing.Canary.follow(ApiKey.of(sandbox.adminKey));
                }
                SandboxHttp http = new SandboxHttp(sandbox.base);
                retriedCreates += retryUnknownCreates(http, admin);
                retriedDecisions += retryUnknownDecisions(http, admin);
                AtomicBoolean dead = new AtomicBoolean();
                List<Thread> clients = new ArrayList<>();
                for (int t = 0; t < CLIENTS; t++) {
                    String prefix = "c" + cycle + "-t" + t + "-";
                    ApiKey key = admin;
                    Thread client = new Thread(() -> load(http, key, prefix, dead), "crash-client-" + t);
                    client.start();
                    clients.add(client);
                }
                Thread.sleep(300 + random.nextInt(1500));
                sandbox.kill();
                dead.set(true);
                for (Thread c : clients) {
                    c.join(60_000);
                }
            } finally {
                sandbox.close();
            }
        }

        StoredApprovals stored = StoredApprovals.read(data); // as the last SIGKILL left it (H2 recovers it)
        List<String> missingCreates = stored.missingCreates(ackedCreates, "crash ");
        List<String> missingDecisions = stored.missingDecisions(ackedDecisions);
        int duplicates = stored.duplicateTitles("crash ");
        List<String> halfWritten = stored.auditMismatches("crash ");
        assertThat(missingCreates)
                .as("acknowledged creates missing after the crashes")
                .isEmpty();
        assertThat(missingDecisions)
                .as("acknowledged decisions missing after the crashes")
                .isEmpty();
        assertThat(duplicates).as("creates stored twice").isZero();
        assertThat(halfWritten)
                .as("approvals whose audit entries do not match them")
                .isEmpty();
        // crash paths: the killed processes' stderr and every file they left (but admin.key, the
        // contract's one exception) hold no key
        int leaks = Files.readString(log).contains(admin.reveal().substring(4, 36)) ? 1 : 0;
        try (var files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.endsWith("admin.key"))
                    .toList()) {
                if (new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains(admin.reveal().substring(4, 36))) {
                    leaks++;
                }
            }
        }
        assertThat(leaks).as("files or logs holding the admin key").isZero();
        new ReliabilityFigures("sandbox-crash", "SIGKILL of the sandbox process under a write load, then restart")
                .put("seed", seed)
                .put("killCycles", cycles)
                .put("clients", CLIENTS)
                .put("requests", requests.get())
                .put("acknowledgedCreates", ackedCreates.size())
                .put("acknowledgedDecisions", ackedDecisions.size())
                .put("answersLostInCrashesRetried", retriedCreates + retriedDecisions)
                .put("approvalsInDatabase", stored.approvals.size())
                .put("auditEntries", stored.auditEntries)
                .put("lostAcknowledgedWrites", missingCreates.size() + missingDecisions.size())
                .put("duplicates", duplicates)
                .put("halfWritten", halfWritten.size())
                .put("secretsLeaked", leaks)
                .write();
    }

    private void load(SandboxHttp http, ApiKey key, String prefix, AtomicBoolean dead) {
        int n = 0;
        while (!dead.get()) {
            String idem = prefix + n++;
            String body = "{\"title\":\"crash " + idem + "\"}";
            try {
                requests.incrementAndGet();
                SandboxHttp.Answer a = http.post("/approvals/CreateApproval", key, body, "Idempotency-Key", idem);
                assertThat(a.status()).as(a.text()).isEqualTo(201);
                String id = a.json().get("id").asText();
                ackedCreates.put(idem, id);
                undecided.add(id);
            } catch (UncheckedIOException e) {
                unknownCreates.put(idem, body);
                return;
            }
            if (n % 2 == 0) {
                String id = undecided.poll();
                if (id != null) {
                    String status = n % 4 == 0 ? "Approved" : "Rejected";
                    try {
                        requests.incrementAndGet();
                        SandboxHttp.Answer a = http.post("/approvals/UpdateApprovalStatus", key, decision(id, status));
                        assertThat(a.status()).as(a.text()).isEqualTo(200);
                        ackedDecisions.put(id, status);
                    } catch (UncheckedIOException e) {
                        unknownDecisions.put(id, status);
                        return;
                    }
                }
            }
        }
    }

    private static String decision(String id, String status) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\""
                + (status.equals("Rejected") ? ",\"comment\":\"not now\"" : "") + "}";
    }

    /** The same Idempotency-Key and body again: a 201 either way (replayed or made now). */
    private int retryUnknownCreates(SandboxHttp http, ApiKey key) {
        int n = 0;
        for (Map.Entry<String, String> e : Map.copyOf(unknownCreates).entrySet()) {
            SandboxHttp.Answer a =
                    http.post("/approvals/CreateApproval", key, e.getValue(), "Idempotency-Key", e.getKey());
            assertThat(a.status()).as(a.text()).isEqualTo(201);
            String id = a.json().get("id").asText();
            ackedCreates.put(e.getKey(), id);
            undecided.add(id);
            unknownCreates.remove(e.getKey());
            n++;
        }
        return n;
    }

    /** The same decision again: 200 if the first never landed, 409 showing that very decision if it did. */
    private int retryUnknownDecisions(SandboxHttp http, ApiKey key) {
        int n = 0;
        for (Map.Entry<String, String> e : Map.copyOf(unknownDecisions).entrySet()) {
            SandboxHttp.Answer a =
                    http.post("/approvals/UpdateApprovalStatus", key, decision(e.getKey(), e.getValue()));
            if (a.status() == 409) {
                assertThat(a.json().get("current").get("status").asText()).isEqualTo(e.getValue());
            } else {
                assertThat(a.status()).as(a.text()).isEqualTo(200);
            }
            ackedDecisions.put(e.getKey(), e.getValue());
            unknownDecisions.remove(e.getKey());
            n++;
        }
        return n;
    }
}
