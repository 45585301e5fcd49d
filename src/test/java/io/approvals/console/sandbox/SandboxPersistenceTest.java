package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.contract.ApiKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts, seeding and paging over many approvals. */
class SandboxPersistenceTest {
    @TempDir
    Path dir;

    private static int countPending(SandboxHttp h, ApiKey key, int limit, Set<String> seen) {
        int pages = 0;
        String cursor = null;
        do {
            SandboxHttp.Answer a = h.get(
                    "/approvals/GetApprovalNotComplete?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor),
                    key);
            assertThat(a.status()).isEqualTo(200);
            JsonNode page = a.json();
            for (JsonNode item : page.get("items")) {
                assertThat(seen.add(item.get("id").asText()))
                        .as("seen once: " + item.get("id"))
                        .isTrue();
            }
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        return pages;
    }

    @Test
    void everythingSurvivesARestartAndTheAdminKeyIsNotIssuedAgain() throws Exception {
        ApiKey admin;
        String approvalId;
        ApiKey issued;
        String cursor;
        try (Sandbox first = Sandbox.start(new SandboxConfig(dir, 0, null))) {
            admin = first.newAdminKey().orElseThrow();
            SandboxHttp h = new SandboxHttp(first.baseUri());
            approvalId = h.post(
                            "/approvals/CreateApproval",
                            admin,
                            "{\"title\":\"Persist me\"}",
                            "Idempotency-Key",
                            "persist-1")
                    .json()
                    .get("id")
                    .asText();
            issued = ApiKey.of(
                    h.post("/apikeys", admin, "{\"name\":\"kept\",\"owner\":\"k@example.com\",\"scopes\":[\"read\"]}")
                            .json()
                            .get("key")
                            .asText());
            h.get("/apikeys/current", issued);
            cursor = h.get("/approvals/GetApprovalNotComplete?limit=10", admin)
                    .json()
                    .get("nextCursor")
                    .asText();
        }
        String keyFile = Files.readString(dir.resolve("admin.key"));
        try (Sandbox second = Sandbox.start(new SandboxConfig(dir, 0, null))) {
            assertThat(second.newAdminKey()).isEmpty();
            assertThat(Files.readString(second.adminKeyFile())).isEqualTo(keyFile);
            SandboxHttp h = new SandboxHttp(second.baseUri());
            Set<String> ids = new HashSet<>();
            countPending(h, admin, 1000, ids);
            assertThat(ids).hasSize(41).contains(approvalId);
            JsonNode kept = h.get("/apikeys/current", issued).json();
            assertThat(kept.get("name").asText()).isEqualTo("kept");
            assertThat(kept.get("lastUsedAt").isNull())
                    .as("lastUsedAt written on close")
                    .isFalse();
            // cursors and idempotency records outlive a restart too
            assertThat(h.get("/approvals/GetApprovalNotComplete?limit=10&cursor=" + cursor, admin)
                            .status())
                    .isEqualTo(200);
            assertThat(h.post(
                                    "/approvals/CreateApproval",
                                    admin,
                                    "{\"title\":\"Persist me\"}",
                                    "Idempotency-Key",
                                    "persist-1")
                            .json()
                            .get("id")
                            .asText())
                    .isEqualTo(approvalId);
        }
        try (Sandbox third = Sandbox.start(new SandboxConfig(dir, 0, 5))) {
            Set<String> ids = new HashSet<>();
            countPending(new SandboxHttp(third.baseUri()), admin, 1000, ids);
            assertThat(ids).as("--seed adds to what is there").hasSize(46);
        }
    }

    @Test
    void pagingOver2500ApprovalsSeesEachExactlyOnce() throws Exception {
        try (Sandbox s = Sandbox.start(new SandboxConfig(dir, 0, 2500))) {
            SandboxHttp h = new SandboxHttp(s.baseUri());
            ApiKey admin = s.newAdminKey().orElseThrow();
            Set<String> ids = new HashSet<>();
            int pages = countPending(h, admin, 100, ids);
            assertThat(ids).hasSize(2500);
            assertThat(pages).isEqualTo(25);
            Set<String> again = new HashSet<>();
            assertThat(countPending(h, admin, 1000, again)).isEqualTo(3);
            assertThat(again).isEqualTo(ids);
        }
    }

    @Test
    void seedsOneHundredThousandApprovals() throws Exception {
        long start = System.nanoTime();
        try (Sandbox s = Sandbox.start(new SandboxConfig(dir, 0, 100_000))) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("seeding 100000 approvals and starting took " + millis + " ms");
            SandboxHttp h = new SandboxHttp(s.baseUri());
            JsonNode page = h.get(
                            "/approvals/GetApprovalNotComplete?limit=1000",
                            s.newAdminKey().orElseThrow())
                    .json();
            assertThat(page.get("items")).hasSize(1000);
            assertThat(page.get("nextCursor").isNull()).isFalse();
        }
    }
}
