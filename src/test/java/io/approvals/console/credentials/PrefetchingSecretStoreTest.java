package io.approvals.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.TestKeys;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class PrefetchingSecretStoreTest {
    private final SessionOnlyStore keys = new SessionOnlyStore();
    private final RecordingSecretStore store = new RecordingSecretStore(keys);
    private final PrefetchingSecretStore ahead = new PrefetchingSecretStore(store);

    @Test
    void readsAllPrefetchedAccountsInOneCallAndHandsEachAnswerOutOnce() {
        ApiKey key = TestKeys.random();
        keys.save("prod", key);

        ahead.prefetch("prod#pending", "prod");

        assertThat(ahead.load("prod#pending")).isEmpty();
        assertThat(ahead.load("prod"))
                .hasValueSatisfying(k -> assertThat(k.matches(key)).isTrue());
        assertThat(store.calls).containsExactly("loadEach [prod#pending, prod]");
        // the second read of an account asks the store again
        assertThat(ahead.load("prod")).isPresent();
        assertThat(store.calls).containsExactly("loadEach [prod#pending, prod]", "load prod");
    }

    @Test
    void aLoadWhileTheReadIsUnderWayWaitsForItInsteadOfAskingTwice() throws Exception {
        ApiKey key = TestKeys.random();
        keys.save("prod", key);
        store.gate = new CountDownLatch(1);
        ahead.prefetch("prod");
        AtomicReference<Optional<ApiKey>> loaded = new AtomicReference<>();
        Thread loader = new Thread(() -> loaded.set(ahead.load("prod")));
        loader.start();

        // the scenario for sure: the read has started and is held, and the load is parked waiting for it
        while (!store.calls.contains("loadEach [prod]") || loader.getState() != Thread.State.WAITING) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        assertThat(loaded.get()).isNull();
        store.gate.countDown();
        loader.join();

        assertThat(loaded.get()).isPresent();
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
        keys.save("prod", old);
        keys.save("test", old);
        ahead.prefetch("prod", "test");

        ahead.save("prod", replacement);
        ahead.delete("test");

        assertThat(ahead.load("prod"))
                .hasValueSatisfying(k -> assertThat(k.matches(replacement)).isTrue());
        assertThat(ahead.load("test")).isEmpty();
    }

    @Test
    void discardedAnswersAreNotHandedOut() {
        keys.save("prod", TestKeys.random());
        ahead.prefetch("prod");
        ahead.discardPrefetched();
        keys.delete("prod");

        assertThat(ahead.load("prod")).isEmpty();
        assertThat(store.calls).contains("load prod");
    }
}
