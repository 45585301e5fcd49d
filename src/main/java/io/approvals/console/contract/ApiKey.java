package io.approvals.console.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * An API key or bearer token. The secret leaves this object only through {@link #reveal()};
 * {@link #toString()} is masked, and equality is constant-time.
 *
 * <p>Keys in the contract's {@code apv_} format carry a CRC-32 checksum that is checked locally, so a
 * typo is caught before any request. Other formats (SSO tokens, other vendors' keys) are opaque.
 */
public final class ApiKey {
    public static final String PREFIX = "apv_";
    public static final int RANDOM_LENGTH = 32;
    public static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;
    /** Longest secret we accept at all: header lines beyond this are not a key but an accident. */
    public static final int MAX_LENGTH = 8192;

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** What a string looks like as a key. */
    public enum Format {
        /** apv_ key whose checksum matches. */
        VALID,
        /** apv_ key of the right length and alphabet whose checksum does not match: a typo. */
        BAD_CHECKSUM,
        /** starts with apv_ but has the wrong length or characters. */
        MALFORMED,
        /** not an apv_ key: accepted as an opaque token. */
        OPAQUE
    }

    private final String secret;
    private final byte[] digest;

    private ApiKey(String secret) {
        this.secret = secret;
        this.digest = sha256(secret);
    }

    /**
     * Wraps a key typed or pasted by a user: surrounding white space is dropped. Rejects empty
     * text and characters that cannot travel in an HTTP header; never echoes the text back.
     */
    @JsonCreator
    public static ApiKey of(String text) {
        if (text == null) {
            throw new IllegalArgumentException("The key is empty.");
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("The key is empty.");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The key is too long (" + trimmed.length() + " characters).");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException(
                        "The key contains a character that cannot be sent (position " + (i + 1) + ").");
            }
        }
        return new ApiKey(trimmed);
    }

    /** Like {@link #of(String)} from a char array, which the caller may wipe afterwards. */
    public static ApiKey of(char[] text) {
        return of(new String(text));
    }

    /** A fresh apv_ key from a cryptographic random source. */
    public static ApiKey generate(SecureRandom random) {
        StringBuilder body = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            body.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return new ApiKey(body + checksum(body.toString()));
    }

    /** The checksum of "apv_" + 32 random characters, base62, 6 characters. */
    static String checksum(String prefixAndRandom) {
        CRC32 crc = new CRC32();
        crc.update(prefixAndRandom.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }

    /** Classifies a string without wrapping it, e.g. for a field that validates as the user types. */
    public static Format formatOf(String text) {
        if (text == null) {
            return Format.MALFORMED;
        }
        String s = text.strip();
        if (!s.startsWith(PREFIX)) {
            return Format.OPAQUE;
        }
        if (s.length() != LENGTH) {
            return Format.MALFORMED;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (BASE62.indexOf(s.charAt(i)) < 0) {
                return Format.MALFORMED;
            }
        }
        String expected = checksum(s.substring(0, PREFIX.length() + RANDOM_LENGTH));
        return expected.equals(s.substring(PREFIX.length() + RANDOM_LENGTH)) ? Format.VALID : Format.BAD_CHECKSUM;
    }

    public Format format() {
        return formatOf(secret);
    }

    /** True unless this looks like an apv_ key but fails its format or checksum. */
    public boolean isPlausible() {
        Format f = format();
        return f == Format.VALID || f == Format.OPAQUE;
    }

    /** The secret itself. Call only to send it, store it in the keychain, or show it on request. */
    @JsonValue
    public String reveal() {
        return secret;
    }

    /** The key's first 8 characters ("apv_7Hq2"), as the server shows them; less for a short token. */
    public String prefix() {
        return secret.length() >= 16 ? secret.substring(0, 8) : "";
    }

    /** The key's last 4 characters, as the server shows them; empty for a short token. */
    public String last4() {
        return secret.length() >= 16 ? secret.substring(secret.length() - 4) : "";
    }

    /** "apv_7Hq2…x9Qa"; a token too short to show any of it safely is fully masked. */
    public String masked() {
        return secret.length() >= 16 ? prefix() + "\u2026" + last4() : "\u2022\u2022\u2022\u2022\u2022\u2022";
    }

    /** "apv_7Hq2 •••• x9Qa", for display. */
    public String maskedForDisplay() {
        return secret.length() >= 16
                ? prefix() + " \u2022\u2022\u2022\u2022 " + last4()
                : "\u2022\u2022\u2022\u2022\u2022\u2022";
    }

    /** First 8 hex characters of the SHA-256 of the key: tells two keys apart without revealing either. */
    public String fingerprint() {
        return sha256Hex().substring(0, 8);
    }

    /** Hex SHA-256 of the key: what a server stores instead of the key. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(digest);
    }

    public byte[] sha256() {
        return digest.clone();
    }

    /** Constant-time comparison of the secrets (via their digests). */
    public boolean matches(ApiKey other) {
        return other != null && MessageDigest.isEqual(digest, other.digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && matches(other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digest[0], digest[1], digest[2], digest[3]);
    }

    @Override
    public String toString() {
        return masked();
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
