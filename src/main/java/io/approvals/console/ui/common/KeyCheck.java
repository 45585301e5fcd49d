package io.approvals.console.ui.common;

import io.approvals.console.contract.ApiKey;

/**
 * What a pasted key looks like, in one message: either it can be sent (an apv_ key whose checksum matches, or
 * another token sent as it is) or it cannot, and why. Surrounding white space is dropped, as when it is sent.
 */
public record KeyCheck(String message, boolean sendable) {
    public static KeyCheck of(String text) {
        if (text == null || text.isBlank()) {
            return new KeyCheck("", false);
        }
        try {
            ApiKey.of(text);
        } catch (IllegalArgumentException e) {
            return new KeyCheck(Messages.get("key.check.unsendable"), false);
        }
        return switch (ApiKey.formatOf(text)) {
            case VALID -> new KeyCheck(Messages.get("key.check.valid"), true);
            case BAD_CHECKSUM -> new KeyCheck(Messages.get("key.check.badChecksum"), false);
            case MALFORMED -> new KeyCheck(Messages.get("key.check.malformed"), false);
            case OPAQUE -> new KeyCheck(Messages.get("key.check.opaque"), true);
        };
    }
}
