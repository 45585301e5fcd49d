package io.approvals.console.contract;

/** Small helpers shared by both sides of the wire. */
public final class Wire {
    private Wire() {
    }

    /** Shortens untrusted text before it goes into a message, so a hostile body cannot flood logs. */
    public static String clip(String text) {
        if (text == null) {
            return "null";
        }
        String oneLine = text.replaceAll("[\\p{Cntrl}]", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
