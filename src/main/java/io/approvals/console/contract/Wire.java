package io.approvals.console.contract;

/** Small helpers shared by both sides of the wire. */
public final class Wire {
    private Wire() {}

    /** apv_ and at least 8 more key characters: a whole or partial key. */
    private static final java.util.regex.Pattern KEY_LIKE =
            java.util.regex.Pattern.compile("(apv_[0-9A-Za-z]{4})[0-9A-Za-z]{4,}");

    /**
     * Shortens untrusted text before it goes into a message, so a hostile body cannot flood logs, and
     * masks anything shaped like a key (to its public prefix): a server that echoes the credential back
     * in an error body must not put it into our exception messages (SecretHygieneTest found a 500 doing
     * exactly that).
     */
    public static String clip(String text) {
        return clip(text, 60);
    }

    /** As {@link #clip(String)}, at most max characters (a field error's sentence needs more than 60). */
    public static String clip(String text, int max) {
        if (text == null) {
            return "null";
        }
        String oneLine =
                KEY_LIKE.matcher(ServerText.clean(text)).replaceAll("$1\u2026").replaceAll("[\\p{Cntrl}]", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }
}
