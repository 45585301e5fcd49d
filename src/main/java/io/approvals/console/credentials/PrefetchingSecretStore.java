package io.approvals.console.credentials;

import io.approvals.console.contract.ApiKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets start-up ask the keychain for keys before it knows for sure it needs them: the desktop app reads the key of
 * the connection it is about to open while the saved connections are still being parsed, instead of after it (the
 * first keychain call of a process costs a few hundred milliseconds of D-Bus and crypto set-up on Linux).
 *
 * <p>A prefetched answer is handed out once, to the first {@link #load} of its account, exactly as the store gave it
 * (a key, none, or the store's failure: an unlock prompt the user cancelled is not asked again). A save or delete of
 * the account drops it, so an answer never outlives a change made through this store. {@link #discardPrefetched()}
 * drops what nobody asked for, so a key is not kept in memory for nothing.
 */
public final class PrefetchingSecretStore implements SecretStore {
    private final SecretStore delegate;
    private final Map<String, CompletableFuture<Optional<ApiKey>>> prefetched = new ConcurrentHashMap<>();

    public PrefetchingSecretStore(SecretStore delegate) {
        this.delegate = delegate;
    }

    /** Starts reading these accounts in one go ({@link SecretStore#loadEach}) on a daemon thread; returns at once. */
    public void prefetch(String... accounts) {
        Map<String, CompletableFuture<Optional<ApiKey>>> started = new LinkedHashMap<>();
        for (String account : accounts) {
            CompletableFuture<Optional<ApiKey>> answer = new CompletableFuture<>();
            if (prefetched.putIfAbsent(account, answer) == null) {
                started.put(account, answer);
            }
        }
        Thread reader = new Thread(
                () -> {
                    try {
                        List<Optional<ApiKey>> keys = delegate.loadEach(List.copyOf(started.keySet()));
                        int i = 0;
                        for (CompletableFuture<Optional<ApiKey>> answer : started.values()) {
                            answer.complete(keys.get(i++));
                        }
                    } catch (Throwable e) {
                        started.values().forEach(answer -> answer.completeExceptionally(e));
                    }
                },
                "keychain-prefetch");
        reader.setDaemon(true);
        reader.start();
    }

    /** Drops the prefetched answers nobody asked for. */
    public void discardPrefetched() {
        prefetched.clear();
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
        prefetched.remove(account);
        delegate.save(account, key);
    }

    @Override
    public Optional<ApiKey> load(String account) {
        CompletableFuture<Optional<ApiKey>> answer = prefetched.remove(account);
        if (answer == null) {
            return delegate.load(account);
        }
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** One keychain call for all of them (the app's once-a-minute look), unless some were prefetched. */
    @Override
    public List<Optional<ApiKey>> loadEach(List<String> accounts) {
        if (accounts.stream().noneMatch(prefetched::containsKey)) {
            return delegate.loadEach(accounts);
        }
        return accounts.stream().map(this::load).toList();
    }

    @Override
    public void delete(String account) {
        prefetched.remove(account);
        delegate.delete(account);
    }

    @Override
    public void close() {
        prefetched.clear();
        delegate.close();
    }
}
