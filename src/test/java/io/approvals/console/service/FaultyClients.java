package io.approvals.console.service;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.KeyVerification;
import io.approvals.console.client.PendingSnapshot;
import io.approvals.console.config.Connection;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.IssueKeyRequest;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.Page;
import io.approvals.console.contract.UpdateStatusRequest;
import java.util.List;
import java.util.function.Supplier;

/** Wraps a real client factory; a test replaces what regenerate or verify does, e.g. to lose an answer. */
public final class FaultyClients implements ClientFactory {
    /** What regenerate does: given the real call, return its answer or throw. */
    @FunctionalInterface
    public interface RegenerateHook {
        IssuedKey regenerate(ApiKey caller, Supplier<IssuedKey> real);
    }

    /** What verify does: given the key and the real call. */
    @FunctionalInterface
    public interface VerifyHook {
        KeyVerification verify(ApiKey key, Supplier<KeyVerification> real);
    }

    private final ClientFactory inner;
    private volatile RegenerateHook regenerate = (key, real) -> real.get();
    private volatile VerifyHook verify = (key, real) -> real.get();

    public FaultyClients(ClientFactory inner) {
        this.inner = inner;
    }

    public FaultyClients onRegenerate(RegenerateHook h) {
        regenerate = h;
        return this;
    }

    public FaultyClients onVerify(VerifyHook h) {
        verify = h;
        return this;
    }

    public void heal() {
        regenerate = (key, real) -> real.get();
        verify = (key, real) -> real.get();
    }

    @Override
    public ApprovalsApi create(Connection connection, ApiKey key) {
        ApprovalsApi real = inner.create(connection, key);
        return new ApprovalsApi() {
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
                return verify.verify(key, real::verifyKey);
            }

            @Override
            public IssuedKey regenerateCurrentKey(int oldKeyValidForSeconds) {
                return regenerate.regenerate(key, () -> real.regenerateCurrentKey(oldKeyValidForSeconds));
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
        };
    }
}
