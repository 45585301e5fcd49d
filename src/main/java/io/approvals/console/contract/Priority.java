package io.approvals.console.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Approval priority, ordered from least to most pressing. */
public enum Priority {
    LOW("Low"), NORMAL("Normal"), HIGH("High"), URGENT("Urgent");

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
        if (text == null) {
            return null;
        }
        for (Priority p : values()) {
            if (p.wire.equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown priority: " + Wire.clip(text));
    }

    @Override
    public String toString() {
        return wire;
    }
}
