package io.approvals.console.credentials;

import io.approvals.console.contract.ApiKey;
import java.util.List;
import java.util.Optional;

/**
 * Where API keys live, one per connection (the account). Implementations never fall back to another
 * place on their own: a store that cannot do its job throws {@link KeychainException}, and the caller
 * decides (e.g. offers {@link SessionOnlyStore}, clearly labelled). Calls may block: never call them on
 * the JavaFX thread.
 */
public interface SecretStore extends AutoCloseable {

    /** What to show a user as "where the key lives": "Secret Service", "macOS Keychain", "this session only". */
    String backendName();

    /** Whether the store can be used now; never throws. */
    Availability probe();

    /** Stores the key, replacing any previous one; returns only once the new key reads back as written. */
    void save(String account, ApiKey key);

    /** The stored key, or empty when none is stored for this account. */
    Optional<ApiKey> load(String account);

    /**
     * The stored keys of several accounts, in their order, in one go; fails as a whole. A keychain whose every call
     * connects anew (the Secret Service: a D-Bus connection and a key exchange) overrides it to connect once.
     */
    default List<Optional<ApiKey>> loadEach(List<String> accounts) {
        return accounts.stream().map(this::load).toList();
    }

    /** Removes the account's key; does nothing when none is stored. */
    void delete(String account);

    /** Lets go of what the store keeps open for its calls (the Secret Service connection); when the app closes. */
    @Override
    default void close() {}
}
