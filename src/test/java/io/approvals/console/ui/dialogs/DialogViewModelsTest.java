package io.approvals.console.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.client.ApiException;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.ui.CountingApi;
import io.approvals.console.ui.DirectBackground;
import io.approvals.console.ui.UiSandbox;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Create, decide and bulk dialogs' view models against the real sandbox, without a screen. */
class DialogViewModelsTest {
    @TempDir
    Path dir;

    UiSandbox server;
    CountingApi api;
    final DirectBackground bg = new DirectBackground();
    final List<Throwable> trouble = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new UiSandbox(dir, 0);
        api = new CountingApi(server.admin());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<Approval> pending() {
        return server.admin().listNotComplete(null, 1000, null).items();
    }

    // ---- create ----

    @Test
    void createsAValidApproval() {
        CreateApprovalViewModel vm = new CreateApprovalViewModel(api, bg, ZoneOffset.UTC);
        vm.titleProperty().set("  New laptop for Dana ");
        vm.descriptionProperty().set("MacBook Pro 14");
        vm.approverProperty().set("lee@example.com");
        vm.priorityProperty().set(Priority.HIGH);
        vm.dueDateProperty().set(LocalDate.of(2030, 1, 15));
        AtomicReference<Approval> created = new AtomicReference<>();
        vm.submit(created::set, trouble::add);
        Approval a = created.get();
        assertThat(a.title()).isEqualTo("New laptop for Dana");
        assertThat(a.approver()).isEqualTo("lee@example.com");
        assertThat(a.priority()).isEqualTo(Priority.HIGH);
        assertThat(a.dueAt()).isEqualTo(java.time.Instant.parse("2030-01-15T17:00:00Z"));
        assertThat(a.requester()).isEqualTo(UiSandbox.OWNER);
        assertThat(trouble).isEmpty();
    }

    @Test
    void invalidInputShowsInlineErrorsAndSendsNothing() {
        CreateApprovalViewModel vm = new CreateApprovalViewModel(api, bg, ZoneOffset.UTC);
        assertThat(vm.titleErrorProperty().get()).isEmpty();
        vm.titleProperty().set("x");
        vm.titleProperty().set("   ");
        assertThat(vm.titleErrorProperty().get()).isEqualTo("A title is needed.");
        vm.titleProperty().set("t".repeat(201));
        assertThat(vm.titleErrorProperty().get()).contains("1 too many");
        vm.titleProperty().set("ok");
        vm.descriptionProperty().set("d".repeat(4001));
        assertThat(vm.descriptionErrorProperty().get()).contains("At most 4000");
        assertThat(vm.canSubmitProperty().get()).isFalse();
        vm.submit(a -> {}, trouble::add);
        assertThat(api.idempotencyKeys).isEmpty();
        vm.descriptionProperty().set("d".repeat(4000));
        assertThat(vm.canSubmitProperty().get()).isTrue();
    }

    @Test
    void aRetryAfterTheServerCameBackCreatesExactlyOne() throws Exception {
        CreateApprovalViewModel vm = new CreateApprovalViewModel(api, bg, ZoneOffset.UTC);
        vm.titleProperty().set("Retry me once");
        vm.descriptionProperty().set("typed text stays");
        server.stop();
        AtomicReference<Approval> created = new AtomicReference<>();
        vm.submit(created::set, trouble::add);
        assertThat(created.get()).isNull();
        assertThat(trouble).singleElement().isInstanceOf(ApiException.Network.class);
        assertThat(vm.errorProperty().get()).contains("cannot be reached").contains("will not create a duplicate");
        assertThat(vm.titleProperty().get()).isEqualTo("Retry me once");
        assertThat(vm.descriptionProperty().get()).isEqualTo("typed text stays");

        server.restart();
        vm.submit(created::set, trouble::add);
        assertThat(created.get()).isNotNull();
        // a further press (say, the answer was lost) replays the same approval
        AtomicReference<Approval> again = new AtomicReference<>();
        vm.submit(again::set, trouble::add);
        assertThat(again.get().id()).isEqualTo(created.get().id());
        assertThat(api.idempotencyKeys).hasSize(3).containsOnly(vm.idempotencyKey());
        assertThat(pending()).filteredOn(a -> a.title().equals("Retry me once")).hasSize(1);
    }

    // ---- decide ----

    @Test
    void approvesWithTheVersionSeen() {
        Approval a = server.create("Approve me", null, Priority.NORMAL, null);
        DecisionViewModel vm = new DecisionViewModel(api, bg, a, ApprovalStatus.APPROVED);
        AtomicReference<Approval> done = new AtomicReference<>();
        vm.submit(done::set, c -> {}, trouble::add);
        assertThat(done.get().status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(done.get().decidedBy()).isEqualTo(UiSandbox.OWNER);
        assertThat(pending()).noneMatch(p -> p.id().equals(a.id()));
    }

    @Test
    void rejectingNeedsAComment() {
        Approval a = server.create("Reject me", null, Priority.NORMAL, null);
        DecisionViewModel vm = new DecisionViewModel(api, bg, a, ApprovalStatus.REJECTED);
        assertThat(vm.canSubmitProperty().get()).isFalse();
        vm.submit(x -> {}, c -> {}, trouble::add);
        assertThat(vm.commentErrorProperty().get()).startsWith("A comment is required to reject");
        assertThat(api.decisions).isEmpty();
        vm.commentProperty().set("   ");
        assertThat(vm.canSubmitProperty().get()).isFalse();
        vm.commentProperty().set("Over budget");
        assertThat(vm.commentErrorProperty().get()).isEmpty();
        AtomicReference<Approval> done = new AtomicReference<>();
        vm.submit(done::set, c -> {}, trouble::add);
        assertThat(done.get().status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(done.get().comment()).isEqualTo("Over budget");
    }

    @Test
    void aConflictSaysWhoDecidedAndWhen() {
        Approval a = server.create("Contested", null, Priority.NORMAL, null);
        server.admin().updateStatus(new UpdateStatusRequest(a.id(), ApprovalStatus.REJECTED, "No budget", null));
        DecisionViewModel vm = new DecisionViewModel(api, bg, a, ApprovalStatus.APPROVED);
        AtomicReference<Approval> current = new AtomicReference<>();
        vm.submit(x -> {}, current::set, trouble::add);
        assertThat(current.get().status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(vm.conflictTextProperty().get())
                .startsWith("Someone else got there first: rejected by admin@localhost on ")
                .contains("No budget")
                .endsWith("Nothing was changed.");
        assertThat(vm.canSubmitProperty().get()).isFalse();
    }

    // ---- bulk ----

    @Test
    void bulkApproveTwentyWithOneConflictNeverSendsASuccessTwice() {
        for (int i = 1; i <= 20; i++) {
            server.create("Bulk " + i, null, Priority.NORMAL, null);
        }
        List<Approval> selected = pending();
        Approval contested = selected.get(7);
        server.admin().updateStatus(new UpdateStatusRequest(contested.id(), ApprovalStatus.APPROVED, null, null));
        BulkDecisionViewModel vm = new BulkDecisionViewModel(api, bg, selected, ApprovalStatus.APPROVED);
        vm.commentProperty().set("Quarter end");
        List<Approval> decided = new ArrayList<>();
        vm.start(decided::add, trouble::add, () -> {});
        assertThat(vm.count(BulkItem.State.DONE)).isEqualTo(19);
        assertThat(vm.count(BulkItem.State.CONFLICT)).isEqualTo(1);
        assertThat(vm.items().get(7).messageProperty().get()).contains("approved by admin@localhost");
        assertThat(vm.summaryProperty().get()).isEqualTo("19 approved \u00b7 1 already decided by someone else.");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(decided).hasSize(20);
        assertThat(vm.canStartProperty().get()).isFalse();
        vm.start(decided::add, trouble::add, () -> {});
        assertThat(api.decisions).hasSize(20).allSatisfy((id, n) -> assertThat(n)
                .isEqualTo(1));
        assertThat(pending()).isEmpty();
    }

    @Test
    void bulkCancelStopsBeforeTheNextItemAndSendingAgainSendsOnlyTheRest() {
        for (int i = 1; i <= 6; i++) {
            server.create("Cancel " + i, null, Priority.NORMAL, null);
        }
        BulkDecisionViewModel vm = new BulkDecisionViewModel(api, bg, pending(), ApprovalStatus.REJECTED);
        assertThat(vm.canStartProperty().get()).isFalse();
        vm.commentProperty().set("Duplicates");
        List<Approval> decided = new ArrayList<>();
        vm.start(
                a -> {
                    decided.add(a);
                    if (decided.size() == 2) {
                        vm.cancel();
                    }
                },
                trouble::add,
                () -> {});
        assertThat(vm.count(BulkItem.State.DONE)).isEqualTo(2);
        assertThat(vm.count(BulkItem.State.NOT_SENT)).isEqualTo(4);
        assertThat(vm.summaryProperty().get()).isEqualTo("2 rejected \u00b7 4 not sent.");
        vm.start(decided::add, trouble::add, () -> {});
        assertThat(vm.count(BulkItem.State.DONE)).isEqualTo(6);
        assertThat(api.decisions).hasSize(6).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    void bulkFailuresAreListedAndRetriedAlone() throws Exception {
        for (int i = 1; i <= 3; i++) {
            server.create("Offline " + i, null, Priority.NORMAL, null);
        }
        List<Approval> selected = pending();
        BulkDecisionViewModel vm = new BulkDecisionViewModel(api, bg, selected, ApprovalStatus.APPROVED);
        List<Approval> decided = new ArrayList<>();
        vm.start(
                a -> {
                    decided.add(a);
                    server.stop();
                },
                trouble::add,
                () -> {});
        assertThat(vm.count(BulkItem.State.DONE)).isEqualTo(1);
        assertThat(vm.count(BulkItem.State.FAILED)).isEqualTo(2);
        assertThat(vm.items().get(1).messageProperty().get()).contains("cannot be reached");
        server.restart();
        vm.start(decided::add, trouble::add, () -> {});
        assertThat(vm.count(BulkItem.State.DONE)).isEqualTo(3);
        assertThat(api.decisions.get(selected.get(0).id())).isEqualTo(1);
    }
}
