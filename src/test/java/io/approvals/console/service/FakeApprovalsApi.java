package io.approvals.console.service;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.KeyVerification;
import io.approvals.console.client.PendingSnapshot;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.IssueKeyRequest;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.KeyStatus;
import io.approvals.console.contract.Page;
import io.approvals.console.contract.UpdateStatusRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory server for service and CLI tests that need no HTTP: knows some keys (by digest) and some
 * pending approvals. The end-to-end tests use the real sandbox instead.
 */
public final class FakeApprovalsApi {
    private final Map<String, KeyMetadata> keys = new ConcurrentHashMap<>();
    private final List<Approval> pending = new ArrayList<>();
    private volatile boolean keyEndpoints = true;

    public ApiKey issue(ApiKey key, String owner, List<String> scopes) {
        keys.put(
                key.sha256Hex(),
                new KeyMetadata(
                        "key_" + key.fingerprint(),
                        "test",
                        owner,
                        key.prefix(),
                        key.last4(),
                        scopes,
                        Instant.parse("2026-11-01T00:00:00Z"),
                        null,
                        null,
                        KeyStatus.ACTIVE));
        return key;
    }

    public void revoke(ApiKey key) {
        keys.remove(key.sha256Hex());
    }

    public void withoutKeyEndpoints() {
        keyEndpoints = false;
    }

    public void addPending(Approval a) {
        pending.add(a);
    }

    public ClientFactory factory() {
        return (connection, key) -> new Client(key);
    }

    private final class Client implements ApprovalsApi {
        private final ApiKey key;

        Client(ApiKey key) {
            this.key = key;
        }

        private KeyMetadata caller() {
            KeyMetadata m = keys.get(key.sha256Hex());
            if (m == null) {
                throw new ApiException.Unauthorized("req-1");
            }
            return m;
        }

        @Override
        public Page<Approval> listNotComplete(String approver, int limit, String cursor) {
            caller();
            return new Page<>(
                    pending.stream()
                            .filter(a -> approver == null || approver.equals(a.approver()))
                            .limit(limit)
                            .toList(),
                    null);
        }

        @Override
        public PendingSnapshot fetchAllNotComplete(String approver, PendingSnapshot previous) {
            return new PendingSnapshot(listNotComplete(approver, 1000, null).items(), Map.of(), Instant.now(), false);
        }

        @Override
        public KeyMetadata currentKey() {
            if (!keyEndpoints) {
                throw new ApiException.NotFound(null, "req-2");
            }
            return caller();
        }

        @Override
        public KeyVerification verifyKey() {
            try {
                return new KeyVerification(currentKey(), true);
            } catch (ApiException.NotFound e) {
                listNotComplete(null, 1, null);
                return new KeyVerification(null, false);
            }
        }

        @Override
        public Approval createApproval(CreateApprovalRequest request, String idempotencyKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Approval updateStatus(UpdateStatusRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public IssuedKey regenerateCurrentKey(int oldKeyValidForSeconds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<KeyMetadata> listKeys(String cursor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<KeyMetadata> listAllKeys() {
            throw new UnsupportedOperationException();
        }

        @Override
        public IssuedKey issueKey(IssueKeyRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public IssuedKey regenerateKey(String keyId, int oldKeyValidForSeconds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public KeyMetadata revokeKey(String keyId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<AuditEntry> audit(int limit, String cursor) {
            throw new UnsupportedOperationException();
        }
    }
}
