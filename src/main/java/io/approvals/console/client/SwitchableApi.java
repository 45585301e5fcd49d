package io.approvals.console.client;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.IssueKeyRequest;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.Page;
import io.approvals.console.contract.UpdateStatusRequest;
import java.util.List;
import java.util.function.Consumer;

/**
 * A client whose key can be switched while it is in use: the main window, its open dialogs and their drafts keep
 * this one object when another program replaces the key in the keychain, and their next request goes out with the
 * new key. A request under way finishes with the key it started with.
 */
public final class SwitchableApi implements ApprovalsApi {
    private volatile ApprovalsApi current;

    public SwitchableApi(ApprovalsApi first) {
        this.current = first;
    }

    /** From now on, requests go through this client (made with the new key). */
    public void use(ApprovalsApi next) {
        this.current = next;
    }

    @Override
    public Page<Approval> listNotComplete(String approver, int limit, String cursor) {
        return current.listNotComplete(approver, limit, cursor);
    }

    @Override
    public PendingSnapshot fetchAllNotComplete(String approver, PendingSnapshot previous) {
        return current.fetchAllNotComplete(approver, previous);
    }

    @Override
    public PendingSnapshot fetchAllNotComplete(
            String approver, PendingSnapshot previous, Consumer<List<Approval>> eachPage) {
        return current.fetchAllNotComplete(approver, previous, eachPage);
    }

    @Override
    public Approval createApproval(CreateApprovalRequest request, String idempotencyKey) {
        return current.createApproval(request, idempotencyKey);
    }

    @Override
    public Approval updateStatus(UpdateStatusRequest request) {
        return current.updateStatus(request);
    }

    @Override
    public KeyMetadata currentKey() {
        return current.currentKey();
    }

    @Override
    public KeyVerification verifyKey() {
        return current.verifyKey();
    }

    @Override
    public IssuedKey regenerateCurrentKey(int oldKeyValidForSeconds) {
        return current.regenerateCurrentKey(oldKeyValidForSeconds);
    }

    @Override
    public Page<KeyMetadata> listKeys(String cursor) {
        return current.listKeys(cursor);
    }

    @Override
    public List<KeyMetadata> listAllKeys() {
        return current.listAllKeys();
    }

    @Override
    public IssuedKey issueKey(IssueKeyRequest request) {
        return current.issueKey(request);
    }

    @Override
    public IssuedKey regenerateKey(String keyId, int oldKeyValidForSeconds) {
        return current.regenerateKey(keyId, oldKeyValidForSeconds);
    }

    @Override
    public KeyMetadata revokeKey(String keyId) {
        return current.revokeKey(keyId);
    }

    @Override
    public GraceEnd expirePreviousSecrets(String keyId) {
        return current.expirePreviousSecrets(keyId);
    }

    @Override
    public Page<AuditEntry> audit(int limit, String cursor) {
        return current.audit(limit, cursor);
    }
}
