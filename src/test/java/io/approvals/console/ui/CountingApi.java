package io.approvals.console.ui;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.KeyVerification;
import io.approvals.console.client.PendingSnapshot;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.IssueKeyRequest;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.Page;
import io.approvals.console.contract.UpdateStatusRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Passes every call to a real client and counts decisions per approval and create calls. */
public final class CountingApi implements ApprovalsApi {
    private final ApprovalsApi real;
    public final Map<String, Integer> decisions = new ConcurrentHashMap<>();
    public final List<String> idempotencyKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final java.util.concurrent.atomic.AtomicInteger listFetches = new java.util.concurrent.atomic.AtomicInteger();

    public CountingApi(ApprovalsApi real) {
        this.real = real;
    }

    @Override
    public Page<Approval> listNotComplete(String approver, int limit, String cursor) {
        return real.listNotComplete(approver, limit, cursor);
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

    @Override
    public KeyMetadata currentKey() {
        return real.currentKey();
    }

    @Override
    public KeyVerification verifyKey() {
        return real.verifyKey();
    }

    @Override
    public IssuedKey regenerateCurrentKey(int oldKeyValidForSeconds) {
        return real.regenerateCurrentKey(oldKeyValidForSeconds);
    }

    @Override
    public Page<KeyMetadata> listKeys(String cursor) {
        return real.listKeys(cursor);
    }

    @Override
    public List<KeyMetadata> listAllKeys() {
        return real.listAllKeys();
    }

    @Override
    public IssuedKey issueKey(IssueKeyRequest request) {
        return real.issueKey(request);
    }

    @Override
    public IssuedKey regenerateKey(String keyId, int oldKeyValidForSeconds) {
        return real.regenerateKey(keyId, oldKeyValidForSeconds);
    }

    @Override
    public KeyMetadata revokeKey(String keyId) {
        return real.revokeKey(keyId);
    }

    @Override
    public Page<AuditEntry> audit(int limit, String cursor) {
        return real.audit(limit, cursor);
    }
}
