package io.approvals.console.sandbox;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.Json;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.KeyStatus;
import io.approvals.console.contract.Scope;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

/**
 * Issues, regenerates and revokes keys. Each change is one transaction with its audit entry; the
 * in-memory registry is rebuilt under the same lock right after the commit, so a revoked secret is
 * refused from the moment the revoke is answered.
 */
final class KeyService {
    private final SandboxStore store;
    private final KeyRegistry registry;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Object changes = new Object();

    KeyService(SandboxStore store, KeyRegistry registry, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    IssuedKey issue(Caller actor, String name, String owner, Collection<String> scopes, Instant expiresAt)
            throws SQLException {
        ApiKey key = ApiKey.generate(random);
        List<String> ordered =
                Scope.ALL.stream().filter(s -> Scope.has(scopes, s)).toList();
        Instant now = now();
        KeyRecord row = new KeyRecord(
                0,
                Ids.key(),
                name,
                owner,
                ordered,
                key.sha256Hex(),
                key.prefix(),
                key.last4(),
                now,
                null,
                expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS),
                null);
        synchronized (changes) {
            KeyRecord stored = store.inTransaction(c -> {
                KeyRecord inserted = KeyRecords.insert(c, row);
                AuditLog.append(
                        c,
                        actor,
                        AuditEntry.KEY_ISSUED,
                        inserted.id(),
                        "name " + name + ", owner " + owner
                                + ", scopes " + String.join(",", ordered)
                                + (row.expiresAt() == null ? "" : ", expires " + Json.millisText(row.expiresAt())),
                        now);
                return inserted;
            });
            store.read(c -> {
                registry.reload(c);
                return null;
            });
            return new IssuedKey(key, stored.metadata(now, null));
        }
    }

    /** New secret for the key; the old one keeps working for graceSeconds (0: stops at once, as do older ones). */
    IssuedKey regenerate(Caller actor, String keyId, int graceSeconds) throws SQLException {
        ApiKey key = ApiKey.generate(random);
        Instant now = now();
        synchronized (changes) {
            KeyRecord updated = store.inTransaction(c -> {
                KeyRecord old = KeyRecords.find(c, keyId).orElseThrow(() -> noSuchKey(keyId));
                if (old.isRevoked()) {
                    throw ApiProblem.conflict("The key " + keyId + " is revoked; issue a new key instead.");
                }
                String detail;
                if (graceSeconds == 0) {
                    // a compromise: every older secret of this key stops at once
                    KeyRecords.deleteGrace(c, keyId);
                    detail = "old secret " + old.prefix() + "\u2026" + old.last4() + " stopped working at once";
                } else {
                    Instant until = now.plusSeconds(graceSeconds);
                    KeyRecords.deleteGraceOver(c, now);
                    KeyRecords.addGrace(c, new GraceSecret(old.digest(), keyId, old.prefix(), old.last4(), until));
                    detail = "old secret " + old.prefix() + "\u2026" + old.last4() + " valid until "
                            + Json.millisText(until);
                }
                KeyRecords.replaceSecret(c, keyId, key.sha256Hex(), key.prefix(), key.last4());
                AuditLog.append(c, actor, AuditEntry.KEY_REGENERATED, keyId, detail, now);
                return old.withSecret(key.sha256Hex(), key.prefix(), key.last4());
            });
            store.read(c -> {
                registry.reload(c);
                return null;
            });
            return new IssuedKey(key, updated.metadata(now, registry.lastUsed(updated)));
        }
    }

    KeyMetadata revoke(Caller actor, String keyId) throws SQLException {
        Instant now = now();
        synchronized (changes) {
            KeyRecord revoked = store.inTransaction(c -> {
                KeyRecord old = KeyRecords.find(c, keyId).orElseThrow(() -> noSuchKey(keyId));
                if (old.isRevoked()) {
                    return old;
                }
                KeyRecords.revoke(c, keyId, now);
                KeyRecords.deleteGrace(c, keyId);
                AuditLog.append(
                        c,
                        actor,
                        AuditEntry.KEY_REVOKED,
                        keyId,
                        "secret " + old.prefix() + "\u2026" + old.last4() + " and any in grace revoked",
                        now);
                return KeyRecords.find(c, keyId).orElseThrow();
            });
            store.read(c -> {
                registry.reload(c);
                return null;
            });
            return revoked.metadata(now, registry.lastUsed(revoked));
        }
    }

    /**
     * Ends the grace period of the key's superseded secrets now (an extension of the contract): they stop working
     * at once, the current secret is untouched. 409 when no secret of the key is in its grace period, or it is
     * revoked or expired.
     */
    KeyMetadata expirePrevious(Caller actor, String keyId) throws SQLException {
        Instant now = now();
        synchronized (changes) {
            KeyRecord key = store.inTransaction(c -> {
                KeyRecord k = KeyRecords.find(c, keyId).orElseThrow(() -> noSuchKey(keyId));
                if (k.isRevoked()) {
                    throw ApiProblem.conflict("The key " + keyId + " is revoked: none of its secrets works.");
                }
                List<GraceSecret> grace = k.isExpired(now) ? List.of() : KeyRecords.graceOf(c, keyId, now);
                if (grace.isEmpty()) {
                    throw ApiProblem.conflict(
                            "No older secret of the key " + keyId + " is in its grace period; nothing was changed.");
                }
                KeyRecords.deleteGrace(c, keyId);
                StringBuilder detail = new StringBuilder();
                for (GraceSecret g : grace) {
                    detail.append(detail.length() == 0 ? "grace period ended early: old secret " : "; old secret ")
                            .append(g.prefix())
                            .append('\u2026')
                            .append(g.last4())
                            .append(" would have worked until ")
                            .append(Json.millisText(g.expiresAt()));
                }
                AuditLog.append(c, actor, AuditEntry.KEY_GRACE_ENDED, keyId, detail.toString(), now);
                return k;
            });
            store.read(c -> {
                registry.reload(c);
                return null;
            });
            return key.metadata(now, registry.lastUsed(key));
        }
    }

    /** The caller's own key as the caller sees it: a secret in grace shows itself as Expiring. */
    KeyMetadata current(Caller caller) {
        KeyRecord key = registry.byId(caller.keyId()).orElseThrow(() -> noSuchKey(caller.keyId()));
        KeyMetadata m = key.metadata(clock.instant(), registry.lastUsed(key));
        GraceSecret g = caller.grace();
        if (g == null) {
            return m;
        }
        Instant expires =
                key.expiresAt() != null && key.expiresAt().isBefore(g.expiresAt()) ? key.expiresAt() : g.expiresAt();
        return new KeyMetadata(
                m.id(),
                m.name(),
                m.owner(),
                g.prefix(),
                g.last4(),
                m.scopes(),
                m.createdAt(),
                m.lastUsedAt(),
                expires,
                KeyStatus.EXPIRING);
    }

    /** Writes the lastUsedAt values collected in memory. */
    void flushLastUsed() throws SQLException {
        var batch = registry.drainLastUsed();
        if (!batch.isEmpty()) {
            store.inTransaction(c -> {
                KeyRecords.updateLastUsed(c, batch);
                return null;
            });
        }
    }

    KeyMetadata metadata(KeyRecord row) {
        return row.metadata(clock.instant(), registry.lastUsed(row));
    }

    static ApiProblem noSuchKey(String keyId) {
        return ApiProblem.notFound("No key has the id " + io.approvals.console.contract.Wire.clip(keyId) + ".");
    }
}
