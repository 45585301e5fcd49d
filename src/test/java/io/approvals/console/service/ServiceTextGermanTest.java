package io.approvals.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.ApiKey;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    @Test
    void englishUntilASurfaceChoosesALanguage() {
        ServiceText.useLocale(null);
        KeyAttention.Look look = new KeyAttention.Look("work", Optional.empty(), true, Optional.empty(), null);

        assertThat(KeyAttention.of(look).orElseThrow().message())
                .startsWith("A rotation of the key of profile 'work' is unfinished");
    }
}
