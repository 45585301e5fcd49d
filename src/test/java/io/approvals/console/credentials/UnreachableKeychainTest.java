package io.approvals.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.contract.TestKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where no keychain answers, the store says why and what to do, and stores nothing anywhere else. */
class UnreachableKeychainTest {

    @Test
    void withoutAnyDbusSessionTheStoreSaysSo() {
        OsKeychainStore noBus = new OsKeychainStore(OsKeychainStore.SERVICE, OsKeychainStore.Platform.LINUX, Map.of());

        Availability a = noBus.probe();

        assertThat(a.reachable()).isFalse();
        assertThat(a.kind()).isEqualTo(KeychainException.Kind.UNAVAILABLE);
        assertThat(a.reason()).contains("D-Bus");
        assertThat(a.nextStep()).contains("this session only");
    }

    @Test
    void aDeadBusIsUnavailableAndTheKeyIsNotInTheMessage() {
        OsKeychainStore deadBus = new OsKeychainStore(
                OsKeychainStore.SERVICE,
                OsKeychainStore.Platform.LINUX,
                Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent"));
        // the env map only decides whether to try; java-keyring reads the real environment, so this
        // checks the classification only where the real session bus is dead or absent too
        if (System.getenv("DBUS_SESSION_BUS_ADDRESS") != null) {
            return;
        }
        assertThatThrownBy(() -> deadBus.save("x", TestKeys.canary()))
                .isInstanceOfSatisfying(KeychainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(KeychainException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).doesNotContain(TestKeys.CANARY_BODY);
                });
    }

    @Test
    void unavailableAvailabilityBecomesAnExceptionWithReasonAndNextStep() {
        Availability a = Availability.unreachable(
                "Secret Service", KeychainException.Kind.LOCKED, "The keyring is locked.", "Unlock it and try again.");

        KeychainException e = a.toException();

        assertThat(e.kind()).isEqualTo(KeychainException.Kind.LOCKED);
        assertThat(e.getMessage()).isEqualTo("The keyring is locked. Unlock it and try again.");
        assertThat(a.describe()).startsWith("Secret Service: The keyring is locked.");
    }
}
