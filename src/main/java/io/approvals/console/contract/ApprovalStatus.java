package io.approvals.console.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle of an approval: Pending means "not complete". */
public enum ApprovalStatus {
    PENDING("Pending"), APPROVED("Approved"), REJECTED("Rejected");

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
            if (s.wire.equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status: " + Wire.clip(text));
    }

    @Override
    public String toString() {
        return wire;
    }
}
