package io.approvals.console.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.testing.Canary;
import io.approvals.console.ui.DirectBackground;
import io.approvals.console.ui.session.ConnectionDraft;
import io.approvals.console.ui.session.ConsoleEnvironment;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.KeyInfo;
import io.approvals.console.ui.session.UiSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The welcome screen's logic: the key checked as typed, and session-only storage only with consent. */
class WelcomeViewModelTest {

    /** An environment whose keychain is unreachable; it records what it was asked to do. */
    static final class NoKeychain implements ConsoleEnvironment {
        final List<String> saved = new ArrayList<>();
        final List<String> verified = new ArrayList<>();
        /** When set, Save fails with it (before the keychain is asked). */
        RuntimeException saveFails;

        @Override
        public ConsoleSession save(ConnectionDraft draft, ApiKey key, boolean sessionOnly) {
            if (saveFails != null) {
                throw saveFails;
            }
            if (!sessionOnly) {
                throw new KeychainException(
                        KeychainException.Kind.UNAVAILABLE,
                        "No Secret Service answered on the D-Bus session bus.",
                        "Start GNOME Keyring.");
            }
            saved.add(draft.name() + (sessionOnly ? " (session only)" : ""));
            return null;
        }

        @Override
        public KeyInfo verify(ConnectionDraft draft, ApiKey key) {
            verified.add(draft.baseUrl());
            return new KeyInfo(key.masked(), key.fingerprint(), List.of("read"), true, "lee@example.com", null);
        }

        @Override
        public List<String> connectionNames() {
            return List.of();
        }

        @Override
        public Optional<String> currentConnection() {
            return Optional.empty();
        }

        @Override
        public ConsoleSession open(String connectionName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConnectionDraft connection(String connectionName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConsoleSession updateConnection(ConnectionDraft draft) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConsoleSession replaceKey(String connectionName, ApiKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public io.approvals.console.service.ConnectionService keyService(String connectionName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConsoleSession startSandbox() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path cacheDir() {
            return Path.of("unused");
        }

        @Override
        public UiSettings settings() {
            return UiSettings.defaults();
        }

        @Override
        public void saveSettings(UiSettings settings) {}

        @Override
        public void close() {}
    }

    @Test
    void theKeyIsCheckedAsItIsTyped() {
        WelcomeViewModel vm = new WelcomeViewModel(new NoKeychain(), new DirectBackground());
        vm.urlProperty().set("https://approvals.example.com");
        String key = Canary.key().reveal();
        vm.keyProperty().set(key.substring(0, 20));
        assertThat(vm.keyFormatProperty().get()).startsWith("Starts with apv_ but is not 42");
        assertThat(vm.readyProperty().get()).isFalse();
        vm.keyProperty().set(key.substring(0, 41) + (key.endsWith("x") ? "y" : "x"));
        assertThat(vm.keyFormatProperty().get()).startsWith("The checksum does not match");
        assertThat(vm.keyFormatBadProperty().get()).isTrue();
        vm.keyProperty().set(key);
        assertThat(vm.keyFormatProperty().get()).startsWith("\u2713");
        assertThat(vm.readyProperty().get()).isTrue();
        vm.keyProperty().set("an-sso-token-from-somewhere");
        assertThat(vm.keyFormatProperty().get()).startsWith("Not an apv_ key");
        assertThat(vm.readyProperty().get()).isTrue();
        assertThat(vm.keyFormatProperty().get()).doesNotContain("an-sso-token");
    }

    @Test
    void verifyShowsOwnerAndScopes() {
        WelcomeViewModel vm = new WelcomeViewModel(new NoKeychain(), new DirectBackground());
        vm.urlProperty().set("https://approvals.example.com");
        vm.keyProperty().set(Canary.key().reveal());
        vm.verify();
        assertThat(vm.resultProperty().get()).isEqualTo("\u2713 Accepted. Owner lee@example.com \u00b7 scopes read");
    }

    @Test
    void withoutAKeychainTheKeyIsKeptForTheSessionOnlyAfterConsent() {
        NoKeychain env = new NoKeychain();
        WelcomeViewModel vm = new WelcomeViewModel(env, new DirectBackground());
        vm.urlProperty().set("https://approvals.example.com");
        vm.keyProperty().set(Canary.key().reveal());
        List<ConsoleSession> opened = new ArrayList<>();
        vm.save(opened::add);
        assertThat(opened).isEmpty();
        assertThat(env.saved).isEmpty();
        assertThat(vm.offerSessionOnlyProperty().get()).isTrue();
        assertThat(vm.errorProperty().get())
                .contains("No Secret Service answered")
                .contains("keep the key for this session only")
                .doesNotContain(Canary.MARK);
        vm.sessionOnlyProperty().set(true);
        vm.save(opened::add);
        assertThat(env.saved).containsExactly("work (session only)");
        assertThat(opened).hasSize(1);
    }

    @Test
    void aKeyNoHeaderCanCarryIsRefusedAsItIsTyped() {
        WelcomeViewModel vm = new WelcomeViewModel(new NoKeychain(), new DirectBackground());
        vm.urlProperty().set("https://approvals.example.com");
        vm.keyProperty().set("two words");
        assertThat(vm.keyFormatProperty().get()).startsWith("This cannot be sent");
        assertThat(vm.keyFormatBadProperty().get()).isTrue();
        assertThat(vm.readyProperty().get()).isFalse();
    }

    @Test
    void aMistypedUrlIsExplainedBeforeAnythingIsSent() {
        NoKeychain env = new NoKeychain();
        WelcomeViewModel vm = new WelcomeViewModel(env, new DirectBackground());
        vm.urlProperty().set("https://approvals example.com");
        vm.keyProperty().set(Canary.key().reveal());
        vm.verify();
        assertThat(vm.errorProperty().get()).isEqualTo("Not a URL. Write it like https://approvals.example.com");
        assertThat(env.verified).isEmpty();
        vm.urlProperty().set("https://approvals.example.com");
        vm.verify();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(env.verified).containsExactly("https://approvals.example.com");
    }

    @Test
    void anExistingNameIsSaidInTheUsersWords() {
        NoKeychain env = new NoKeychain();
        env.saveFails = new io.approvals.console.service.ServiceException(
                io.approvals.console.service.ServiceException.Kind.DUPLICATE_PROFILE, "English from the service");
        WelcomeViewModel vm = new WelcomeViewModel(env, new DirectBackground());
        vm.urlProperty().set("https://approvals.example.com");
        vm.keyProperty().set(Canary.key().reveal());
        vm.save(s -> {});
        assertThat(vm.errorProperty().get())
                .startsWith("A connection named \u2018work\u2019 exists already")
                .doesNotContain("English from the service");
    }
}
