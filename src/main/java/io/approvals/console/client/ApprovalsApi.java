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
 * The Approvals API v2, one method per endpoint. Every method blocks: call it off the JavaFX thread.
 * Failures are {@link ApiException}s.
 */
public interface ApprovalsApi {

    /** One page of pending approvals, oldest first. approver and cursor may be null. */
    Page<Approval> listNotComplete(String approver, int limit, String cursor);

    /** Every pending approval, page by page, reusing unchanged pages of previous via If-None-Match. */
    PendingSnapshot fetchAllNotComplete(String approver, PendingSnapshot previous);

    /**
     * As {@link #fetchAllNotComplete(String, PendingSnapshot)}, handing {@code eachPage} the items of each page as
     * soon as they are read (unchanged ones included), in order, on the fetching thread: a caller can work on them
     * while the rest come. Together they are the snapshot's items, the very objects, when the fetch succeeds. By
     * default: all of them at once at the end.
     */
    default PendingSnapshot fetchAllNotComplete(
            String approver, PendingSnapshot previous, Consumer<List<Approval>> eachPage) {
        PendingSnapshot all = fetchAllNotComplete(approver, previous);
        eachPage.accept(all.items());
        return all;
    }

    /** Creates an approval. Retries reuse idempotencyKey, so a retry never creates a second one. */
    Approval createApproval(CreateApprovalRequest request, String idempotencyKey);

    /** Approves or rejects. Never retried automatically. */
    Approval updateStatus(UpdateStatusRequest request);

    /** The calling key's metadata (GET /apikeys/current). */
    KeyMetadata currentKey();

    /** Verifies the key: /apikeys/current, or a one-item list where the server lacks it. */
    KeyVerification verifyKey();

    IssuedKey regenerateCurrentKey(int oldKeyValidForSeconds);

    Page<KeyMetadata> listKeys(String cursor);

    List<KeyMetadata> listAllKeys();

    IssuedKey issueKey(IssueKeyRequest request);

    IssuedKey regenerateKey(String keyId, int oldKeyValidForSeconds);

    KeyMetadata revokeKey(String keyId);

    /**
     * Ends the grace period of the key's older secrets now (an extension of the contract, see {@link GraceEnd}):
     * they stop working, the current secret does not. A server without the endpoint gives {@link
     * GraceEnd#UNAVAILABLE}; an unknown key is {@link ApiException.NotFound}, nothing in grace (or a revoked key)
     * {@link ApiException.Conflict}. Never retried. By default: an API that cannot do it.
     */
    default GraceEnd expirePreviousSecrets(String keyId) {
        return GraceEnd.UNAVAILABLE;
    }

    /** The audit trail, newest first. */
    Page<AuditEntry> audit(int limit, String cursor);
}
