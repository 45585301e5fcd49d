package io.approvals.console.cli;

import io.approvals.console.client.KeyVerification;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.service.KeyReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything `key status` prints, in one place: the key (masked), where it came from, what its last verification
 * found ("Last verified: 3 h ago: Active") and, with --check, what the server says now. Never the key.
 */
final class KeyStatusOutput {
    private KeyStatusOutput() {}

    /** A key from the keychain: the stored report, and the server's answer when --check asked (null otherwise). */
    static void keychain(PrintWriter out, boolean json, KeyReport report, Check check, CliMessages t) {
        if (json) {
            Map<String, Object> m = Views.report(report);
            m.put("source", KeySource.KEYCHAIN.label());
            m.put("check", check == null ? null : check.json());
            JsonOutput.print(out, m);
            return;
        }
        out.print(Views.reportText(report, t));
        int w = Views.labelWidth(t);
        if (report.stored()) { // else "none stored" above says it all
            line(out, w, t.get("report.keyFrom"), t.get("report.fromKeychain", report.backend()));
        }
        if (check != null) {
            line(out, w, t.get("report.checkedNow"), check.text(t));
        }
        out.flush();
    }

    /** A key from --key-file or APPROVALS_API_KEY: used for this run only, so no verification was ever recorded. */
    static void forThisRun(PrintWriter out, boolean json, ResolvedConnection r, Check check, CliMessages t) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("profile", r.fromProfile() ? r.connection().name() : null);
            m.put("url", r.connection().baseUrl().toString());
            m.put("source", r.source().label());
            m.put("stored", false);
            m.put("masked", r.key().masked());
            m.put("fingerprint", r.key().fingerprint());
            m.put("check", check == null ? null : check.json());
            JsonOutput.print(out, m);
            return;
        }
        int w = Views.labelWidth(t);
        line(
                out,
                w,
                t.get("report.profile"),
                r.fromProfile()
                        ? r.connection().name() + " (" + r.connection().baseUrl() + ")"
                        : t.get(
                                "report.noProfile",
                                CliEnvironment.URL + "=" + r.connection().baseUrl()));
        line(
                out,
                w,
                t.get("report.key"),
                t.get("report.keyStored", r.key().masked(), r.key().fingerprint()));
        line(out, w, t.get("report.keyFrom"), t.get("report.forThisRun", r.keyOrigin()));
        line(
                out,
                w,
                t.get("report.lastVerified"),
                t.get("report.notRecorded", r.source().label()));
        if (check != null) {
            line(out, w, t.get("report.checkedNow"), check.text(t));
        }
        out.flush();
    }

    /** What the server said just now; dead when it refused the key. */
    record Check(KeyVerification verification, String refusal) {
        boolean dead() {
            return refusal != null;
        }

        /** The refusal --check met; English in JSON ("refusal"), the run's language in text. */
        static Check refused() {
            return new Check(null, REFUSED);
        }

        static final String REFUSED = "the server refused the key (revoked, expired or unknown).";

        /** The refusal as people read it in the run's language. */
        String refusalText(CliMessages t) {
            return REFUSED.equals(refusal) ? t.get("report.check.refused") : refusal;
        }

        String text(CliMessages t) {
            if (dead()) {
                return t.get("report.check.dead", refusalText(t));
            }
            KeyMetadata m = verification.metadata();
            if (m == null) {
                return t.get("report.check.noKeyEndpoints");
            }
            return t.get(
                    "report.check.alive",
                    m.status() == null
                            ? t.get("report.check.works")
                            : m.status().wire(),
                    m.scopes().isEmpty() ? t.get("report.none") : String.join(", ", m.scopes()),
                    m.owner() == null ? "" : t.get("report.check.owner", m.owner()),
                    m.expiresAt() == null ? t.get("report.never") : Views.time(m.expiresAt()));
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alive", !dead());
            m.put("refusal", refusal);
            KeyMetadata k = verification == null ? null : verification.metadata();
            m.put("status", k == null || k.status() == null ? null : k.status().wire());
            m.put("scopes", k == null ? null : List.copyOf(k.scopes()));
            m.put("owner", k == null ? null : k.owner());
            m.put(
                    "expiresAt",
                    k == null || k.expiresAt() == null ? null : k.expiresAt().toString());
            return m;
        }
    }

    private static void line(PrintWriter out, int width, String label, String value) {
        out.printf("%-" + width + "s%s%n", label + ":", value);
    }
}
