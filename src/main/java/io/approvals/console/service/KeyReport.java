package io.approvals.console.service;

import io.approvals.console.config.Connection;
import io.approvals.console.config.VerifiedKey;

/**
 * What is known about a connection's key, without the key: whether one is stored and where (backend),
 * its masked form and fingerprint, and the facts from its last verification (null if never verified).
 * verifiedMatchesStored is false when the stored key is not the one last verified (e.g. replaced elsewhere).
 */
public record KeyReport(
        String profile,
        String baseUrl,
        String backend,
        boolean stored,
        String masked,
        String fingerprint,
        VerifiedKey verified,
        boolean verifiedMatchesStored) {

    static KeyReport of(Connection c, String backend, io.approvals.console.contract.ApiKey key) {
        VerifiedKey v = c.verified();
        boolean matches = key != null && v != null && key.fingerprint().equals(v.fingerprint());
        return new KeyReport(
                c.name(),
                c.baseUrl().toString(),
                backend,
                key != null,
                key == null ? null : key.masked(),
                key == null ? null : key.fingerprint(),
                v,
                matches);
    }
}
