package io.approvals.console.ui;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.PendingSnapshot;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.UpdateStatusRequest;
import io.approvals.console.testing.ForwardingApi;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Passes every call to a real client and counts list fetches, create calls and decisions per approval. */
public final class CountingApi extends ForwardingApi {
    public final Map<String, Integer> decisions = new ConcurrentHashMap<>();
    public final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
    public final AtomicInteger listFetches = new AtomicInteger();

    public CountingApi(ApprovalsApi real) {
        super(real);
    }

    @Override
    public PendingSnapshot fetchAllNotComplete(String approver, PendingSnapshot previous) {
        listFetches.incrementAndGet();
        return real.fetchAllNotComplete(approver, previous);
    }

    @Override
    public Approval createApproval(CreateApprovalRequest request, String idempotencyKey) {
        idempotencyKeys.add(idempotencyKey);
        return real.createApproval(request, idempotencyKey);
    }

    @Override
    public Approval updateStatus(UpdateStatusRequest request) {
        decisions.merge(request.id(), 1, Integer::sum);
        return real.updateStatus(request);
    }
}
