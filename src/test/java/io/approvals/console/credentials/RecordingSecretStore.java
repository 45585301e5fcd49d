package io.approvals.console.credentials;

import io.approvals.console.contract.ApiKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A store that records every call ("load prod", "loadEach [a, b]"...) and passes it on; loadEach may be held or fail. */
public final class RecordingSecretStore implements SecretStore {
    private final SecretStore delegate;
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** When set, loadEach throws it. */
    public volatile RuntimeException failure;
    /** loadEach waits for it. */
    public volatile CountDownLatch gate = new CountDownLatch(0);

    public RecordingSecretStore(SecretStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public String backendName() {
        return delegate.backendName();
    }

    @Override
    public Availability probe() {
        return delegate.probe();
    }

    @Override
    public void save(String account, ApiKey key) {
        calls.add("save " + account);
        delegate.save(account, key);
    }

    @Override
    public Optional<ApiKey> load(String account) {
        calls.add("load " + account);
        return delegate.load(account);
    }

    @Override
    public List<Optional<ApiKey>> loadEach(List<String> accounts) {
        calls.add("loadEach " + accounts);
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return accounts.stream().map(delegate::load).toList();
    }

    @Override
    public void delete(String account) {
        calls.add("delete " + account);
        delegate.delete(account);
    }
}
