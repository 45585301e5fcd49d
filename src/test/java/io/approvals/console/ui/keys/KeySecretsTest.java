package io.approvals.console.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.KeyStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which secrets of a key work, as the audit trail (newest first) tells it; key.grace-ended clears the older ones. */
class KeySecretsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final KeyMetadata KEY = new KeyMetadata(
            "key_1",
            "dana-laptop",
            "dana@example.com",
            "apv_CURR",
            "cccc",
            List.of("read"),
            NOW.minusSeconds(86_400),
            null,
            null,
            KeyStatus.ACTIVE);

    private static AuditEntry entry(String action, String detail, long secondsAgo) {
        return new AuditEntry(
                NOW.minusSeconds(secondsAgo),
                new AuditEntry.Actor("key_a", "admin@localhost"),
                action,
                "key_1",
                detail);
    }

    @Test
    void aGracePeriodEndedEarlyListsOnlyTheCurrentSecret() {
        AuditEntry regenerated = entry(
                AuditEntry.KEY_REGENERATED, "old secret apv_OLD1\u2026aaaa valid until 2026-12-06T11:00:00.000Z", 60);
        assertThat(KeySecrets.of(KEY, List.of(regenerated), NOW))
                .extracting(KeySecrets.Secret::hint)
                .containsExactly("apv_CURR\u2026cccc", "apv_OLD1\u2026aaaa");

        AuditEntry ended = entry(
                AuditEntry.KEY_GRACE_ENDED,
                "grace period ended early: old secret apv_OLD1\u2026aaaa would have worked until "
                        + "2026-12-06T11:00:00.000Z",
                30);
        assertThat(KeySecrets.of(KEY, List.of(ended, regenerated), NOW))
                .extracting(KeySecrets.Secret::hint)
                .containsExactly("apv_CURR\u2026cccc");

        AuditEntry later = entry(
                AuditEntry.KEY_REGENERATED, "old secret apv_OLD2\u2026bbbb valid until 2026-12-06T12:00:00.000Z", 10);
        assertThat(KeySecrets.of(KEY, List.of(later, ended, regenerated), NOW))
                .as("a regeneration after the early end has its own grace period")
                .extracting(KeySecrets.Secret::hint)
                .containsExactly("apv_CURR\u2026cccc", "apv_OLD2\u2026bbbb");
    }
}
