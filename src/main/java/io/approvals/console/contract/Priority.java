package io.approvals.console.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Approval priority, ordered from least to most pressing. */
public enum Priority implements WireName {
    LOW("Low"),
    NORMAL("Normal"),
    HIGH("High"),
    URGENT("Urgent"),
    /** A priority the contract does not name (a real server's {@code Medium}, {@code Critical}, a number); sorts last. */
    OTHER("Other");

    /** The priorities the contract names, for choosing one (never OTHER). */
    public static final java.util.List<Priority> KNOWN = java.util.List.of(LOW, NORMAL, HIGH, URGENT);

    private final String wire;

    Priority(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** Any letter case; null for null. Throws IllegalArgumentException for an unknown name. */
    @JsonCreator
    public static Priority parse(String text) {
        return WireName.parse(KNOWN, text, "priority");
    }

    /** Any letter case; OTHER for a text no constant is spelled as (the raw text is kept by the reader). */
    public static Priority parseOrOther(String text) {
        return WireName.parseOr(KNOWN, text, OTHER);
    }

    @Override
    public String toString() {
        return wire;
    }
}
