package io.approvals.console.contract;

/**
 * Makes text that came from a server safe to print, store or show: C0 and C1 control characters (ESC, BEL, CR,
 * CSI U+009B, OSC U+009D...), DEL, and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069,
 * plus the marks U+200E/U+200F/U+061C) are removed, so nothing a server sends can move a terminal's cursor, change
 * its title, or make text read in another order than it is stored. Tab and newline become a space.
 */
public final class ServerText {
    private ServerText() {}

    /** The text without controls and bidi overrides; null for null. Returns the same string when it was clean. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        int i = 0;
        while (i < n && !unsafe(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n);
        out.append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n') {
                out.append(' ');
            } else if (!unsafe(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * As {@link #clean}, but newlines and tabs stay: for the texts that may have several lines (a description, a
     * decision comment). A line feed cannot overwrite what was printed; a carriage return can, and goes.
     */
    public static String cleanLines(String text) {
        if (text == null || !isUnsafe(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || !unsafe(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True when the text holds something {@link #clean} removes. */
    public static boolean isUnsafe(String text) {
        return text != null && clean(text) != text;
    }

    static boolean unsafe(char c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e'
                || c == '\u200f'
                || c == '\u061c';
    }
}
