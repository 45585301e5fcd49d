package io.approvals.console.contract;

import java.util.List;

/** An enum constant spelled on the wire as {@link #wire()}; the parsing the wire enums share. */
interface WireName {
    String wire();

    /** The constant among known spelled as text in any letter case; null for null. Throws for an unknown name. */
    static <E extends WireName> E parse(List<E> known, String text, String what) {
        if (text == null) {
            return null;
        }
        E found = find(known, text);
        if (found == null) {
            throw new IllegalArgumentException("unknown " + what + ": " + Wire.clip(text));
        }
        return found;
    }

    /** As {@link #parse}, but other for a text no constant among known is spelled as. */
    static <E extends WireName> E parseOr(List<E> known, String text, E other) {
        if (text == null) {
            return null;
        }
        E found = find(known, text);
        return found == null ? other : found;
    }

    private static <E extends WireName> E find(List<E> known, String text) {
        String t = text.trim();
        for (E e : known) {
            if (e.wire().equalsIgnoreCase(t)) {
                return e;
            }
        }
        return null;
    }
}
