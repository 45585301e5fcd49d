package io.approvals.console.contract;

import java.security.SecureRandom;

/** Keys for tests, including the canary that must never show up anywhere it should not. */
public final class TestKeys {
    /** 32 characters of "randomness" that are easy to grep for. */
    public static final String CANARY_BODY = "CANARYcanary0123456789ABCDEFabcd";

    private TestKeys() {}

    /** A valid apv_ key (correct checksum) whose text is recognisable in any file or output. */
    public static ApiKey canary() {
        return withChecksum(CANARY_BODY);
    }

    public static String canaryText() {
        return canary().reveal();
    }

    /** apv_ + body + the body's checksum: a key that passes the local format check. */
    public static ApiKey withChecksum(String body32) {
        String head = ApiKey.PREFIX + body32;
        return ApiKey.of(head + ApiKey.checksum(head));
    }

    /** A key with a valid shape whose checksum is wrong: a typo. */
    public static String withBadChecksum() {
        String good = canaryText();
        char last = good.charAt(good.length() - 1);
        return good.substring(0, good.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    public static ApiKey random() {
        return ApiKey.generate(new SecureRandom());
    }
}
