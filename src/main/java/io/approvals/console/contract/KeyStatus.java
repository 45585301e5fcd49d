package io.approvals.console.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Status of an API key's secret. Expiring = superseded by a regenerated key, valid until expiresAt. */
public enum KeyStatus {
    ACTIVE("Active"), EXPIRING("Expiring"), REVOKED("Revoked"), EXPIRED("Expired");

    private final String wire;

    KeyStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static KeyStatus parse(String text) {
        if (text == null) {
            return null;
        }
        for (KeyStatus s : values()) {
            if (s.wire.equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown key status: " + Wire.clip(text));
    }

    @Override
    public String toString() {
        return wire;
    }
}
