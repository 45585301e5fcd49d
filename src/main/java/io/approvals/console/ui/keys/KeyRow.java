package io.approvals.console.ui.keys;

import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.service.KeyAdmin;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** One line of the admin table: the server's metadata as shown, with the highlights worked out once. */
public record KeyRow(KeyMetadata key, String name, String owner, String hint, String scopes, String created,
                     String lastUsed, String expires, String status, boolean expiresSoon, boolean neverUsed) {

    public static KeyRow of(KeyMetadata k, Instant now, ZoneId zone) {
        return new KeyRow(k, nz(k.name()), nz(k.owner()), k.maskedHint(), String.join(", ", k.scopes()),
                KeyTexts.time(k.createdAt(), zone),
                k.lastUsedAt() == null ? "never" : KeyTexts.time(k.lastUsedAt(), zone),
                k.expiresAt() == null ? "never" : KeyTexts.time(k.expiresAt(), zone),
                k.status() == null ? "" : k.status().wire(), KeyAdmin.expiresSoon(k, now), KeyAdmin.neverUsed(k));
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
        for (String s : new String[]{name, owner, hint, scopes, status, nz(key.id())}) {
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
