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
    private Views() {}

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

    static String reportText(KeyReport r, CliMessages t) {
        StringBuilder s = new StringBuilder();
        int w = labelWidth(t);
        line(s, w, t.get("report.profile"), r.profile() + " (" + r.baseUrl() + ")");
        line(
                s,
                w,
                t.get("report.key"),
                r.stored()
                        ? t.get("report.keyStored", r.masked(), r.fingerprint())
                        : t.get("report.noneStored", r.backend()));
        if (r.stored()) {
            line(s, w, t.get("report.storedIn"), r.backend());
        }
        VerifiedKey v = r.verified();
        if (v == null) {
            line(s, w, t.get("report.verified"), t.get("report.never"));
            return s.toString();
        }
        if (!r.verifiedMatchesStored() && r.stored()) {
            line(s, w, t.get("report.note"), t.get("report.notVerifiedNote", r.profile()));
        }
        if (v.keyEndpointsAvailable()) {
            String scopes = String.join(", ", v.scopes());
            line(
                    s,
                    w,
                    t.get("report.scopes"),
                    v.scopes().isEmpty()
                            ? t.get("report.none")
                            : isReadOnly(v.scopes()) ? t.get("report.readOnly", scopes) : scopes);
            line(s, w, t.get("report.owner"), v.owner() == null ? t.get("report.unknown") : v.owner());
            line(
                    s,
                    w,
                    t.get("report.expires"),
                    v.expiresAt() == null
                            ? t.get("report.never")
                            : v.expiresAt().toString());
            line(s, w, t.get("report.status"), v.status() == null ? t.get("report.unknown") : v.status());
        } else {
            line(s, w, t.get("report.scopes"), t.get("report.noKeyEndpoints"));
        }
        line(
                s,
                w,
                t.get("report.lastVerified"),
                t.get(
                        "report.lastVerifiedValue",
                        ago(v.verifiedAt(), Instant.now(), t),
                        v.status() == null ? t.get("report.keyWorked") : v.status(),
                        time(v.verifiedAt())));
        return s.toString();
    }

    /** Wide enough for the longest label in the language: 15 in English, as the reports always were. */
    static int labelWidth(CliMessages t) {
        int w = 15;
        for (String k : List.of(
                "profile",
                "key",
                "storedIn",
                "verified",
                "note",
                "scopes",
                "owner",
                "expires",
                "status",
                "lastVerified",
                "keyFrom",
                "checkedNow")) {
            w = Math.max(w, t.get("report." + k).length() + 2);
        }
        return w;
    }

    static boolean isReadOnly(List<String> scopes) {
        return scopes.stream().allMatch(x -> x.equalsIgnoreCase("read")) && !scopes.isEmpty();
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago": how old a fact is, at a glance. */
    static String ago(Instant then, Instant now, CliMessages t) {
        if (then == null) {
            return t.get("report.never");
        }
        long seconds = java.time.Duration.between(then, now).getSeconds();
        if (seconds < 60) {
            return t.get("ago.justNow");
        }
        if (seconds < 3600) {
            return t.get("ago.minutes", seconds / 60);
        }
        if (seconds < 2 * 86400) {
            return t.get("ago.hours", seconds / 3600);
        }
        return t.get("ago.days", seconds / 86400);
    }

    /** To the second, as the docs show it: the recorded instant has nanoseconds nobody reads. */
    static String time(Instant t) {
        return t == null
                ? ""
                : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static void line(StringBuilder s, int width, String label, String value) {
        s.append(String.format("%-" + width + "s%s%n", label + ":", value));
    }
}
