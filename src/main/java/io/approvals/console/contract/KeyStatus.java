package io.approvals.console.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Status of an API key's secret. Expiring = superseded by a regenerated key, valid until expiresAt. */
public enum KeyStatus implements WireName {
    ACTIVE("Active"),
    EXPIRING("Expiring"),
    REVOKED("Revoked"),
    EXPIRED("Expired");

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
        return WireName.parse(java.util.List.of(values()), text, "key status");
    }

    @Override
    public String toString() {
        return wire;
    }
}
