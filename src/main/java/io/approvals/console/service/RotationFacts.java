package io.approvals.console.service;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.KeyVerification;
import io.approvals.console.config.Connection;
import io.approvals.console.config.VerifiedKey;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.credentials.SecretStore;
import java.time.Instant;
import java.util.List;

/** What a rotation records and reports: the facts the server gave about a key, a refused key, the shared texts. */
final class RotationFacts {
    private final ConnectionService service;
    private final SecretStore secrets;

    RotationFacts(ConnectionService service) {
        this.service = service;
        this.secrets = service.secrets();
    }

    /** Records what the server said about the key now stored. */
    KeyReport record(String profile, ApiKey key, KeyVerification verification) {
        Connection updated = service.profile(profile).withVerified(service.facts(key, verification));
        service.connections().put(updated);
        return KeyReport.of(updated, secrets.backendName(), key);
    }

    /**
     * Records that the server refused the stored key ({@link KeyAttention#REFUSED_STATUS}), keeping the other facts
     * last verified: until a key that works is stored, key status and the app say so instead of "Active".
     */
    void recordRefused(String profile, ApiKey key) {
        Connection c = service.profile(profile);
        VerifiedKey v = c.verified();
        Instant now = service.clock().instant();
        VerifiedKey refused = v != null && key.fingerprint().equals(v.fingerprint())
                ? new VerifiedKey(
                        v.prefix(),
                        v.last4(),
                        v.fingerprint(),
                        v.scopes(),
                        v.owner(),
                        v.expiresAt(),
                        KeyAttention.REFUSED_STATUS,
                        now,
                        v.keyEndpointsAvailable())
                : new VerifiedKey(
                        key.prefix(),
                        key.last4(),
                        key.fingerprint(),
                        List.of(),
                        null,
                        null,
                        KeyAttention.REFUSED_STATUS,
                        now,
                        true);
        service.connections().put(c.withVerified(refused));
    }

    static String oldKeyFate(Instant validUntil) {
        return validUntil == null
                ? "The old key no longer works."
                : "The old key keeps working until about "
                        + validUntil.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + ", so other clients can switch over.";
    }

    static String askAdmin(String profile) {
        return "Ask an administrator to regenerate or issue a key for you, then store it with: "
                + "approvals-console key set --profile " + profile;
    }

    KeyReport report(String profile, ApiKey key) {
        return KeyReport.of(service.profile(profile), secrets.backendName(), key);
    }

    ApprovalsApi client(Connection c, ApiKey key) {
        return service.clients().create(c, key);
    }
}
