package io.approvals.console.testing;

import io.approvals.console.contract.ApiKey;
import java.security.SecureRandom;

/**
 * A recognisable key for leak tests: if its secret part turns up in a log, a file, a message or a
 * toString(), something leaked.
 */
public final class Canary {
    /** The 32 "random" characters: what tests search for. */
    public static final String MARK = "CANARYcanary0123456789ABCDEFabcd";

    private Canary() {
    }

    /** A well-formed apv_ key whose random part is MARK. */
    public static ApiKey key() {
        return withRandom(MARK);
    }

    public static ApiKey withRandom(String thirtyTwo) {
        String body = ApiKey.PREFIX + thirtyTwo;
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        long v = crc.getValue();
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = alphabet.charAt((int) (v % 62));
            v /= 62;
        }
        return ApiKey.of(body + new String(out));
    }

    public static ApiKey random() {
        return ApiKey.generate(new SecureRandom());
    }
}
