package io.approvals.console.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle of an approval: Pending means "not complete". */
public enum ApprovalStatus implements WireName {
    PENDING("Pending"),
    APPROVED("Approved"),
    REJECTED("Rejected"),
    /** A status the contract does not name (a real server's {@code InProgress}, a number): its text is the approval's own. */
    OTHER("Other");

    /** The statuses the contract names (never OTHER). */
    private static final java.util.List<ApprovalStatus> NAMED = java.util.List.of(PENDING, APPROVED, REJECTED);

    private final String wire;

    ApprovalStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** Any letter case (real servers differ). Throws IllegalArgumentException for an unknown name. */
    @JsonCreator
    public static ApprovalStatus parse(String text) {
        return WireName.parse(NAMED, text, "status");
    }

    /** Any letter case; OTHER for a text no constant is spelled as (the raw text is kept by the reader). */
    public static ApprovalStatus parseOrOther(String text) {
        return WireName.parseOr(NAMED, text, OTHER);
    }

    @Override
    public String toString() {
        return wire;
    }
}
