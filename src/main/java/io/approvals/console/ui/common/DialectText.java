package io.approvals.console.ui.common;

import io.approvals.console.contract.Dialect;
import io.approvals.console.ui.session.Discovered;
import java.util.ArrayList;
import java.util.List;

/** How the app words a server's dialect: what discovery found, and where a profile's header name came from. */
public final class DialectText {
    private DialectText() {}

    /** One or two sentences for the welcome screen after looking for the OpenAPI document. */
    public static String discovery(Discovered d, boolean bearer, String header, boolean userChoseAuth) {
        String key = bearer ? Messages.get("dialect.bearer") : Messages.format("dialect.header", header);
        if (!d.found()) {
            return d.tried().isEmpty()
                    ? Messages.get("welcome.discovery.notTried")
                    : Messages.format("welcome.discovery.none", String.join(", ", d.tried()), key);
        }
        String text = Messages.format(
                "welcome.discovery.found", d.source(), key, summary(d.draft().dialect()));
        if (userChoseAuth) {
            text += " " + Messages.get("welcome.discovery.keptAuth");
        }
        return text;
    }

    /** "id \u2192 ApprovalId, comment \u2192 Comment; Approved \u2192 Approve; time zone UTC", or that nothing differs. */
    public static String summary(Dialect d) {
        Dialect dialect = d == null ? Dialect.CONTRACT : d;
        List<String> parts = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        dialect.fields().forEach((k, v) -> {
            if (!k.equals(v)) {
                renamed.add(k + " \u2192 " + v);
            }
        });
        if (!renamed.isEmpty()) {
            parts.add(Messages.format(
                    "dialect.fields",
                    String.join(", ", renamed.stream().sorted().toList())));
        }
        List<String> spelled = new ArrayList<>();
        dialect.spellings().forEach((k, v) -> {
            if (!k.equals(v)) {
                spelled.add(k + " \u2192 " + v);
            }
        });
        if (!spelled.isEmpty()) {
            parts.add(Messages.format(
                    "dialect.spellings",
                    String.join(", ", spelled.stream().sorted().toList())));
        }
        if (dialect.idType() != null) {
            parts.add(Messages.format("dialect.ids", dialect.idType()));
        }
        if (dialect.versionType() != null) {
            parts.add(Messages.format("dialect.versions", dialect.versionType()));
        }
        parts.add(Messages.format(
                "dialect.timeZone",
                dialect.zone().getId().equals("Z") ? "UTC" : dialect.zone().getId()));
        return renamed.isEmpty() && spelled.isEmpty()
                ? Messages.get("dialect.contractNames") + "; " + String.join("; ", parts)
                : String.join("; ", parts);
    }

    /** Where the key's header name came from: the OpenAPI document, the user, or a guess. */
    public static String headerOrigin(Dialect d) {
        Dialect dialect = d == null ? Dialect.CONTRACT : d;
        if (dialect.headerGuessed()) {
            return Messages.get("dialect.headerFrom.guess");
        }
        return "user".equals(dialect.headerFrom())
                ? Messages.get("dialect.headerFrom.user")
                : Messages.get("dialect.headerFrom.openapi");
    }

    /** Where the dialect came from: a document's address, set by hand, or the contract's names. */
    public static String source(Dialect d) {
        if (d == null || d.source() == null) {
            return Messages.get("dialect.source.contract");
        }
        return "manual".equals(d.source())
                ? Messages.get("dialect.source.manual")
                : Messages.format("dialect.source.openapi", d.source());
    }
}
