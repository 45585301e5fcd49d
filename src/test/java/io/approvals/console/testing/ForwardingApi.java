package io.approvals.console.testing;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.GraceEnd;
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

/** Passes every call to another client; a test double overrides only the calls it watches or breaks. */
public abstract class ForwardingApi implements ApprovalsApi {
    protected final ApprovalsApi real;

    protected ForwardingApi(ApprovalsApi real) {
        this.real = real;
    }

    @Override
    public Page<Approval> listNotComplete(String approver, int limit, String cursor) {
        return real.listNotComplete(approver, limit, cursor);
    }

    @Override
    public PendingSnapshot fetchAllNotComplete(String approver, PendingSnapshot previous) {
        return real.fetchAllNotComplete(approver, previous);
    }

    @Override
    public Approval createApproval(CreateApprovalRequest request, String idempotencyKey) {
        return real.createApproval(request, idempotencyKey);
    }

    @Override
    public Approval updateStatus(UpdateStatusRequest request) {
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
    public GraceEnd expirePreviousSecrets(String keyId) {
        return real.expirePreviousSecrets(keyId);
    }

    @Override
    public Page<AuditEntry> audit(int limit, String cursor) {
        return real.audit(limit, cursor);
    }
}
