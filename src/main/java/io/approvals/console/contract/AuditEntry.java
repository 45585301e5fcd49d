package io.approvals.console.contract;

import java.time.Instant;

/** One line of the audit trail. detail never holds a secret. */
public record AuditEntry(Instant at, Actor actor, String action, String target, String detail) {

    public record Actor(String keyId, String owner) {}

    public static final String APPROVAL_CREATED = "approval.created";
    public static final String APPROVAL_APPROVED = "approval.approved";
    public static final String APPROVAL_REJECTED = "approval.rejected";
    public static final String KEY_ISSUED = "key.issued";
    public static final String KEY_REGENERATED = "key.regenerated";
    public static final String KEY_REVOKED = "key.revoked";
    /** An extension of the contract: a key's older secrets in their grace period were stopped early. */
    public static final String KEY_GRACE_ENDED = "key.grace-ended";
}
