package io.approvals.console.cli;

import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.service.GraceEnding;
import io.approvals.console.service.KeyAdmin;
import io.approvals.console.service.RotationGrace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * keys list | issue | regenerate | revoke | expire-previous | audit: other people's keys, for a profile whose key
 * has admin.
 */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        subcommands = {
            KeysCommand.ListKeys.class,
            KeysCommand.Issue.class,
            KeysCommand.Regenerate.class,
            KeysCommand.Revoke.class,
            KeysCommand.ExpirePrevious.class,
            KeysCommand.Audit.class
        })
final class KeysCommand implements Runnable {
    private final CliContext ctx;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    KeysCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, ctx.messages());
    }

    abstract static class Base implements Runnable {
        final CliContext ctx;

        @Option(names = "--profile", paramLabel = "NAME", descriptionKey = "keys.profile")
        String profile;

        @Option(names = "--json")
        boolean json;

        Base(CliContext ctx) {
            this.ctx = ctx;
        }

        KeyAdmin admin() {
            return new KeyAdmin(ctx.serviceFor(profile), profile);
        }

        /** Shows a new key of someone else once: on stdout, or only in the owner-only file. */
        void handOver(String headline, IssuedKey issued, OwnerOnlyFile out) {
            if (out != null) {
                out.write(issued.key().reveal());
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                if (out == null) {
                    m.put("key", issued.key().reveal());
                } else {
                    m.put("keyFile", out.path().toString());
                }
                m.put("fingerprint", issued.key().fingerprint());
                m.put("apiKey", issued.apiKey());
                JsonOutput.print(ctx.out(), m);
                return;
            }
            ctx.out().println(headline);
            ctx.out()
                    .println(ctx.messages().get("keys.fingerprint", issued.key().fingerprint()));
            if (out == null) {
                ctx.out().println(ctx.messages().get("keys.shownOnce"));
                ctx.out().println(issued.key().reveal());
            } else {
                ctx.out()
                        .println(ctx.messages().get("keys.writtenTo", out.path().toString()));
            }
            ctx.out().flush();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListKeys extends Base {
        ListKeys(CliContext ctx) {
            super(ctx);
        }

        @Override
        public void run() {
            List<KeyMetadata> keys = admin().list();
            if (json) {
                JsonOutput.print(ctx.out(), keys);
                return;
            }
            Instant now = Instant.now();
            Table table = new Table(
                    "ID", "NAME", "OWNER", "KEY", "SCOPES", "CREATED", "LAST USED", "EXPIRES", "STATUS", "NOTE");
            for (KeyMetadata k : keys) {
                List<String> notes = new ArrayList<>();
                if (KeyAdmin.expiresSoon(k, now)) {
                    notes.add(ctx.messages().get("keys.note.expiresSoon"));
                }
                if (KeyAdmin.neverUsed(k)) {
                    notes.add(ctx.messages().get("keys.note.neverUsed"));
                }
                table.row(
                        k.id(),
                        k.name(),
                        k.owner(),
                        k.maskedHint(),
                        String.join(",", k.scopes()),
                        Views.time(k.createdAt()),
                        k.lastUsedAt() == null ? "never" : Views.time(k.lastUsedAt()),
                        k.expiresAt() == null ? "never" : Views.time(k.expiresAt()),
                        k.status() == null ? "" : k.status().wire(),
                        String.join("; ", notes));
            }
            table.print(ctx.out());
            ctx.out().println(ctx.messages().get("keys.count", keys.size()));
            ctx.out().flush();
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true)
    static final class Issue extends Base {
        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--owner", required = true, paramLabel = "EMAIL")
        String owner;

        @Option(names = "--scope", split = ",", paramLabel = "SCOPE")
        List<String> scopes = new ArrayList<>();

        @Option(names = "--expires", paramLabel = "WHEN")
        String expires;

        @Option(names = "--out", paramLabel = "FILE", descriptionKey = "keys.out")
        Path out;

        Issue(CliContext ctx) {
            super(ctx);
        }

        @Override
        public void run() {
            Instant expiry = expires == null ? null : parseExpiry(expires, Instant.now(), ctx.messages());
            KeyAdmin admin = admin();
            OwnerOnlyFile file = out == null ? null : OwnerOnlyFile.create(out);
            IssuedKey issued;
            try {
                issued = admin.issue(name, owner, scopes, expiry);
            } catch (RuntimeException e) {
                if (file != null) {
                    file.discard();
                }
                throw e;
            }
            KeyMetadata m = issued.apiKey();
            handOver(
                    ctx.messages()
                            .get(
                                    "keys.issued",
                                    m.name(),
                                    m.id(),
                                    m.owner(),
                                    String.join(", ", m.scopes()),
                                    m.expiresAt() == null
                                            ? ctx.messages().get("report.never")
                                            : m.expiresAt().toString(),
                                    issued.key().masked()),
                    issued,
                    file);
        }
    }

    @Command(name = "regenerate", mixinStandardHelpOptions = true)
    static final class Regenerate extends Base {
        @Parameters(index = "0", paramLabel = "KEY", descriptionKey = "keys.key")
        String key;

        @ArgGroup(exclusive = true, multiplicity = "1")
        KeyRotateCommand.GraceChoice choice;

        @Option(names = "--out", paramLabel = "FILE", descriptionKey = "keys.out")
        Path out;

        Regenerate(CliContext ctx) {
            super(ctx);
        }

        @Override
        public void run() {
            RotationGrace grace = choice.toGrace();
            KeyAdmin admin = admin();
            OwnerOnlyFile file = out == null ? null : OwnerOnlyFile.create(out);
            IssuedKey issued;
            try {
                issued = admin.regenerate(key, grace);
            } catch (RuntimeException e) {
                if (file != null) {
                    file.discard();
                }
                throw e;
            }
            KeyMetadata m = issued.apiKey();
            handOver(
                    ctx.messages()
                            .get(
                                    "keys.regenerated",
                                    m.name(),
                                    m.id(),
                                    m.owner(),
                                    issued.key().masked(),
                                    grace.compromised()
                                            ? ctx.messages().get("keys.oldSecretDead")
                                            : ctx.messages()
                                                    .get("keys.oldSecretGrace", graceText(grace, ctx.messages()))),
                    issued,
                    file);
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true)
    static final class Revoke extends Base {
        @Parameters(index = "0", paramLabel = "KEY", descriptionKey = "keys.key")
        String key;

        Revoke(CliContext ctx) {
            super(ctx);
        }

        @Override
        public void run() {
            KeyAdmin.Revocation revocation = admin().revokeOnce(key);
            KeyMetadata m = revocation.key();
            if (json) {
                JsonOutput.print(ctx.out(), m);
                return;
            }
            ctx.out()
                    .println(ctx.messages()
                            .get(
                                    revocation.already() ? "keys.revokedAlready" : "keys.revoked",
                                    m.name(),
                                    m.id(),
                                    m.maskedHint(),
                                    m.owner()));
            ctx.out().flush();
        }
    }

    @Command(name = "expire-previous", mixinStandardHelpOptions = true)
    static final class ExpirePrevious extends Base {
        @Parameters(index = "0", paramLabel = "KEY", descriptionKey = "keys.key")
        String key;

        ExpirePrevious(CliContext ctx) {
            super(ctx);
        }

        @Override
        public void run() {
            GraceEnding ending = admin().expirePrevious(key);
            KeyMetadata m = ending.key();
            String profileOption = profile == null ? "" : " --profile " + profile;
            switch (ending.outcome()) {
                case NOT_SUPPORTED ->
                    throw new CliFailure(
                            ExitCodes.OTHER, ctx.messages().get("keys.graceUnsupported", m.id(), profileOption));
                case NOTHING_IN_GRACE ->
                    throw new CliFailure(ExitCodes.CONFLICT, ctx.messages().get("keys.graceNone", m.name(), m.id()));
                case ENDED -> {
                    if (json) {
                        JsonOutput.print(ctx.out(), m);
                        return;
                    }
                    ctx.out()
                            .println(
                                    ctx.messages().get("keys.graceEnded", m.name(), m.id(), m.owner(), m.maskedHint()));
                    ctx.out().flush();
                }
            }
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true)
    static final class Audit extends Base {
        @Option(names = "--action", paramLabel = "TEXT")
        String action;

        @Option(names = "--owner", paramLabel = "TEXT")
        String owner;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100")
        int limit;

        Audit(CliContext ctx) {
            super(ctx);
        }

        @Override
        public void run() {
            if (limit < 1 || limit > 100_000) {
                throw new CliFailure(ExitCodes.USAGE, ctx.messages().get("keys.auditLimit"));
            }
            List<AuditEntry> entries = admin().audit(action, owner, limit);
            if (json) {
                JsonOutput.print(ctx.out(), entries);
                return;
            }
            Table table = new Table("AT", "ACTOR", "ACTION", "TARGET", "DETAIL");
            for (AuditEntry e : entries) {
                table.row(
                        Views.time(e.at()),
                        e.actor() == null ? "" : e.actor().owner(),
                        e.action(),
                        e.target(),
                        e.detail());
            }
            table.print(ctx.out());
            ctx.out().println(ctx.messages().get("keys.auditCount", entries.size()));
            ctx.out().flush();
        }
    }

    /** RotationGrace.describe() in the run's language: "1 hour", "24 hours", "7 days"; "1 Stunde", "7 Tage". */
    static String graceText(RotationGrace grace, CliMessages t) {
        long s = grace.seconds();
        String unit;
        long n;
        if (s % 86_400 == 0 && s >= 86_400 * 2) {
            unit = "days";
            n = s / 86_400;
        } else if (s % 3600 == 0) {
            unit = "hours";
            n = s / 3600;
        } else if (s % 60 == 0) {
            unit = "minutes";
            n = s / 60;
        } else {
            unit = "seconds";
            n = s;
        }
        return t.get("duration." + unit, String.valueOf(n), n);
    }

    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,6})\\s*(h|d)");

    /** 2026-12-31 (midnight UTC), 2026-12-31T17:00:00Z, or 90d / 12h from now. */
    static Instant parseExpiry(String text, Instant now, CliMessages messages) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return now.plus(m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n));
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            // try a date
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new CliFailure(ExitCodes.USAGE, messages.get("keys.expiresFormat"));
        }
    }
}
