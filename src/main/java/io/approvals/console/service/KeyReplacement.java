package io.approvals.console.service;

import io.approvals.console.client.ApiException;
import io.approvals.console.config.Connection;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.KeyMetadata;
import java.util.Optional;

/**
 * Replace key… with "revoke the old key now": the pasted key is verified and stored as {@link ConnectionService#setKey}
 * does, then the key it replaced is revoked on the server (by the new key if it has admin, else by the old key
 * itself if that one has admin). The new key is stored first, so a failed revocation never leaves the profile
 * without a working key. Blocks: call it off the JavaFX thread.
 */
public final class KeyReplacement {
    private KeyReplacement() {}

    /** What replacing did; oldKey says what became of the old key (null when it was not to be revoked). */
    public record Result(KeyReport report, String oldKey) {}

    /** How the old key is named when offering to revoke it: "apv_7Hq2…x9Qa (fingerprint 3b9e41c2)". */
    public static String describe(ApiKey key) {
        return ServiceText.get("key.described", key.masked(), key.fingerprint());
    }

    public static Result replace(ConnectionService service, String profile, ApiKey fresh, boolean revokeOld) {
        Connection c = service.profile(profile);
        Optional<ApiKey> old = revokeOld ? service.secrets().load(profile) : Optional.empty();
        KeyMetadata oldMeta = null;
        if (old.isPresent() && !old.get().matches(fresh)) {
            try {
                oldMeta = service.clients().create(c, old.get()).currentKey();
            } catch (ApiException e) {
                // refused already (revoked, expired) or no /apikeys endpoints: nothing to revoke, said below
            }
        }
        KeyReport report = service.setKey(profile, fresh);
        if (old.isEmpty()) {
            return new Result(report, revokeOld ? ServiceText.get("replace.noneStored") : null);
        }
        String name = describe(old.get());
        if (old.get().matches(fresh)) {
            return new Result(report, ServiceText.get("replace.same", name));
        }
        if (oldMeta == null) {
            return new Result(report, ServiceText.get("replace.notAccepted", name));
        }
        try {
            KeyMetadata newMeta = service.clients().create(c, fresh).currentKey();
            if (oldMeta.id() != null && oldMeta.id().equals(newMeta.id())) {
                return new Result(report, ServiceText.get("replace.regenerated", name));
            }
        } catch (ApiException e) {
            // could not compare: revoke anyway, the ids came from two different keys' own answers
        }
        try {
            revoke(service, c, fresh, old.get(), oldMeta.id());
        } catch (ApiException e) {
            return new Result(report, ServiceText.get("replace.failed", name, e.getMessage()));
        }
        return new Result(report, ServiceText.get("replace.revoked", name));
    }

    private static void revoke(ConnectionService service, Connection c, ApiKey fresh, ApiKey old, String id) {
        try {
            service.clients().create(c, fresh).revokeKey(id);
        } catch (ApiException.Forbidden e) {
            service.clients().create(c, old).revokeKey(id); // the old key may hold admin where the new one does not
        }
    }
}
