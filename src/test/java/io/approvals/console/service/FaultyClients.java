package io.approvals.console.service;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.KeyVerification;
import io.approvals.console.config.Connection;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.testing.ForwardingApi;
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
        return new ForwardingApi(inner.create(connection, key)) {
            @Override
            public KeyVerification verifyKey() {
                return verify.verify(key, real::verifyKey);
            }

            @Override
            public IssuedKey regenerateCurrentKey(int oldKeyValidForSeconds) {
                return regenerate.regenerate(key, () -> real.regenerateCurrentKey(oldKeyValidForSeconds));
            }
        };
    }
}
