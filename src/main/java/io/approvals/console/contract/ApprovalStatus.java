package io.approvals.console.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle of an approval: Pending means "not complete". */
public enum ApprovalStatus {
    PENDING("Pending"), APPROVED("Approved"), REJECTED("Rejected"),
    /** A status the contract does not name (a real server's {@code InProgress}, a number): its text is the approval's own. */
    OTHER("Other");

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
        if (text == null) {
            return null;
        }
        for (ApprovalStatus s : values()) {
            if (s != OTHER && s.wire.equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status: " + Wire.clip(text));
    }

    /** Any letter case; OTHER for a text no constant is spelled as (the raw text is kept by the reader). */
    public static ApprovalStatus parseOrOther(String text) {
        if (text == null) {
            return null;
        }
        for (ApprovalStatus s : values()) {
            if (s != OTHER && s.wire.equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        return OTHER;
    }

    @Override
    public String toString() {
        return wire;
    }
}
