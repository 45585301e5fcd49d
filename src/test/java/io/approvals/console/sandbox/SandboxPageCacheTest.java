package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.contract.ApiKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list endpoint serves pages from a cache (see PageCache): while other clients keep reading the
 * same pages, every acknowledged create and decision must show in the very next read, and the ETag
 * must follow the bytes.
 */
class SandboxPageCacheTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteShowsInTheNextReadWhileOthersReadTheSamePages() throws Exception {
        try (Sandbox sandbox = Sandbox.start(new SandboxConfig(dir, 0, 5))) {
            SandboxHttp http = new SandboxHttp(sandbox.baseUri());
            ApiKey admin = sandbox.newAdminKey().orElseThrow();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> readers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> {
                    while (!stop.get()) {
                        http.get("/approvals/GetApprovalNotComplete?limit=1000", admin);
                        http.get("/approvals/GetApprovalNotComplete?limit=2", admin);
                    }
                });
                t.start();
                readers.add(t);
            }
            try {
                String previousTag = http.get("/approvals/GetApprovalNotComplete?limit=1000", admin)
                        .header("ETag");
                for (int i = 0; i < 25; i++) {
                    SandboxHttp.Answer created = http.post(
                            "/approvals/CreateApproval",
                            admin,
                            "{\"title\":\"cache " + i + "\"}",
                            "Idempotency-Key",
                            "cache-" + i);
                    assertThat(created.status()).isEqualTo(201);
                    String id = created.json().get("id").asText();
                    SandboxHttp.Answer page = http.get("/approvals/GetApprovalNotComplete?limit=1000", admin);
                    assertThat(ids(page.json())).contains(id);
                    assertThat(page.header("ETag")).isNotEqualTo(previousTag);

                    SandboxHttp.Answer decided = http.post(
                            "/approvals/UpdateApprovalStatus",
                            admin,
                            "{\"id\":\"" + id + "\",\"status\":\"Approved\"}");
                    assertThat(decided.status()).isEqualTo(200);
                    SandboxHttp.Answer after = http.get("/approvals/GetApprovalNotComplete?limit=1000", admin);
                    assertThat(ids(after.json())).doesNotContain(id);
                    assertThat(after.header("ETag")).isNotEqualTo(page.header("ETag"));
                    previousTag = after.header("ETag");
                }
            } finally {
                stop.set(true);
                for (Thread t : readers) {
                    t.join();
                }
            }
            // same bytes, same tag; 304 on a match
            SandboxHttp.Answer a = http.get("/approvals/GetApprovalNotComplete?limit=3", admin);
            SandboxHttp.Answer b = http.get("/approvals/GetApprovalNotComplete?limit=3", admin);
            assertThat(b.raw().body()).isEqualTo(a.raw().body());
            assertThat(b.header("ETag")).isEqualTo(a.header("ETag"));
            assertThat(http.get("/approvals/GetApprovalNotComplete?limit=3", admin, "If-None-Match", a.header("ETag"))
                            .status())
                    .isEqualTo(304);
            // another page (another limit) has another tag
            assertThat(http.get("/approvals/GetApprovalNotComplete?limit=4", admin)
                            .header("ETag"))
                    .isNotEqualTo(a.header("ETag"));
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
