package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.KeyStatus;
import io.approvals.console.contract.Scope;
import io.approvals.console.testing.MovableClock;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issuing, regenerating and revoking keys, and lastUsedAt, on the sandbox's real H2 store without the
 * HTTP server: which secrets work afterwards, what the audit trail says, and that lastUsedAt is the
 * newest of the uses across a flush and a restart.
 */
class KeyServiceTest {
    private static final Caller ADMIN = new Caller("k_admin", "admin@example.com", Scope.ALL, null);

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T04:00:00.123456Z"));
    private SandboxStore store;
    private KeyRegistry registry;
    private KeyService keys;

    @BeforeEach
    void open() throws SQLException {
        store = SandboxStore.open(dir);
        restart();
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A new registry and service over the same database, as after a sandbox restart. */
    private void restart() throws SQLException {
        registry = new KeyRegistry();
        store.read(c -> {
            registry.reload(c);
            return null;
        });
        keys = new KeyService(store, registry, clock);
    }

    private IssuedKey issue(Instant expiresAt) throws SQLException {
        return keys.issue(ADMIN, "laptop", "lee@example.com", List.of("write", "read"), expiresAt);
    }

    private Optional<Caller> lookup(ApiKey key) {
        return registry.lookup(key.sha256Hex(), clock.instant());
    }

    private List<AuditEntry> audit() throws SQLException {
        return store.read(c -> AuditLog.page(c, Long.MAX_VALUE, Long.MAX_VALUE, 100)).stream()
                .map(AuditLog.Row::entry)
                .toList();
    }

    private long auditCount(String action) throws SQLException {
        return audit().stream().filter(e -> e.action().equals(action)).count();
    }

    @Test
    void issueStoresTheDigestScopesInContractOrderAndOneAuditEntry() throws SQLException {
        Instant expires = clock.instant().plus(Duration.ofDays(1));
        IssuedKey issued = issue(expires);
        KeyMetadata m = issued.apiKey();
        assertThat(m.scopes()).containsExactly("read", "write");
        assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-11-27T04:00:00.123Z"));
        assertThat(m.expiresAt()).isEqualTo(expires.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(m.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(m.prefix()).isEqualTo(issued.key().prefix());
        assertThat(lookup(issued.key())).get().extracting(Caller::keyId).isEqualTo(m.id());
        assertThat(lookup(issued.key()).get().scopes()).containsExactly("read", "write");
        assertThat(audit()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditEntry.KEY_ISSUED);
            assertThat(e.target()).isEqualTo(m.id());
            assertThat(e.detail())
                    .isEqualTo("name laptop, owner lee@example.com, scopes read,write, expires " + m.expiresAt());
            assertThat(e.detail()).doesNotContain(issued.key().reveal());
        });
    }

    @Test
    void issueWithoutExpiryNamesNone() throws SQLException {
        IssuedKey issued = issue(null);
        assertThat(issued.apiKey().expiresAt()).isNull();
        assertThat(audit().get(0).detail()).isEqualTo("name laptop, owner lee@example.com, scopes read,write");
    }

    @Test
    void anExpiredKeyStopsAtItsExpiryInstant() throws SQLException {
        IssuedKey issued = issue(clock.instant().plusSeconds(10));
        // expiresAt was cut to milliseconds (04:00:10.123); the clock runs on at 04:00:00.123456
        clock.advance(Duration.ofNanos(9_999_543_999L));
        assertThat(lookup(issued.key())).isPresent();
        clock.advance(Duration.ofNanos(1));
        assertThat(lookup(issued.key())).as("at expiresAt exactly").isEmpty();
    }

    @Test
    void regenerationWithGraceKeepsTheOldSecretUntilTheGraceEnds() throws SQLException {
        IssuedKey first = issue(null);
        String id = first.apiKey().id();
        IssuedKey second = keys.regenerate(ADMIN, id, 60);
        assertThat(second.key()).isNotEqualTo(first.key());
        assertThat(second.apiKey().prefix()).isEqualTo(second.key().prefix());
        assertThat(lookup(second.key())).get().extracting(Caller::grace).isNull();
        Caller viaOld = lookup(first.key()).orElseThrow();
        assertThat(viaOld.keyId()).isEqualTo(id);
        assertThat(viaOld.grace().expiresAt()).isEqualTo(Instant.parse("2026-11-27T04:01:00.123Z"));
        assertThat(audit().get(0).detail())
                .isEqualTo("old secret " + first.key().prefix() + "\u2026"
                        + first.key().last4() + " valid until 2026-11-27T04:01:00.123Z");

        clock.advance(Duration.ofNanos(59_999_543_999L));
        assertThat(lookup(first.key())).isPresent();
        clock.advance(Duration.ofNanos(1));
        assertThat(lookup(first.key())).as("at the grace's end exactly").isEmpty();
        assertThat(lookup(second.key())).isPresent();
    }

    @Test
    void theCallerOfASecretInGraceSeesItAsExpiring() throws SQLException {
        IssuedKey first = issue(clock.instant().plusSeconds(30));
        String id = first.apiKey().id();
        IssuedKey second = keys.regenerate(ADMIN, id, 3600);
        KeyMetadata viaOld = keys.current(lookup(first.key()).orElseThrow());
        assertThat(viaOld.status()).isEqualTo(KeyStatus.EXPIRING);
        assertThat(viaOld.prefix()).isEqualTo(first.key().prefix());
        assertThat(viaOld.last4()).isEqualTo(first.key().last4());
        assertThat(viaOld.expiresAt())
                .as("the key's own expiry comes first")
                .isEqualTo(first.apiKey().expiresAt());
        KeyMetadata viaNew = keys.current(lookup(second.key()).orElseThrow());
        assertThat(viaNew.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(viaNew.prefix()).isEqualTo(second.key().prefix());

        IssuedKey other = issue(clock.instant().plusSeconds(7200));
        keys.regenerate(ADMIN, other.apiKey().id(), 60);
        KeyMetadata graceFirst = keys.current(lookup(other.key()).orElseThrow());
        assertThat(graceFirst.expiresAt())
                .as("the grace ends first")
                .isEqualTo(clock.instant().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void aCompromiseRegenerationStopsEveryOlderSecretIncludingTheOldestInGrace() throws SQLException {
        IssuedKey k0 = issue(null);
        String id = k0.apiKey().id();
        IssuedKey k1 = keys.regenerate(ADMIN, id, 3600);
        clock.advance(Duration.ofSeconds(1));
        IssuedKey k2 = keys.regenerate(ADMIN, id, 3600);
        assertThat(lookup(k0.key())).as("oldest, still in grace").isPresent();
        assertThat(lookup(k1.key())).isPresent();

        IssuedKey k3 = keys.regenerate(ADMIN, id, 0);
        assertThat(lookup(k0.key())).as("oldest grace secret").isEmpty();
        assertThat(lookup(k1.key())).isEmpty();
        assertThat(lookup(k2.key())).isEmpty();
        assertThat(lookup(k3.key())).isPresent();
        assertThat(store.read(KeyRecords::allGrace)).isEmpty();
        assertThat(audit().get(0).detail())
                .isEqualTo(
                        "old secret " + k2.key().prefix() + "\u2026" + k2.key().last4() + " stopped working at once");
        // and after a restart, from the database alone
        restart();
        assertThat(lookup(k0.key())).isEmpty();
        assertThat(lookup(k2.key())).isEmpty();
        assertThat(lookup(k3.key())).isPresent();
    }

    @Test
    void aRegenerationDropsGraceSecretsWhoseGraceIsOver() throws SQLException {
        IssuedKey a = issue(null);
        keys.regenerate(ADMIN, a.apiKey().id(), 10);
        clock.advance(Duration.ofSeconds(10));
        IssuedKey b = issue(null);
        keys.regenerate(ADMIN, b.apiKey().id(), 10);
        assertThat(store.read(KeyRecords::allGrace))
                .singleElement()
                .extracting(GraceSecret::digest)
                .isEqualTo(b.key().sha256Hex());
    }

    @Test
    void aRevokedKeyCannotBeRegeneratedAndAnUnknownOneIsNotFound() throws SQLException {
        IssuedKey a = issue(null);
        keys.revoke(ADMIN, a.apiKey().id());
        assertThatThrownBy(() -> keys.regenerate(ADMIN, a.apiKey().id(), 60))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status).isEqualTo(409));
        assertThatThrownBy(() -> keys.regenerate(ADMIN, "k_missing", 60))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status).isEqualTo(404);
                    assertThat(p.detail).isEqualTo("No key has the id k_missing.");
                });
        assertThatThrownBy(() -> keys.revoke(ADMIN, "k_missing"))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status).isEqualTo(404));
        assertThat(auditCount(AuditEntry.KEY_REGENERATED)).isZero();
    }

    @Test
    void revokingTwiceWritesOneAuditEntryAndStopsTheSecretsInGrace() throws SQLException {
        IssuedKey k0 = issue(null);
        String id = k0.apiKey().id();
        IssuedKey k1 = keys.regenerate(ADMIN, id, 3600);
        clock.advance(Duration.ofSeconds(5));
        KeyMetadata revoked = keys.revoke(ADMIN, id);
        assertThat(revoked.status()).isEqualTo(KeyStatus.REVOKED);
        assertThat(lookup(k0.key())).isEmpty();
        assertThat(lookup(k1.key())).isEmpty();
        assertThat(store.read(KeyRecords::allGrace)).isEmpty();

        clock.advance(Duration.ofSeconds(5));
        KeyMetadata again = keys.revoke(ADMIN, id);
        assertThat(again.status()).isEqualTo(KeyStatus.REVOKED);
        assertThat(auditCount(AuditEntry.KEY_REVOKED)).isEqualTo(1);
        assertThat(audit().get(0).detail())
                .isEqualTo("secret " + k1.key().prefix() + "\u2026" + k1.key().last4() + " and any in grace revoked");
        assertThat(store.read(c -> KeyRecords.find(c, id)).orElseThrow().revokedAt())
                .as("the first revocation's time stays")
                .isEqualTo(Instant.parse("2026-11-27T04:00:05.123Z"));
    }

    @Test
    void lastUsedAtIsTheNewestOfTheUsesAcrossAFlushAndARestart() throws SQLException {
        IssuedKey a = issue(null);
        String id = a.apiKey().id();
        KeyRecord row = registry.byId(id).orElseThrow();
        assertThat(registry.lastUsed(row)).isNull();
        Instant t1 = Instant.parse("2026-11-27T04:10:00Z");
        Instant t2 = Instant.parse("2026-11-27T04:20:00Z");
        registry.touch(id, t2);
        registry.touch(id, t1); // an older use answered later: does not move lastUsedAt back
        assertThat(registry.lastUsed(row)).isEqualTo(t2);
        assertThat(keys.metadata(row).lastUsedAt()).isEqualTo(t2);

        keys.flushLastUsed();
        assertThat(registry.drainLastUsed()).as("nothing left to write").isEmpty();
        restart();
        KeyRecord stored = registry.byId(id).orElseThrow();
        assertThat(stored.lastUsedAt()).isEqualTo(t2);
        assertThat(registry.lastUsed(stored)).isEqualTo(t2);

        // after the restart an older use neither shows nor reaches the database
        registry.touch(id, t1);
        assertThat(registry.lastUsed(stored)).isEqualTo(t2);
        keys.flushLastUsed();
        restart();
        assertThat(registry.byId(id).orElseThrow().lastUsedAt()).isEqualTo(t2);

        // a newer one does both
        Instant t3 = Instant.parse("2026-11-27T04:30:00Z");
        registry.touch(id, t3);
        assertThat(registry.lastUsed(registry.byId(id).orElseThrow())).isEqualTo(t3);
        keys.flushLastUsed();
        restart();
        assertThat(registry.byId(id).orElseThrow().lastUsedAt()).isEqualTo(t3);
    }

    @Test
    void aTouchAfterADrainIsWrittenTheNextTime() throws SQLException {
        IssuedKey a = issue(null);
        IssuedKey b = issue(null);
        Instant t1 = Instant.parse("2026-11-27T04:10:00Z");
        registry.touch(a.apiKey().id(), t1);
        assertThat(registry.drainLastUsed()).containsOnlyKeys(a.apiKey().id()).containsValue(t1);
        registry.touch(b.apiKey().id(), t1);
        assertThat(registry.drainLastUsed()).containsOnlyKeys(b.apiKey().id());
        assertThat(registry.drainLastUsed()).isEmpty();
    }

    @Test
    void revokeAndRegenerateAnswerWithTheKeysLastUse() throws SQLException {
        IssuedKey a = issue(null);
        String id = a.apiKey().id();
        Instant t1 = Instant.parse("2026-11-27T04:10:00Z");
        registry.touch(id, t1);
        assertThat(keys.regenerate(ADMIN, id, 60).apiKey().lastUsedAt()).isEqualTo(t1);
        assertThat(keys.revoke(ADMIN, id).lastUsedAt()).isEqualTo(t1);
    }

    @Test
    void theCurrentKeyOfACallerWhoseKeyIsGoneIsNotFound() {
        Caller ghost = new Caller("k_gone", "ghost@example.com", List.of("read"), null);
        assertThatThrownBy(() -> keys.current(ghost)).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status).isEqualTo(404);
            assertThat(p.detail).isEqualTo("No key has the id k_gone.");
        });
    }

    @Test
    void unknownDigestsAndRevokedKeysAreNotFound() throws SQLException {
        assertThat(registry.lookup("00".repeat(32), clock.instant())).isEmpty();
        assertThat(registry.byId("k_missing")).isEmpty();
        IssuedKey a = issue(null);
        keys.revoke(ADMIN, a.apiKey().id());
        assertThat(lookup(a.key())).isEmpty();
    }
}
