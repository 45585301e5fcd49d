package io.approvals.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.config.AuthMode;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's own sentences follow the language the surface chose: one German sentence per class. */
class ServiceTextGermanTest {

    @BeforeEach
    void german() {
        ServiceText.useLocale(Locale.GERMAN);
    }

    @AfterEach
    void english() {
        ServiceText.useLocale(Locale.ENGLISH);
    }

    @Test
    void keyAttentionSpeaksGerman() {
        KeyAttention.Look look = new KeyAttention.Look("work", Optional.empty(), true, Optional.empty(), null);

        assertThat(KeyAttention.of(look).orElseThrow().message())
                .startsWith("Eine Rotation des Schl\u00fcssels von Profil 'work' ist nicht abgeschlossen");
    }

    @Test
    void keyReplacementSpeaksGerman() {
        ApiKey key = ApiKey.generate(new SecureRandom());

        assertThat(KeyReplacement.describe(key)).isEqualTo(key.masked() + " (Fingerabdruck " + key.fingerprint() + ")");
    }

    /** A new service on the sandbox with profile "p" (no key stored), as KeyReplacementTest starts one. */
    private static ConnectionService serviceOn(Sandbox sandbox, Path dir) {
        ConnectionService service = new ConnectionService(
                new ConnectionStore(dir.resolve("connections.json"), Clock.systemUTC()),
                new SessionOnlyStore(),
                new HttpClientFactory());
        service.addProfile("p", sandbox.baseUri().toString(), AuthMode.API_KEY, null, null);
        return service;
    }

    @Test
    void interruptedRotationSpeaksGerman(@TempDir Path dir) throws Exception {
        try (Sandbox sandbox = Sandbox.start(new SandboxConfig(dir.resolve("sandbox"), 0, null))) {
            ConnectionService service = serviceOn(sandbox, dir);
            service.secrets().save(KeyRotation.pendingAccount("p"), ApiKey.generate(new SecureRandom()));

            RotationResult r = new KeyRotation(service).recover("p").orElseThrow();

            assertThat(r.message())
                    .startsWith("Eine fr\u00fchere Rotation von Profil 'p' wurde unterbrochen. Ihr neuer Schl\u00fcssel"
                            + " wurde abgelehnt");
        }
    }

    @Test
    void keyAdminSpeaksGerman(@TempDir Path dir) {
        ConnectionService service = new ConnectionService(
                new ConnectionStore(dir.resolve("connections.json"), Clock.systemUTC()),
                new SessionOnlyStore(),
                new HttpClientFactory());
        KeyAdmin admin = new KeyAdmin(service, "p");

        assertThatThrownBy(() -> admin.issue("lee-laptop", " ", List.of(), null))
                .isInstanceOf(ServiceException.class)
                .hasMessage("Ein Schl\u00fcssel braucht eine Eigent\u00fcmerin oder einen Eigent\u00fcmer, z. B."
                        + " lee@example.com.");
    }

    @Test
    void connectionServiceSpeaksGerman(@TempDir Path dir) {
        ConnectionService service = new ConnectionService(
                new ConnectionStore(dir.resolve("connections.json"), Clock.systemUTC()),
                new SessionOnlyStore(),
                new HttpClientFactory());

        assertThatThrownBy(() -> service.profile("nirgends"))
                .isInstanceOf(ServiceException.class)
                .hasMessage("Kein Profil namens 'nirgends'. Die Profile zeigt: approvals-console profiles list");
    }

    @Test
    void englishUntilASurfaceChoosesALanguage() {
        ServiceText.useLocale(null);
        KeyAttention.Look look = new KeyAttention.Look("work", Optional.empty(), true, Optional.empty(), null);

        assertThat(KeyAttention.of(look).orElseThrow().message())
                .startsWith("A rotation of the key of profile 'work' is unfinished");
    }
}
