package io.approvals.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.TestKeys;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class PrefetchingSecretStoreTest {
    /** A session-only store that records every call. */
    static final class Recording implements SecretStore {
        final SessionOnlyStore keys = new SessionOnlyStore();
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile RuntimeException failure;
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public String backendName() {
            return "recording";
        }

        @Override
        public Availability probe() {
            return Availability.reachable(backendName());
        }

        @Override
        public void save(String account, ApiKey key) {
            calls.add("save " + account);
            keys.save(account, key);
        }

        @Override
        public Optional<ApiKey> load(String account) {
            calls.add("load " + account);
            return keys.load(account);
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
            return accounts.stream().map(keys::load).toList();
        }

        @Override
        public void delete(String account) {
            calls.add("delete " + account);
            keys.delete(account);
        }
    }

    private final Recording store = new Recording();
    private final PrefetchingSecretStore ahead = new PrefetchingSecretStore(store);

    @Test
    void readsAllPrefetchedAccountsInOneCallAndHandsEachAnswerOutOnce() {
        ApiKey key = TestKeys.random();
        store.keys.save("prod", key);

        ahead.prefetch("prod#pending", "prod");

        assertThat(ahead.load("prod#pending")).isEmpty();
        assertThat(ahead.load("prod")).hasValueSatisfying(k -> assertThat(k.matches(key)).isTrue());
        assertThat(store.calls).containsExactly("loadEach [prod#pending, prod]");
        // the second read of an account asks the store again
        assertThat(ahead.load("prod")).isPresent();
        assertThat(store.calls).containsExactly("loadEach [prod#pending, prod]", "load prod");
    }

    @Test
    void aLoadWhileTheReadIsUnderWayWaitsForItInsteadOfAskingTwice() throws Exception {
        ApiKey key = TestKeys.random();
        store.keys.save("prod", key);
        store.gate = new CountDownLatch(1);
        ahead.prefetch("prod");
        Thread release = new Thread(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            store.gate.countDown();
        });
        release.start();

        assertThat(ahead.load("prod")).isPresent();
        assertThat(store.calls).containsExactly("loadEach [prod]");
    }

    @Test
    void theStoresFailureIsWhatTheFirstLoadGetsAndTheNextAsksAgain() {
        store.failure = new KeychainException(KeychainException.Kind.LOCKED, "The keyring is locked.", "Unlock it.");
        ahead.prefetch("prod");

        assertThatThrownBy(() -> ahead.load("prod")).isSameAs(store.failure);

        store.failure = null;
        assertThat(ahead.load("prod")).isEmpty();
        assertThat(store.calls).containsExactly("loadEach [prod]", "load prod");
    }

    @Test
    void aSaveOrDeleteDropsThePrefetchedAnswerSoAnOldKeyIsNeverHandedOut() {
        ApiKey old = TestKeys.random();
        ApiKey replacement = TestKeys.random();
        store.keys.save("prod", old);
        store.keys.save("test", old);
        ahead.prefetch("prod", "test");

        ahead.save("prod", replacement);
        ahead.delete("test");

        assertThat(ahead.load("prod")).hasValueSatisfying(k -> assertThat(k.matches(replacement)).isTrue());
        assertThat(ahead.load("test")).isEmpty();
    }

    @Test
    void discardedAnswersAreNotHandedOut() {
        store.keys.save("prod", TestKeys.random());
        ahead.prefetch("prod");
        ahead.discardPrefetched();
        store.keys.delete("prod");

        assertThat(ahead.load("prod")).isEmpty();
        assertThat(store.calls).contains("load prod");
    }
}
