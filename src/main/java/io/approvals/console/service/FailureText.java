package io.approvals.console.service;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.PendingSnapshot;
import io.approvals.console.contract.Approval;
import io.approvals.console.credentials.KeychainException;
import java.net.http.HttpTimeoutException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javax.net.ssl.SSLHandshakeException;

/**
 * What a failure means to a user: a title, what happened and the next step, in the user's language (bundle
 * {@value #BUNDLE}). The desktop app and the command line both show these, so the same failure reads the same.
 * Nothing here ever holds a key: our exceptions' texts are written to be shown, and any other exception is named
 * by its class only.
 *
 * @param kind     what went wrong, for callers that react to it (a banner's colour, an exit code)
 * @param title    a heading ("The key was rejected")
 * @param message  what happened, one or two sentences
 * @param nextStep what to do now; empty when the message says it already
 */
public record FailureText(Kind kind, String title, String message, String nextStep) {
    public static final String BUNDLE = "io.approvals.console.service.failures";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    // The client's English sentences end in these; the next step comes from the bundle instead.
    private static final String NETWORK_NEXT = " Check the network and the server address, then try again.";
    private static final String NOT_FOUND_NEXT = " Refresh to see the current list.";
    private static final String SERVER_NEXT = ". Try again in a moment";
    private static final String CAP_USED = ". Nothing of it was used.";

    /** The failures a user is told about, each with its own title, message and next step in the bundle. */
    public enum Kind {
        OFFLINE("offline"),
        TIMEOUT("timeout"),
        TLS_HOST("tlsHost"),
        TLS_TRUST("tlsTrust"),
        INSECURE_URL("insecureUrl"),
        UNAUTHORIZED("unauthorized"),
        UNAUTHORIZED_HEADER("unauthorizedHeader"),
        FORBIDDEN_SCOPE("forbiddenScope"),
        FORBIDDEN("forbidden"),
        NOT_FOUND("notFound"),
        CONFLICT("conflict"),
        INVALID("invalid"),
        RATE_LIMITED("rateLimited"),
        SERVER("server"),
        CAP_REACHED("capReached"),
        KEYCHAIN_LOCKED("keychainLocked"),
        KEYCHAIN_UNAVAILABLE("keychainUnavailable"),
        KEYCHAIN_TIMEOUT("keychainTimeout"),
        KEYCHAIN_DENIED("keychainDenied"),
        KEYCHAIN("keychain"),
        REFUSED("refused"),
        UNEXPECTED("unexpected");

        final String key;

        Kind(String key) {
            this.key = key;
        }

        /** No answer came from the server (or none in time): the list may be stale, retrying may help. */
        public boolean noAnswer() {
            return this == OFFLINE || this == TIMEOUT || this == TLS_HOST || this == TLS_TRUST;
        }
    }

    /** Message and next step as one line, as the command line prints it and most dialogs show it. */
    public String line() {
        return nextStep.isEmpty() ? message : message + " " + nextStep;
    }

    /** The text of a failure in the given language (English unless the bundle has the language). */
    public static FailureText of(Throwable e, Locale locale) {
        Texts t = new Texts(locale);
        if (e instanceof ApiException api) {
            return ofApi(api, t);
        }
        if (e instanceof KeychainException k) {
            Kind kind =
                    switch (k.kind()) {
                        case LOCKED -> Kind.KEYCHAIN_LOCKED;
                        case UNAVAILABLE -> Kind.KEYCHAIN_UNAVAILABLE;
                        case TIMEOUT -> Kind.KEYCHAIN_TIMEOUT;
                        case DENIED -> Kind.KEYCHAIN_DENIED;
                        case ERROR -> Kind.KEYCHAIN;
                    };
            return t.text(kind, new Object[] {k.reason()}, t.get(kind, "next", k.nextStep()));
        }
        if (e instanceof ServiceException || e instanceof IllegalArgumentException) {
            // written to be shown (the service's refusals, a key's format check), and never holding the key
            return t.text(Kind.REFUSED, new Object[] {String.valueOf(e.getMessage())}, "");
        }
        return t.text(Kind.UNEXPECTED, new Object[] {e.getClass().getSimpleName()}, t.get(Kind.UNEXPECTED, "next"));
    }

    private static FailureText ofApi(ApiException e, Texts t) {
        String m = e.getMessage();
        if (e instanceof ApiException.Network) {
            Kind kind = networkKind(e);
            return t.text(kind, new Object[] {strip(m, NETWORK_NEXT)}, t.get(kind, "next"));
        }
        if (e instanceof ApiException.InsecureUrl) {
            String host = between(m, "Refusing http:// to ", ": the key");
            return t.text(Kind.INSECURE_URL, new Object[] {host}, t.get(Kind.INSECURE_URL, "next"));
        }
        if (e instanceof ApiException.Unauthorized u) {
            if (u.guessedHeader() != null) {
                Kind kind = Kind.UNAUTHORIZED_HEADER;
                return t.text(kind, new Object[] {u.guessedHeader()}, t.get(kind, "next"));
            }
            return t.text(Kind.UNAUTHORIZED, new Object[0], t.get(Kind.UNAUTHORIZED, "next"));
        }
        if (e instanceof ApiException.Forbidden f) {
            if (f.requiredScope() == null) {
                return t.text(Kind.FORBIDDEN, new Object[0], t.get(Kind.FORBIDDEN, "next"));
            }
            Object[] scope = {f.requiredScope()};
            return t.text(Kind.FORBIDDEN_SCOPE, scope, t.get(Kind.FORBIDDEN_SCOPE, "next", scope));
        }
        if (e instanceof ApiException.NotFound) {
            String fact = strip(m, NOT_FOUND_NEXT);
            String message = fact.equals("Not found on the server.")
                    ? t.get(Kind.NOT_FOUND, "message")
                    : t.get(Kind.NOT_FOUND, "detailed", fact);
            return t.with(Kind.NOT_FOUND, message, t.get(Kind.NOT_FOUND, "next"));
        }
        if (e instanceof ApiException.Conflict c) {
            return conflict(c.current(), t);
        }
        if (e instanceof ApiException.Validation) {
            String message = m.equals("The server refused the input. Check the fields and try again.")
                    ? t.get(Kind.INVALID, "message")
                    : t.get(Kind.INVALID, "detailed", m);
            return t.with(Kind.INVALID, message, t.get(Kind.INVALID, "next"));
        }
        if (e instanceof ApiException.RateLimited r) {
            long seconds = Math.max(1, r.retryAfter().toSeconds());
            return t.text(Kind.RATE_LIMITED, new Object[0], t.get(Kind.RATE_LIMITED, "next", seconds));
        }
        if (e instanceof ApiException.Server) {
            return server(e, t);
        }
        if (e instanceof ApiException.CapReached) {
            int end = m.lastIndexOf(CAP_USED);
            String what = m.startsWith("Stopped: ") && end > 9 ? m.substring(9, end) : m;
            return t.text(Kind.CAP_REACHED, new Object[] {what}, withRequest(Kind.CAP_REACHED, e.requestId(), t));
        }
        return t.text(Kind.UNEXPECTED, new Object[] {e.getClass().getSimpleName()}, t.get(Kind.UNEXPECTED, "next"));
    }

    private static FailureText server(ApiException e, Texts t) {
        String m = e.getMessage();
        int end = m.lastIndexOf(SERVER_NEXT);
        int colon = m.indexOf("): ");
        String detail = colon > 0 && end > colon ? m.substring(colon + 3, end) : null;
        String message;
        if (e.status() == 0) {
            message =
                    detail == null ? t.get(Kind.SERVER, "unreadable") : t.get(Kind.SERVER, "unreadableDetail", detail);
        } else {
            String status = Integer.toString(e.status()); // not "1.234": a status is a code, not a number
            message = detail == null
                    ? t.get(Kind.SERVER, "message", status)
                    : t.get(Kind.SERVER, "messageDetail", status, detail);
        }
        return t.with(Kind.SERVER, message, withRequest(Kind.SERVER, e.requestId(), t));
    }

    private static FailureText conflict(Approval current, Texts t) {
        if (current == null) {
            return t.text(Kind.CONFLICT, new Object[0], t.get(Kind.CONFLICT, "next"));
        }
        if (current.decidedBy() != null && !current.isPending()) {
            String status = t.raw("status." + current.status().name());
            String message = current.decidedAt() == null
                    ? t.get(Kind.CONFLICT, "decided", status, current.decidedBy())
                    : t.get(
                            Kind.CONFLICT,
                            "decidedAt",
                            status,
                            current.decidedBy(),
                            current.decidedAt().toString());
            return t.with(Kind.CONFLICT, message, t.get(Kind.CONFLICT, "decidedNext"));
        }
        return t.with(
                Kind.CONFLICT,
                t.get(Kind.CONFLICT, "changed", Long.toString(current.version())),
                t.get(Kind.CONFLICT, "changedNext"));
    }

    private static String withRequest(Kind kind, String requestId, Texts t) {
        return requestId == null ? t.get(kind, "next") : t.get(kind, "nextRequest", requestId);
    }

    /** Which network failure: read from the cause the client kept, not from its English sentence. */
    private static Kind networkKind(Throwable e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof HttpTimeoutException || c instanceof java.net.SocketTimeoutException) {
                return Kind.TIMEOUT;
            }
            if (c instanceof SSLHandshakeException) {
                return e.getMessage().contains("certificate is for another host") ? Kind.TLS_HOST : Kind.TLS_TRUST;
            }
        }
        return Kind.OFFLINE;
    }

    /**
     * "3 items partly read, 1 skipped (no id)" for a list some of whose items a real server sent half-readable;
     * empty when every item was read whole.
     */
    public static String readingNote(PendingSnapshot snapshot, Locale locale) {
        if (snapshot == null || (snapshot.partlyRead() == 0 && snapshot.skipped() == 0)) {
            return "";
        }
        Texts t = new Texts(locale);
        String partly = snapshot.partlyRead() > 0 ? t.format("failure.partlyRead.items", snapshot.partlyRead()) : "";
        String skipped = snapshot.skipped() > 0 ? t.format("failure.partlyRead.skipped", snapshot.skipped()) : "";
        return partly.isEmpty() ? skipped : skipped.isEmpty() ? partly : partly + ", " + skipped;
    }

    /** The main window's countdown while it waits to retry: offline (no answer) or asked to wait (429). */
    public static String retryCountdown(boolean rateLimited, long seconds, Locale locale) {
        return new Texts(locale)
                .format(rateLimited ? "failure.rateLimited.countdown" : "failure.offline.countdown", seconds);
    }

    /** "Offline: showing the list as of …", the time already formatted. */
    public static String offlineStale(String asOf, Locale locale) {
        return new Texts(locale).format("failure.offline.stale", asOf);
    }

    /** A sentence a surface adds to a failure ("Everything you typed is kept."): failure.note.NAME. */
    public static String note(String name, Locale locale) {
        return new Texts(locale).format("failure.note." + name);
    }

    private static String strip(String m, String suffix) {
        return m.endsWith(suffix) ? m.substring(0, m.length() - suffix.length()) : m;
    }

    private static String between(String m, String start, String end) {
        int from = m.indexOf(start);
        if (from < 0) {
            return "?";
        }
        from += start.length();
        int to = m.indexOf(end, from);
        return to < 0 ? m.substring(from) : m.substring(from, to);
    }

    /** The bundle in one language, with MessageFormat in that language (also {@link ServiceText}'s). */
    static final class Texts {
        private final Locale locale;
        private final ResourceBundle bundle;

        Texts(Locale locale) {
            this.locale = locale == null ? Locale.ENGLISH : locale;
            this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale, NO_FALLBACK);
        }

        String raw(String key) {
            try {
                return bundle.getString(key);
            } catch (MissingResourceException e) {
                return "[" + key + "]";
            }
        }

        String format(String key, Object... args) {
            return new MessageFormat(raw(key), locale).format(args);
        }

        String get(Kind kind, String part, Object... args) {
            return format("failure." + kind.key + "." + part, args);
        }

        FailureText text(Kind kind, Object[] messageArgs, String nextStep) {
            return with(kind, get(kind, "message", messageArgs), nextStep);
        }

        FailureText with(Kind kind, String message, String nextStep) {
            return new FailureText(kind, get(kind, "title"), message, nextStep);
        }
    }
}
