package io.approvals.console.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque paging cursors: "list kind : position", HMAC-SHA256 signed with a secret kept in the database
 * (so cursors survive restarts). A cursor the server did not issue, or one from another list, is a 400.
 */
final class Cursors {
    static final String APPROVALS = "a";
    static final String KEYS = "k";
    /** The audit trail, by (at, seq): "u" was by seq alone, so its old cursors are refused, not misread. */
    static final String AUDIT = "t";

    private static final int MAC_BYTES = 16;
    private static final int MAX_LENGTH = 200;

    private final SecretKeySpec secret;

    Cursors(byte[] secret) {
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
    }

    String issue(String kind, long position) {
        byte[] payload = (kind + ":" + position).getBytes(StandardCharsets.US_ASCII);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload) + "." + b64.encodeToString(mac(payload));
    }

    /** A cursor holding two positions (e.g. a time and a sequence number). */
    String issue(String kind, long first, long second) {
        return issue(kind + ":" + first, second);
    }

    /** The two positions inside a cursor from {@link #issue(String, long, long)}; a 400 as {@link #position}. */
    long[] positions(String kind, String cursor) {
        String both = text(kind, cursor);
        int colon = both.indexOf(':');
        try {
            return new long[] {
                Long.parseLong(both.substring(0, Math.max(colon, 0))), Long.parseLong(both.substring(colon + 1))
            };
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** The position inside the cursor; a 400 naming the cursor when it is not one of ours for this list. */
    long position(String kind, String cursor) {
        try {
            return Long.parseLong(text(kind, cursor));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** What follows "kind:" inside a cursor this server signed for that list. */
    private String text(String kind, String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        int dot = cursor.indexOf('.');
        if (dot < 0) {
            throw invalid();
        }
        byte[] payload;
        byte[] tag;
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            payload = b64.decode(cursor.substring(0, dot));
            tag = b64.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(mac(payload), tag)) {
            throw invalid();
        }
        String text = new String(payload, StandardCharsets.US_ASCII);
        if (!text.startsWith(kind + ":")) {
            throw invalid();
        }
        return text.substring(kind.length() + 1);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.field("cursor", "is not a cursor this server issued for this list");
    }
}
