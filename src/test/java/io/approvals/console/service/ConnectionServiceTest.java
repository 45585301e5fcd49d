package io.approvals.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.client.ApiException;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.TestKeys;
import io.approvals.console.credentials.Availability;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.credentials.SecretStore;
import io.approvals.console.credentials.SessionOnlyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-27T03:30:00Z");

    @TempDir
    Path root;

    private final FakeApprovalsApi server = new FakeApprovalsApi();
    private final SessionOnlyStore secrets = new SessionOnlyStore();
    private ConnectionStore store;
    private ConnectionService service;

    @BeforeEach
    void setUp() {
        store = new ConnectionStore(AppPaths.under(root));
        service = new ConnectionService(store, secrets, server.factory(), Clock.fixed(NOW, ZoneOffset.UTC));
        service.addProfile("prod", "https://approvals.example.com", AuthMode.API_KEY, null, null);
    }

    @Test
    void setKeyRecordsWhatTheServerSaidButNeverTheKey() throws Exception {
        ApiKey key = server.issue(TestKeys.random(), "lee@example.com", List.of("read", "write"));

        KeyReport report = service.setKey("prod", key);

        assertThat(report.stored()).isTrue();
        assertThat(report.backend()).isEqualTo("this session only");
        assertThat(report.verifiedMatchesStored()).isTrue();
        Connection saved =
                new ConnectionStore(AppPaths.under(root)).find("prod").orElseThrow();
        assertThat(saved.verified().scopes()).containsExactly("read", "write");
        assertThat(saved.verified().owner()).isEqualTo("lee@example.com");
        assertThat(saved.verified().verifiedAt()).isEqualTo(NOW);
        assertThat(saved.verified().fingerprint()).isEqualTo(key.fingerprint());
        assertThat(saved.toString()).doesNotContain(key.reveal());
    }

    @Test
    void aKeychainThatFailsToStoreLeavesTheRecordedFactsAsTheyWere() {
        ApiKey key = server.issue(TestKeys.random(), "lee@example.com", List.of("read"));
        SecretStore failingSave = new SecretStore() {
            @Override
            public String backendName() {
                return "Broken";
            }

            @Override
            public Availability probe() {
                return Availability.reachable("Broken");
            }

            @Override
            public void save(String account, ApiKey k) {
                throw new KeychainException(KeychainException.Kind.LOCKED, "Locked.", "Unlock it.");
            }

            @Override
            public Optional<ApiKey> load(String account) {
                return Optional.empty();
            }

            @Override
            public void delete(String account) {}
        };

        assertThatThrownBy(() -> service.withSecrets(failingSave).setKey("prod", key))
                .isInstanceOf(KeychainException.class);

        assertThat(store.find("prod").orElseThrow().verified()).isNull();
    }

    @Test
    void aKeyReplacedBehindOurBackIsFlaggedInStatus() {
        ApiKey first = server.issue(TestKeys.random(), "lee@example.com", List.of("read"));
        service.setKey("prod", first);

        secrets.save("prod", TestKeys.random());

        assertThat(service.status("prod").verifiedMatchesStored()).isFalse();
    }

    @Test
    void verifyUpdatesTheFactsAndAFailedVerifyKeepsThem() {
        ApiKey key = server.issue(TestKeys.random(), "lee@example.com", List.of("read"));
        service.setKey("prod", key);
        server.issue(key, "lee@example.com", List.of("read", "admin"));

        assertThat(service.verify("prod").verified().scopes()).containsExactly("read", "admin");

        server.revoke(key);
        assertThatThrownBy(() -> service.verify("prod")).isInstanceOf(ApiException.Unauthorized.class);
        assertThat(service.status("prod").verified().scopes()).containsExactly("read", "admin");
    }

    @Test
    void sessionOnlyIsAnotherServiceOverTheSameConnections() {
        SessionOnlyStore session = new SessionOnlyStore();
        ApiKey key = server.issue(TestKeys.random(), "lee@example.com", List.of("read"));

        service.withSecrets(session).setKey("prod", key);

        assertThat(session.load("prod")).contains(key);
        assertThat(secrets.load("prod")).isEmpty();
        assertThat(service.profile("prod").verified()).isNotNull();
    }

    @Test
    void profilesAreCheckedWhenAdded() {
        assertThatThrownBy(() -> service.addProfile("x", "ftp://h", AuthMode.API_KEY, null, null))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind())
                        .isEqualTo(ServiceException.Kind.INVALID_INPUT));
        assertThatThrownBy(() -> service.addProfile("y", "https://h.example.com", AuthMode.API_KEY, "Bad Header", null))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("header");
        assertThatThrownBy(() -> service.addProfile("prod", "https://h.example.com", AuthMode.API_KEY, null, null))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind())
                        .isEqualTo(ServiceException.Kind.DUPLICATE_PROFILE));
        Connection loopback = service.addProfile("local", "http://localhost:8080", AuthMode.BEARER, null, null);
        assertThat(loopback.authMode()).isEqualTo(AuthMode.BEARER);
        assertThat(HttpClientFactory.authScheme(loopback))
                .isInstanceOf(io.approvals.console.client.AuthScheme.Bearer.class);
    }
}
