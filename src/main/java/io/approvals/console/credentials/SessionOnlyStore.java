package io.approvals.console.credentials;

import io.approvals.console.contract.ApiKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps keys in memory only, for this run of the app: offered (clearly labelled) when no keychain is
 * reachable, and used by tests. Nothing is written anywhere.
 */
public final class SessionOnlyStore implements SecretStore {
    public static final String BACKEND = "this session only";

    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public String backendName() {
        return BACKEND;
    }

    @Override
    public Availability probe() {
        return Availability.reachable(BACKEND);
    }

    @Override
    public void save(String account, ApiKey key) {
        keys.put(account, key);
    }

    @Override
    public Optional<ApiKey> load(String account) {
        return Optional.ofNullable(keys.get(account));
    }

    @Override
    public void delete(String account) {
        keys.remove(account);
    }
}
