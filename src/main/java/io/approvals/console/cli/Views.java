package io.approvals.console.cli;

import io.approvals.console.config.Connection;
import io.approvals.console.config.VerifiedKey;
import io.approvals.console.service.KeyReport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How profiles and key reports look on the command line, as text and as JSON; never a secret. */
final class Views {
    private Views() {
    }

    static Map<String, Object> profile(Connection c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("url", c.baseUrl().toString());
        m.put("authMode", c.authMode().name());
        m.put("headerName", c.headerName());
        m.put("caCertPath", c.caCertPath() == null ? null : c.caCertPath().toString());
        m.put("verified", c.verified());
        return m;
    }

    static Map<String, Object> report(KeyReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", r.profile());
        m.put("url", r.baseUrl());
        m.put("backend", r.backend());
        m.put("stored", r.stored());
        m.put("masked", r.masked());
        m.put("fingerprint", r.fingerprint());
        m.put("verifiedMatchesStored", r.verifiedMatchesStored());
        m.put("verified", r.verified());
        return m;
    }

    static String reportText(KeyReport r) {
        StringBuilder s = new StringBuilder();
        line(s, "Profile", r.profile() + " (" + r.baseUrl() + ")");
        line(s, "Key", r.stored() ? r.masked() + "  fingerprint " + r.fingerprint()
                : "none stored (looked in: " + r.backend() + ")");
        if (r.stored()) {
            line(s, "Stored in", r.backend());
        }
        VerifiedKey v = r.verified();
        if (v == null) {
            line(s, "Verified", "never");
            return s.toString();
        }
        if (!r.verifiedMatchesStored() && r.stored()) {
            line(s, "Note", "the stored key is not the one last verified; run: approvals-console key verify --profile "
                    + r.profile());
        }
        if (v.keyEndpointsAvailable()) {
            line(s, "Scopes", v.scopes().isEmpty() ? "none" : String.join(", ", v.scopes())
                    + (isReadOnly(v.scopes()) ? "  (read-only)" : ""));
            line(s, "Owner", v.owner() == null ? "unknown" : v.owner());
            line(s, "Expires", v.expiresAt() == null ? "never" : v.expiresAt().toString());
            line(s, "Status", v.status() == null ? "unknown" : v.status());
        } else {
            line(s, "Scopes", "unknown: the server has no /apikeys endpoints (the key can list approvals)");
        }
        line(s, "Last verified", ago(v.verifiedAt(), Instant.now()) + ": "
                + (v.status() == null ? "the key worked" : v.status()) + "  (" + time(v.verifiedAt()) + ")");
        return s.toString();
    }

    static boolean isReadOnly(List<String> scopes) {
        return scopes.stream().allMatch(x -> x.equalsIgnoreCase("read")) && !scopes.isEmpty();
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago": how old a fact is, at a glance. */
    static String ago(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long seconds = java.time.Duration.between(then, now).getSeconds();
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 2 * 86400) {
            return seconds / 3600 + " h ago";
        }
        return Plural.of(seconds / 86400, "day", "days") + " ago";
    }

    static String time(Instant t) {
        return t == null ? "" : t.toString();
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append(String.format("%-15s%s%n", label + ":", value));
    }
}
