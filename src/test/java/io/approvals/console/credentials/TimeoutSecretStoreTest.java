package io.approvals.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.TestKeys;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TimeoutSecretStoreTest {
    private final CountDownLatch never = new CountDownLatch(1);

    /** A keychain waiting for an unlock prompt nobody answers. */
    private final SecretStore hanging = new SecretStore() {
        @Override
        public String backendName() {
            return "Hanging";
        }

        @Override
        public Availability probe() {
            await();
            return Availability.reachable("Hanging");
        }

        @Override
        public void save(String account, ApiKey key) {
            await();
        }

        @Override
        public Optional<ApiKey> load(String account) {
            await();
            return Optional.empty();
        }

        @Override
        public void delete(String account) {
            await();
        }

        private void await() {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    };

    @AfterEach
    void release() {
        never.countDown();
    }

    @Test
    @Timeout(30) // a safety net only: the store itself must give up after 200 ms
    void aHangingKeychainTimesOutWithAClearMessage() {
        TimeoutSecretStore store = new TimeoutSecretStore(hanging, Duration.ofMillis(200));

        assertThatThrownBy(() -> store.save("acct", TestKeys.canary()))
                .isInstanceOfSatisfying(KeychainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(KeychainException.Kind.TIMEOUT);
                    assertThat(e.getMessage())
                            .startsWith("Waiting for the keychain to unlock\u2026 timed out")
                            .contains("Unlock your keyring and try again")
                            .doesNotContain(TestKeys.CANARY_BODY);
                });
        assertThatThrownBy(() -> store.load("acct")).isInstanceOf(KeychainException.class);
        assertThatThrownBy(() -> store.delete("acct")).isInstanceOf(KeychainException.class);
    }

    @Test
    @Timeout(30)
    void aSlowCallIsAnnouncedAsWaitingAndTheEndToo() {
        java.util.List<Boolean> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        TimeoutSecretStore store = new TimeoutSecretStore(hanging, Duration.ofSeconds(2)).onWaiting(events::add);

        assertThatThrownBy(() -> store.load("acct")).isInstanceOf(KeychainException.class);

        assertThat(events).containsExactly(true, false);
    }

    @Test
    @Timeout(30)
    void aHangingProbeReportsUnreachableInsteadOfThrowing() {
        Availability a = new TimeoutSecretStore(hanging, Duration.ofMillis(200)).probe();

        assertThat(a.reachable()).isFalse();
        assertThat(a.kind()).isEqualTo(KeychainException.Kind.TIMEOUT);
    }

    @Test
    void passesResultsAndFailuresThrough() {
        SessionOnlyStore inner = new SessionOnlyStore();
        TimeoutSecretStore store = new TimeoutSecretStore(inner, Duration.ofSeconds(10));
        ApiKey key = TestKeys.random();

        store.save("a", key);

        assertThat(store.load("a")).contains(key);
        assertThat(store.backendName()).isEqualTo(SessionOnlyStore.BACKEND);
        store.delete("a");
        assertThat(store.load("a")).isEmpty();
    }

    @Test
    void keychainFailuresKeepTheirKind() {
        TimeoutSecretStore store = new TimeoutSecretStore(
                new SecretStore() {
                    @Override
                    public String backendName() {
                        return "Locked";
                    }

                    @Override
                    public Availability probe() {
                        return Availability.unreachable(
                                "Locked", KeychainException.Kind.LOCKED, "Locked.", "Unlock it.");
                    }

                    @Override
                    public void save(String account, ApiKey key) {
                        throw new KeychainException(KeychainException.Kind.LOCKED, "Locked.", "Unlock it.");
                    }

                    @Override
                    public Optional<ApiKey> load(String account) {
                        throw new KeychainException(KeychainException.Kind.DENIED, "Denied.", "Allow it.");
                    }

                    @Override
                    public void delete(String account) {
                        throw new IllegalStateException("boom");
                    }
                },
                Duration.ofSeconds(10));

        assertThatThrownBy(() -> store.save("a", TestKeys.random()))
                .isInstanceOfSatisfying(
                        KeychainException.class, e -> assertThat(e.kind()).isEqualTo(KeychainException.Kind.LOCKED));
        assertThatThrownBy(() -> store.load("a"))
                .isInstanceOfSatisfying(
                        KeychainException.class, e -> assertThat(e.kind()).isEqualTo(KeychainException.Kind.DENIED));
        assertThatThrownBy(() -> store.delete("a")).isInstanceOf(IllegalStateException.class);
        assertThat(store.probe().kind()).isEqualTo(KeychainException.Kind.LOCKED);
    }

    @Test
    void theTimeoutComesFromTheSystemProperty() {
        String before = System.getProperty(TimeoutSecretStore.TIMEOUT_PROPERTY);
        try {
            System.setProperty(TimeoutSecretStore.TIMEOUT_PROPERTY, "2.5");
            assertThat(TimeoutSecretStore.configuredTimeout()).isEqualTo(Duration.ofMillis(2500));
            System.setProperty(TimeoutSecretStore.TIMEOUT_PROPERTY, "nonsense");
            assertThat(TimeoutSecretStore.configuredTimeout()).isEqualTo(TimeoutSecretStore.DEFAULT_TIMEOUT);
        } finally {
            if (before == null) {
                System.clearProperty(TimeoutSecretStore.TIMEOUT_PROPERTY);
            } else {
                System.setProperty(TimeoutSecretStore.TIMEOUT_PROPERTY, before);
            }
        }
    }
}
