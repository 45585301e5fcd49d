package io.approvals.console.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory index of every key by the SHA-256 digest of its secrets, so checking a credential is a
 * hash-map lookup (microseconds) rather than a database query. Rebuilt from the database after every
 * committed key change. Also collects lastUsedAt in memory; {@link #drainLastUsed()} hands the batch
 * to a periodic flush so reads never write to the database.
 */
final class KeyRegistry {
    private record Snapshot(
            Map<String, KeyRecord> byDigest, Map<String, GraceSecret> graceByDigest, Map<String, KeyRecord> byId) {}

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of());
    private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();
    private final Set<String> unflushed = ConcurrentHashMap.newKeySet();

    void reload(Connection c) throws SQLException {
        List<KeyRecord> keys = KeyRecords.all(c);
        Map<String, KeyRecord> byDigest = new HashMap<>();
        Map<String, KeyRecord> byId = new HashMap<>();
        for (KeyRecord k : keys) {
            byDigest.put(k.digest(), k);
            byId.put(k.id(), k);
        }
        Map<String, GraceSecret> grace = new HashMap<>();
        for (GraceSecret g : KeyRecords.allGrace(c)) {
            grace.put(g.digest(), g);
        }
        snapshot = new Snapshot(Map.copyOf(byDigest), Map.copyOf(grace), Map.copyOf(byId));
    }

    /** The caller whose secret has this digest, if the secret works now. */
    Optional<Caller> lookup(String digestHex, Instant now) {
        Snapshot s = snapshot;
        KeyRecord key = s.byDigest().get(digestHex);
        GraceSecret grace = null;
        if (key == null) {
            grace = s.graceByDigest().get(digestHex);
            if (grace == null || grace.isOver(now)) {
                return Optional.empty();
            }
            key = s.byId().get(grace.keyId());
        }
        if (key == null || key.isRevoked() || key.isExpired(now)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(key.id(), key.owner(), key.scopes(), grace));
    }

    Optional<KeyRecord> byId(String id) {
        return Optional.ofNullable(snapshot.byId().get(id));
    }

    void touch(String keyId, Instant now) {
        lastUsed.merge(keyId, now, (a, b) -> a.isAfter(b) ? a : b);
        unflushed.add(keyId);
    }

    /** The newest of the stored and the not-yet-flushed lastUsedAt. */
    Instant lastUsed(KeyRecord key) {
        Instant pending = lastUsed.get(key.id());
        if (pending == null) {
            return key.lastUsedAt();
        }
        return key.lastUsedAt() == null || pending.isAfter(key.lastUsedAt()) ? pending : key.lastUsedAt();
    }

    /** The lastUsedAt values not yet written; a touch while they are written is written next time. */
    Map<String, Instant> drainLastUsed() {
        Map<String, Instant> batch = new HashMap<>();
        for (String keyId : List.copyOf(unflushed)) {
            unflushed.remove(keyId);
            batch.put(keyId, lastUsed.get(keyId));
        }
        return batch;
    }
}
