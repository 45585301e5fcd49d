package io.approvals.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.IssueKeyRequest;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.KeyStatus;
import io.approvals.console.contract.Page;
import io.approvals.console.contract.Priority;
import io.approvals.console.contract.Scope;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.testing.Canary;
import io.approvals.console.testing.LogCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the real sandbox over HTTP on 127.0.0.1. */
class ClientSandboxTest {
    @TempDir
    Path dir;

    Sandbox sandbox;
    ApiKey admin;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(new SandboxConfig(dir, 0, null));
        admin = sandbox.newAdminKey().orElseThrow();
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private ApprovalsClient client(ApiKey key) {
        return ApprovalsClient.builder(sandbox.baseUri(), key)
                .retryPolicy(RetryPolicy.NONE)
                .build();
    }

    private ApiKey keyWith(String... scopes) {
        return sandbox.issueKeyForTests("test-" + String.join("-", scopes), "tester@example.com", Set.of(scopes), null);
    }

    @Test
    void listsTheSeededApprovalsOldestFirst() {
        Page<Approval> page = client(admin).listNotComplete(null, 1000, null);
        assertThat(page.items()).hasSize(40).allMatch(Approval::isPending);
        assertThat(page.items()).extracting(Approval::createdAt).isSortedAccordingTo(Instant::compareTo);
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void theSandboxsPagesAreReadWithoutDataBindingAndAsTheMapperReadsThem() throws Exception {
        client(admin)
                .createApproval(
                        new CreateApprovalRequest(
                                "Caf\u00e9 \u201cquotes\u201d \\ \"escapes\"\n",
                                null,
                                null,
                                "x@example.com",
                                Priority.URGENT,
                                null),
                        null);
        for (String query : List.of("limit=1000", "limit=7")) {
            HttpResponse<byte[]> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            sandbox.baseUri().toString().replaceAll("/$", "")
                                                    + ApprovalsClient.APPROVALS + "GetApprovalNotComplete?" + query))
                                    .header("X-API-Key", admin.reveal())
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).isEqualTo(200);

            Page<Approval> plain = ResponseDecoder.SHARED.plainApprovals(answer.body());

            assertThat(plain).as("read without the mapper").isNotNull();
            assertThat(plain).isEqualTo(ResponseDecoder.SHARED.boundPage(answer.body(), Approval.class, 200, null));
            // the cursor comes first, so the client asks for the next page before it reads this one's items
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).startsWith("{\"nextCursor\":");
            assertThat(PlainApprovalPage.leadingCursor(answer.body())).isEqualTo(plain.nextCursor());
        }
    }

    @Test
    void createsApprovesAndRejects() {
        ApprovalsClient c = client(admin);
        Approval created = c.createApproval(
                new CreateApprovalRequest(
                        "New laptop for Dana",
                        "MacBook Pro 14",
                        null,
                        "lee@example.com",
                        Priority.HIGH,
                        Instant.parse("2030-01-01T17:00:00Z")),
                null);
        assertThat(created.id()).isNotBlank();
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.requester()).isEqualTo("admin@localhost");
        assertThat(created.priority()).isEqualTo(Priority.HIGH);

        Approval approved = c.updateStatus(new UpdateStatusRequest(created.id(), ApprovalStatus.APPROVED, "ok", 1L));
        assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approved.version()).isEqualTo(2);
        assertThat(approved.decidedBy()).isEqualTo("admin@localhost");

        Approval other = c.listNotComplete(null, 1, null).items().get(0);
        assertThatThrownBy(
                        () -> c.updateStatus(new UpdateStatusRequest(other.id(), ApprovalStatus.REJECTED, " ", null)))
                .isInstanceOfSatisfying(ApiException.Validation.class, v -> assertThat(v.status())
                        .isEqualTo(400));
        Approval rejected =
                c.updateStatus(new UpdateStatusRequest(other.id(), ApprovalStatus.REJECTED, "over budget", null));
        assertThat(rejected.comment()).isEqualTo("over budget");
    }

    @Test
    void aSecondDecisionGetsAConflictCarryingTheCurrentApproval() {
        ApprovalsClient c = client(admin);
        Approval a = c.listNotComplete(null, 1, null).items().get(0);
        c.updateStatus(new UpdateStatusRequest(a.id(), ApprovalStatus.APPROVED, null, a.version()));
        assertThatThrownBy(() ->
                        c.updateStatus(new UpdateStatusRequest(a.id(), ApprovalStatus.REJECTED, "no", a.version())))
                .isInstanceOfSatisfying(ApiException.Conflict.class, e -> {
                    assertThat(e.current().status()).isEqualTo(ApprovalStatus.APPROVED);
                    assertThat(e.current().decidedBy()).isEqualTo("admin@localhost");
                    assertThat(e.getMessage()).contains("Already approved by admin@localhost");
                });
    }

    @Test
    void unknownIdIsNotFound() {
        assertThatThrownBy(() -> client(admin)
                        .updateStatus(new UpdateStatusRequest("apr_doesnotexist", ApprovalStatus.APPROVED, null, null)))
                .isInstanceOf(ApiException.NotFound.class);
    }

    @Test
    void validationErrorsNameTheField() {
        assertThatThrownBy(() -> client(admin)
                        .createApproval(new CreateApprovalRequest("x".repeat(201), null, null, null, null, null), null))
                .isInstanceOfSatisfying(ApiException.Validation.class, v -> assertThat(v.errors())
                        .containsKey("title"));
        assertThatThrownBy(() -> client(admin)
                        .createApproval(
                                new CreateApprovalRequest("ok", "d".repeat(70_000), null, null, null, null), null))
                .isInstanceOfSatisfying(ApiException.Validation.class, v -> assertThat(v.status())
                        .isEqualTo(413));
    }

    @Test
    void scopesAreEnforced() {
        ApprovalsClient readOnly = client(keyWith(Scope.READ));
        assertThat(readOnly.listNotComplete(null, 5, null).items()).hasSize(5);
        assertThatThrownBy(() ->
                        readOnly.createApproval(new CreateApprovalRequest("t", null, null, null, null, null), null))
                .isInstanceOfSatisfying(ApiException.Forbidden.class, f -> assertThat(f.requiredScope())
                        .isEqualTo("write"))
                .hasMessageContaining("'write'");
        ApprovalsClient writeOnly = client(keyWith(Scope.WRITE));
        assertThatThrownBy(() -> writeOnly.listNotComplete(null, 5, null))
                .isInstanceOfSatisfying(ApiException.Forbidden.class, f -> assertThat(f.requiredScope())
                        .isEqualTo("read"));
        assertThatThrownBy(readOnly::listAllKeys)
                .isInstanceOfSatisfying(ApiException.Forbidden.class, f -> assertThat(f.requiredScope())
                        .isEqualTo("admin"));
    }

    @Test
    void unknownAndExpiredKeysAreUnauthorized() {
        assertThatThrownBy(() -> client(Canary.random()).listNotComplete(null, 1, null))
                .isInstanceOf(ApiException.Unauthorized.class);
        ApiKey expired = sandbox.issueKeyForTests(
                "old", "old@example.com", Set.of(Scope.READ), Instant.now().minusSeconds(60));
        assertThatThrownBy(() -> client(expired).listNotComplete(null, 1, null))
                .isInstanceOf(ApiException.Unauthorized.class);
    }

    @Test
    void bearerWorksToo() {
        ApprovalsClient bearer = ApprovalsClient.builder(sandbox.baseUri(), admin)
                .auth(new AuthScheme.Bearer())
                .build();
        assertThat(bearer.currentKey().owner()).isEqualTo("admin@localhost");
    }

    @Test
    void pagesOverTwoAndAHalfThousandApprovalsSeeEachExactlyOnce() throws Exception {
        sandbox.close();
        sandbox = Sandbox.start(new SandboxConfig(dir, 0, 2460));
        ApprovalsClient c = client(admin);
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Approval> p = c.listNotComplete(null, 100, cursor);
            p.items().forEach(a -> ids.add(a.id()));
            cursor = p.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(ids).hasSize(2500).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(25);
        PendingSnapshot all = c.fetchAllNotComplete(null, null);
        assertThat(all.items()).extracting(Approval::id).containsExactlyElementsOf(ids);
    }

    @Test
    void eachPageIsHandedOnAsItIsReadAndTogetherTheyAreTheList() throws Exception {
        sandbox.close();
        sandbox = Sandbox.start(new SandboxConfig(dir, 0, 2460)); // 2,500 pending: three pages of 1,000
        ApprovalsClient c = client(admin);
        List<List<Approval>> pages = new ArrayList<>();

        PendingSnapshot all = c.fetchAllNotComplete(null, null, pages::add);

        assertThat(pages).extracting(List::size).containsExactly(1000, 1000, 500);
        List<Approval> together = pages.stream().flatMap(List::stream).toList();
        for (int i = 0; i < together.size(); i++) {
            assertThat(together.get(i))
                    .as("item %d, the snapshot's own object", i)
                    .isSameAs(all.items().get(i));
        }

        List<List<Approval>> unchanged = new ArrayList<>();
        PendingSnapshot again = c.fetchAllNotComplete(null, all, unchanged::add);
        assertThat(again.notModified()).isTrue();
        assertThat(unchanged)
                .as("pages the server did not send again are handed on too")
                .extracting(List::size)
                .containsExactly(1000, 1000, 500);
        assertThat(unchanged.get(2).get(499)).isSameAs(again.items().get(2499));
    }

    @Test
    void anApprovalThatDidNotChangeIsTheSameObjectInTheNextListEvenOnAPageSentAgain() throws Exception {
        sandbox.close();
        sandbox = Sandbox.start(new SandboxConfig(dir, 0, 2460)); // 2,500 pending: three pages of 1,000
        ApprovalsClient c = client(admin);
        PendingSnapshot first = c.fetchAllNotComplete(null, null);
        Approval decided = first.items().get(10);
        c.updateStatus(new UpdateStatusRequest(decided.id(), ApprovalStatus.APPROVED, "ok", null));

        PendingSnapshot second = c.fetchAllNotComplete(null, first);

        assertThat(second.notModified()).as("a page changed").isFalse();
        assertThat(second.items()).hasSize(2499).doesNotContain(decided);
        java.util.Map<String, Approval> before = new java.util.HashMap<>();
        first.items().forEach(a -> before.put(a.id(), a));
        for (Approval a : second.items()) {
            assertThat(a).as("unchanged %s", a.id()).isSameAs(before.get(a.id()));
        }
    }

    @Test
    void anUnchangedListIsNotSentAgain() {
        ApprovalsClient c = client(admin);
        PendingSnapshot first = c.fetchAllNotComplete(null, null);
        PendingSnapshot second = c.fetchAllNotComplete(null, first);
        assertThat(second.notModified()).isTrue();
        assertThat(second.items()).isEqualTo(first.items());
        c.createApproval(new CreateApprovalRequest("Fresh one", null, null, null, null, null), null);
        PendingSnapshot third = c.fetchAllNotComplete(null, second);
        assertThat(third.notModified()).isFalse();
        assertThat(third.items()).hasSize(first.items().size() + 1);
    }

    @Test
    void aRetriedCreateReplaysAndADifferentBodyIsRefused() {
        ApprovalsClient c = client(admin);
        CreateApprovalRequest req = new CreateApprovalRequest("Once only", null, null, null, Priority.LOW, null);
        Approval first = c.createApproval(req, "idem-1");
        Approval replay = c.createApproval(req, "idem-1");
        assertThat(replay).isEqualTo(first);
        assertThatThrownBy(() ->
                        c.createApproval(new CreateApprovalRequest("Other", null, null, null, null, null), "idem-1"))
                .isInstanceOfSatisfying(ApiException.Validation.class, v -> assertThat(v.status())
                        .isEqualTo(422));
        assertThat(c.fetchAllNotComplete(null, null).items())
                .filteredOn(a -> a.title().equals("Once only"))
                .hasSize(1);
    }

    @Test
    void twelveConcurrentDecisionsGiveOneSuccessAndElevenConflicts() throws Exception {
        Approval a = client(admin).listNotComplete(null, 1, null).items().get(0);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ApprovalsClient c = client(admin);
            results.add(pool.submit((Callable<String>) () -> {
                go.await();
                try {
                    c.updateStatus(new UpdateStatusRequest(a.id(), ApprovalStatus.APPROVED, null, null));
                    return "200";
                } catch (ApiException.Conflict e) {
                    return "409";
                }
            }));
        }
        go.countDown();
        List<String> codes = new ArrayList<>();
        for (Future<String> f : results) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes).containsOnly("200", "409");
        assertThat(codes).filteredOn("200"::equals).hasSize(1);
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        Approval created = client(admin)
                .createApproval(new CreateApprovalRequest("Persist me", null, null, null, null, null), null);
        sandbox.close();
        sandbox = Sandbox.start(new SandboxConfig(dir, 0, null));
        assertThat(sandbox.newAdminKey()).isEmpty();
        assertThat(client(admin).fetchAllNotComplete(null, null).items()).contains(created);
    }

    @Test
    void keyLifecycleIssueRegenerateRevokeAndAudit() {
        ApprovalsClient adm = client(admin);
        IssuedKey issued =
                adm.issueKey(new IssueKeyRequest("lee-workstation", "lee@example.com", List.of(Scope.READ), null));
        assertThat(issued.key().format()).isEqualTo(ApiKey.Format.VALID);
        assertThat(issued.apiKey().prefix()).isEqualTo(issued.key().prefix());
        assertThat(issued.apiKey().last4()).isEqualTo(issued.key().last4());
        assertThat(client(issued.key()).currentKey().owner()).isEqualTo("lee@example.com");

        IssuedKey rotated = adm.regenerateKey(issued.apiKey().id(), 3600);
        assertThat(rotated.apiKey().id()).isEqualTo(issued.apiKey().id());
        KeyMetadata oldView = client(issued.key()).currentKey();
        assertThat(oldView.status()).isEqualTo(KeyStatus.EXPIRING);
        assertThat(oldView.prefix()).isEqualTo(issued.key().prefix());
        assertThat(oldView.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        assertThat(client(rotated.key()).currentKey().status()).isEqualTo(KeyStatus.ACTIVE);

        KeyMetadata revoked = adm.revokeKey(issued.apiKey().id());
        assertThat(revoked.status()).isEqualTo(KeyStatus.REVOKED);
        assertThatThrownBy(() -> client(issued.key()).currentKey()).isInstanceOf(ApiException.Unauthorized.class);
        assertThatThrownBy(() -> client(rotated.key()).currentKey()).isInstanceOf(ApiException.Unauthorized.class);

        assertThat(adm.listAllKeys()).extracting(KeyMetadata::name).contains("lee-workstation");
        Page<AuditEntry> audit = adm.audit(50, null);
        assertThat(audit.items())
                .extracting(AuditEntry::action)
                .startsWith(AuditEntry.KEY_REVOKED, AuditEntry.KEY_REGENERATED, AuditEntry.KEY_ISSUED);
        assertThat(audit.items().toString())
                .doesNotContain(issued.key().reveal())
                .doesNotContain(rotated.key().reveal());
    }

    @Test
    void compromisedRegenerationKillsTheOldKeyAtOnce() {
        ApiKey mine = keyWith(Scope.READ, Scope.WRITE);
        IssuedKey fresh = client(mine).regenerateCurrentKey(0);
        assertThatThrownBy(() -> client(mine).currentKey()).isInstanceOf(ApiException.Unauthorized.class);
        assertThat(client(fresh.key()).currentKey().scopes()).containsExactlyInAnyOrder("read", "write");
        assertThatThrownBy(() -> client(fresh.key()).regenerateCurrentKey(604_801))
                .isInstanceOf(ApiException.Validation.class);
    }

    @Test
    void theCanaryKeyAppearsInNoLogMessageOrToString() {
        ApiKey canary = Canary.key();
        try (LogCapture logs = new LogCapture()) {
            ApprovalsClient c = client(canary);
            List<String> messages = new ArrayList<>();
            for (Runnable r : List.<Runnable>of(
                    () -> c.listNotComplete(null, 1, null),
                    c::currentKey,
                    () -> c.createApproval(new CreateApprovalRequest("t", null, null, null, null, null), null),
                    () -> c.expirePreviousSecrets("key_canary"))) {
                try {
                    r.run();
                } catch (ApiException e) {
                    messages.add(e.getMessage());
                    messages.add(e.toString());
                }
            }
            assertThat(messages).hasSize(8);
            assertThat(String.join("\n", messages) + c + canary + logs.text()).doesNotContain(Canary.MARK);
        }
    }
}
