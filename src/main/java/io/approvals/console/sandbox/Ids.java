package io.approvals.console.sandbox;

import java.security.SecureRandom;

/** Random identifiers: apr_ and key_ followed by base62 characters. Not secrets, but unguessable. */
final class Ids {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 20;

    private Ids() {}

    static String approval() {
        return "apr_" + random(LENGTH);
    }

    static String key() {
        return "key_" + random(LENGTH);
    }

    static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE62.charAt(RANDOM.nextInt(BASE62.length()));
        }
        return new String(out);
    }
}
