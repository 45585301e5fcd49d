package io.approvals.console.ui.keys;

import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.KeyStatus;
import io.approvals.console.service.KeyAdmin;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.TimeText;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** One line of the admin table: the server's metadata as shown, with the highlights worked out once. */
public record KeyRow(
        KeyMetadata key,
        String name,
        String owner,
        String hint,
        String scopes,
        String created,
        String lastUsed,
        String expires,
        String status,
        boolean expiresSoon,
        boolean neverUsed) {

    /** Times in the user's language and zone, with how far they are ("today 14:03:12, in 23 h 59 min"). */
    public static KeyRow of(KeyMetadata k, Instant now, ZoneId zone) {
        String never = Messages.get("admin.never");
        return new KeyRow(
                k,
                nz(k.name()),
                nz(k.owner()),
                k.maskedHint(),
                String.join(", ", k.scopes()),
                TimeText.moment(k.createdAt(), now, zone),
                k.lastUsedAt() == null ? never : TimeText.moment(k.lastUsedAt(), now, zone),
                k.expiresAt() == null ? never : TimeText.moment(k.expiresAt(), now, zone),
                k.status() == null ? "" : k.status().wire(),
                KeyAdmin.expiresSoon(k, now),
                KeyAdmin.neverUsed(k));
    }

    public boolean revoked() {
        return key.status() == KeyStatus.REVOKED;
    }

    /** The status in the user's language: "Revoked", "Widerrufen". */
    public String statusText() {
        return key.status() == null
                ? ""
                : Messages.get("admin.status." + key.status().name().toLowerCase(Locale.ROOT));
    }

    public String id() {
        return key.id();
    }

    /** Case-insensitive match of any shown column. */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.strip().toLowerCase(Locale.ROOT);
        for (String s : new String[] {name, owner, hint, scopes, status, statusText(), nz(key.id())}) {
            if (s.toLowerCase(Locale.ROOT).contains(f)) {
                return true;
            }
        }
        return false;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
