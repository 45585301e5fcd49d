package io.approvals.console.ui.keys;

import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.KeyStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every secret of a key that still works: the current one (from {@code GET /apikeys}) and each older one in its
 * grace period. The API lists no grace secrets; what it has is the audit trail, whose {@code key.regenerated}
 * detail names the old secret and its end ("old secret apv_x…abcd valid until T", the sandbox's wording). A
 * regeneration with no grace, a revocation, or an early end of the grace period ({@code key.grace-ended}, from the
 * expire-previous extension) ends every older secret.
 */
public final class KeySecrets {
    private static final Pattern GRACE = Pattern.compile("old secret (\\S+?)\u2026(\\S+) valid until (\\S+)");

    /** One secret as the admin window lists it; until is null for a current secret without expiry. */
    public record Secret(String hint, boolean current, Instant until, boolean revoked) {
        /** An older secret that still works until its grace period ends: the one Expire now stops. */
        public boolean inGrace() {
            return !current && !revoked;
        }
    }

    private KeySecrets() {}

    /** audit: newest first, as the server answers. */
    public static List<Secret> of(KeyMetadata key, List<AuditEntry> audit, Instant now) {
        List<Secret> out = new ArrayList<>();
        boolean revoked = key.status() == KeyStatus.REVOKED;
        out.add(new Secret(key.maskedHint(), true, key.expiresAt(), revoked));
        if (revoked || audit == null) {
            return out;
        }
        List<Secret> grace = new ArrayList<>();
        for (int i = audit.size() - 1; i >= 0; i--) { // oldest first
            AuditEntry e = audit.get(i);
            if (key.id() == null || !key.id().equals(e.target())) {
                continue;
            }
            if (AuditEntry.KEY_REVOKED.equals(e.action()) || AuditEntry.KEY_GRACE_ENDED.equals(e.action())) {
                grace.clear();
            } else if (AuditEntry.KEY_REGENERATED.equals(e.action())) {
                Matcher m = e.detail() == null ? null : GRACE.matcher(e.detail());
                if (m != null && m.find()) {
                    try {
                        grace.add(new Secret(
                                m.group(1) + "\u2026" + m.group(2), false, Instant.parse(m.group(3)), false));
                    } catch (DateTimeParseException ignored) {
                        // a detail in another server's words: that secret is not listed
                    }
                } else {
                    grace.clear(); // no grace: every older secret stopped at once
                }
            }
        }
        for (int i = grace.size() - 1; i >= 0; i--) { // newest first, under the current one
            if (grace.get(i).until().isAfter(now)) {
                out.add(grace.get(i));
            }
        }
        return out;
    }
}
