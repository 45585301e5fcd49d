package io.approvals.console.service;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.GraceEnd;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.IssueKeyRequest;
import io.approvals.console.contract.IssuedKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.KeyStatus;
import io.approvals.console.contract.Page;
import io.approvals.console.contract.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an administrator does with other people's keys, through a profile whose key has {@code admin}:
 * list, issue, regenerate, revoke, end a grace period early (where the server can), and read the audit trail.
 * Blocks: call it off the JavaFX thread. The profile's own key is refused by regenerate and revoke (regenerate it
 * with {@link KeyRotation}, which keeps it stored).
 */
public final class KeyAdmin {
    /** A key expiring within this is highlighted. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(7);

    public static final int AUDIT_PAGE = 200;

    private final ConnectionService service;
    private final String profile;
    private final Clock clock;

    public KeyAdmin(ConnectionService service, String profile) {
        this.service = service;
        this.profile = profile;
        this.clock = service.clock();
    }

    public String profile() {
        return profile;
    }

    public List<KeyMetadata> list() {
        return api().listAllKeys();
    }

    /**
     * Issues a key. Scopes default to {@code read} (least privilege); expiresAt may be null (never). The
     * answer holds the key in full: show it once.
     */
    public IssuedKey issue(String name, String owner, List<String> scopes, Instant expiresAt) {
        if (name == null || name.isBlank()) {
            throw invalid(ServiceText.get("admin.nameNeeded"));
        }
        if (owner == null || owner.isBlank()) {
            throw invalid(ServiceText.get("admin.ownerNeeded"));
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String s : scopes == null || scopes.isEmpty() ? List.of(Scope.READ) : scopes) {
            String scope = s.strip().toLowerCase(Locale.ROOT);
            if (!Scope.isKnown(scope)) {
                throw invalid(ServiceText.get("admin.unknownScope", clip(s)));
            }
            chosen.add(scope);
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw invalid(ServiceText.get("admin.expiryPast", expiresAt.toString()));
        }
        return api().issueKey(new IssueKeyRequest(name.strip(), owner.strip(), List.copyOf(chosen), expiresAt));
    }

    /** Regenerates another person's key; the answer holds the new key in full: show it once. */
    public IssuedKey regenerate(String keyIdOrName, RotationGrace grace) {
        KeyMetadata target = resolve(keyIdOrName);
        refuseOwnKey(
                target,
                "regenerate",
                "approvals-console key rotate --profile " + profile + " (--compromised | --grace 1h)");
        try {
            return api().regenerateKey(target.id(), grace.seconds());
        } catch (ApiException.Conflict e) {
            throw keyConflict("regenerate", target, e);
        }
    }

    public KeyMetadata revoke(String keyIdOrName) {
        return revokeOnce(keyIdOrName).key();
    }

    /** What a revoke did: already is true when the key was revoked before and nothing was sent. */
    public record Revocation(KeyMetadata key, boolean already) {}

    /**
     * Revokes the key. One that is revoked already is left as it is: the server would answer 200 all the same, and
     * saying "Revoked" would claim a change that did not happen.
     */
    public Revocation revokeOnce(String keyIdOrName) {
        KeyMetadata target = resolve(keyIdOrName);
        if (target.status() == KeyStatus.REVOKED) {
            return new Revocation(target, true);
        }
        refuseOwnKey(target, "revoke", "approvals-console key rotate --profile " + profile + " --compromised");
        try {
            return new Revocation(api().revokeKey(target.id()), false);
        } catch (ApiException.Conflict e) {
            throw keyConflict("revoke", target, e);
        }
    }

    /**
     * A 409 about a key, in words about that key: the client's own Conflict text speaks of approvals. The server's
     * reason is quoted where it gave one; the cause stays for --verbose.
     */
    private ServiceException keyConflict(String what, KeyMetadata target, ApiException.Conflict e) {
        String reason = e.reason() == null || e.reason().matches(".*[.!?]$") ? e.reason() : e.reason() + ".";
        String why = reason == null
                ? ServiceText.get("admin.conflict.noReason")
                : ServiceText.get("admin.conflict.serverSays", reason);
        String profileOption = profile == null ? "" : " --profile " + profile;
        String owner = target.owner() == null ? "EMAIL" : shellWord(target.owner());
        String name = target.name() == null ? "NAME" : shellWord(target.name());
        return new ServiceException(
                ServiceException.Kind.CONFLICT,
                ServiceText.get(
                        "admin.conflict." + what,
                        target.name(),
                        target.id(),
                        target.owner(),
                        why,
                        profileOption,
                        name,
                        owner),
                e);
    }

    /** A name or owner as it can be pasted into a shell command line. */
    private static String shellWord(String s) {
        return s.matches("[A-Za-z0-9._@+:/=-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * Ends the grace period of the key's older secrets now, through the extension endpoint where the server has it
     * ({@link ApprovalsApi#expirePreviousSecrets}). The profile's own key is allowed: its profile uses the current
     * secret, which keeps working.
     */
    public GraceEnding expirePrevious(String keyIdOrName) {
        KeyMetadata target = resolve(keyIdOrName);
        try {
            GraceEnd answer = api().expirePreviousSecrets(target.id());
            return answer.endpointAvailable()
                    ? new GraceEnding(GraceEnding.Outcome.ENDED, answer.key() == null ? target : answer.key())
                    : new GraceEnding(GraceEnding.Outcome.NOT_SUPPORTED, target);
        } catch (ApiException.Conflict e) {
            return new GraceEnding(GraceEnding.Outcome.NOTHING_IN_GRACE, target);
        }
    }

    /** The audit trail, newest first, filtered by action and actor owner (either may be null/blank). */
    public List<AuditEntry> audit(String action, String owner, int max) {
        List<AuditEntry> out = new ArrayList<>();
        String cursor = null;
        ApprovalsApi api = api();
        do {
            Page<AuditEntry> page = api.audit(Math.min(AUDIT_PAGE, Math.max(1, max)), cursor);
            for (AuditEntry e : page.items()) {
                if (matches(e, action, owner)) {
                    out.add(e);
                    if (out.size() >= max) {
                        return out;
                    }
                }
            }
            cursor = page.isLast() ? null : page.nextCursor();
        } while (cursor != null);
        return out;
    }

    public static boolean matches(AuditEntry e, String action, String owner) {
        boolean actionOk = action == null
                || action.isBlank()
                || (e.action() != null
                        && e.action()
                                .toLowerCase(Locale.ROOT)
                                .contains(action.strip().toLowerCase(Locale.ROOT)));
        String actor = e.actor() == null ? null : e.actor().owner();
        boolean ownerOk = owner == null
                || owner.isBlank()
                || (actor != null
                        && actor.toLowerCase(Locale.ROOT).contains(owner.strip().toLowerCase(Locale.ROOT)));
        return actionOk && ownerOk;
    }

    /** A key expiring within 7 days from now (and not yet expired or revoked). */
    public static boolean expiresSoon(KeyMetadata k, Instant now) {
        return k.expiresAt() != null
                && k.expiresAt().isAfter(now)
                && k.expiresAt().isBefore(now.plus(EXPIRY_WARNING))
                && (k.status() == KeyStatus.ACTIVE || k.status() == KeyStatus.EXPIRING);
    }

    public static boolean neverUsed(KeyMetadata k) {
        return k.lastUsedAt() == null;
    }

    /**
     * A key by its id, or else by its name: the one key with that name that is not revoked, else (all with it are
     * revoked) the newest revoked one, so that a name does what its id would (revoke: nothing to do; regenerate: the
     * server's refusal) instead of claiming there is no such key.
     */
    public KeyMetadata resolve(String keyIdOrName) {
        if (keyIdOrName == null || keyIdOrName.isBlank()) {
            throw invalid(ServiceText.get("admin.idNeeded", profile));
        }
        String wanted = keyIdOrName.strip();
        List<KeyMetadata> all = list();
        for (KeyMetadata k : all) {
            if (wanted.equals(k.id())) {
                return k;
            }
        }
        List<KeyMetadata> named =
                all.stream().filter(k -> wanted.equals(k.name())).toList();
        List<KeyMetadata> live =
                named.stream().filter(k -> k.status() != KeyStatus.REVOKED).toList();
        if (live.size() == 1) {
            return live.get(0);
        }
        if (live.size() > 1) {
            throw invalid(ServiceText.get("admin.ambiguous", Integer.toString(live.size()), clip(wanted), profile));
        }
        if (!named.isEmpty()) {
            return named.stream()
                    .max(java.util.Comparator.comparing(
                            KeyMetadata::createdAt,
                            java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                    .orElseThrow();
        }
        throw new ServiceException(
                ServiceException.Kind.INVALID_INPUT, ServiceText.get("admin.unknownKey", clip(wanted), profile));
    }

    private void refuseOwnKey(KeyMetadata target, String what, String instead) {
        String ownId;
        try {
            ownId = api().currentKey().id();
        } catch (ApiException.NotFound e) {
            return;
        }
        if (target.id() != null && target.id().equals(ownId)) {
            throw new ServiceException(
                    ServiceException.Kind.REFUSED, ServiceText.get("admin.ownKey." + what, profile, instead));
        }
    }

    private ApprovalsApi api() {
        return service.client(profile);
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ServiceException.Kind.INVALID_INPUT, message);
    }

    /** Input echoed in a message is cut short, and never echoed when it looks like a key. */
    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        if (s.regionMatches(true, 0, ApiKey.PREFIX, 0, 4)) {
            return ServiceText.get("admin.hidden");
        }
        return s.length() > 40 ? s.substring(0, 40) + "\u2026" : s;
    }
}
