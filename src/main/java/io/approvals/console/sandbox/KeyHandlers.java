package io.approvals.console.sandbox;

import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.RegenerateKeyRequest;
import io.approvals.console.contract.Scope;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The /apikeys endpoints. */
final class KeyHandlers {
    private static final Set<String> REGENERATE_FIELDS = Set.of("oldKeyValidForSeconds");
    private static final Set<String> ISSUE_FIELDS = Set.of("name", "owner", "scopes", "expiresAt");

    private final SandboxStore store;
    private final KeyService keys;
    private final Cursors cursors;
    private final Clock clock;

    KeyHandlers(SandboxStore store, KeyService keys, Cursors cursors, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.cursors = cursors;
        this.clock = clock;
    }

    Reply current(Call call) {
        return Responses.json(200, keys.current(call.caller()));
    }

    Reply regenerateCurrent(Call call) throws SQLException {
        return Responses.json(200, keys.regenerate(call.caller(), call.caller().keyId(), graceSeconds(call)));
    }

    Reply regenerate(Call call) throws SQLException {
        return Responses.json(200, keys.regenerate(call.caller(), call.pathParam(0), graceSeconds(call)));
    }

    Reply revoke(Call call) throws SQLException {
        new Fields(call.body(), Set.of()).check();
        return Responses.json(200, keys.revoke(call.caller(), call.pathParam(0)));
    }

    /** An extension of the contract: the key's secrets in grace stop working now. */
    Reply expirePrevious(Call call) throws SQLException {
        new Fields(call.body(), Set.of()).check();
        return Responses.json(200, keys.expirePrevious(call.caller(), call.pathParam(0)));
    }

    Reply list(Call call) throws SQLException {
        int limit = Paging.limit(call);
        long after = Paging.position(call, cursors, Cursors.KEYS, 0);
        List<KeyRecord> rows = store.read(c -> KeyRecords.page(c, after, limit + 1));
        List<KeyRecord> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit
                ? cursors.issue(Cursors.KEYS, page.get(page.size() - 1).seq())
                : null;
        return Responses.json(
                200, Responses.page(page.stream().map(keys::metadata).toList(), next));
    }

    Reply issue(Call call) throws SQLException {
        Fields f = new Fields(call.body(), ISSUE_FIELDS);
        String name = f.string("name", true, 1, 100);
        String owner = f.string("owner", true, 1, ApprovalHandlers.PERSON_MAX);
        List<String> scopes = f.strings("scopes", true);
        if (scopes != null) {
            for (String s : scopes) {
                if (!Scope.isKnown(s)) {
                    f.error(
                            "scopes",
                            "unknown scope '" + io.approvals.console.contract.Wire.clip(s)
                                    + "'; use read, write, admin");
                }
            }
        }
        Instant expiresAt = f.instant("expiresAt");
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            f.error("expiresAt", "must be in the future");
        }
        f.check();
        IssuedKey issued = keys.issue(call.caller(), name, owner, new LinkedHashSet<>(scopes), expiresAt);
        return Responses.json(201, issued)
                .withHeader("Location", "/apikeys/" + issued.apiKey().id());
    }

    private static int graceSeconds(Call call) {
        Fields f = new Fields(call.body(), REGENERATE_FIELDS);
        Long seconds = f.integer("oldKeyValidForSeconds", true, 0, RegenerateKeyRequest.MAX_GRACE_SECONDS);
        f.check();
        return seconds.intValue();
    }
}
