package io.approvals.console.ui.welcome;

import io.approvals.console.client.ApiException;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Dialect;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.DialectText;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.session.ConnectionDraft;
import io.approvals.console.ui.session.ConsoleEnvironment;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.Discovered;
import io.approvals.console.ui.session.KeyInfo;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The first-run screen: connect to an Approvals API (verify, then save) or start the local sandbox.
 * The key is checked as it is typed; nothing leaves the machine until Verify or Save.
 */
public final class WelcomeViewModel {
    private final ConsoleEnvironment env;
    private final Background background;

    private final StringProperty name = new SimpleStringProperty(this, "name", "work");
    private final StringProperty url = new SimpleStringProperty(this, "url", "https://");
    private final BooleanProperty bearer = new SimpleBooleanProperty(this, "bearer");
    private final StringProperty headerName = new SimpleStringProperty(this, "headerName", "X-API-Key");
    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final StringProperty caCert = new SimpleStringProperty(this, "caCert", "");
    private final BooleanProperty sessionOnly = new SimpleBooleanProperty(this, "sessionOnly");

    private final ReadOnlyStringWrapper keyFormat = new ReadOnlyStringWrapper(this, "keyFormat", "");
    private final ReadOnlyBooleanWrapper keyFormatBad = new ReadOnlyBooleanWrapper(this, "keyFormatBad");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper(this, "busyText", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper offerSessionOnly = new ReadOnlyBooleanWrapper(this, "offerSessionOnly");
    private final ReadOnlyStringWrapper discovery = new ReadOnlyStringWrapper(this, "discovery", "");
    /** What the server's OpenAPI document said, for the URL and CA certificate in discoveredFor. */
    private Discovered discovered;

    private String discoveredFor;
    /** The user chose the header or bearer: discovery does not overwrite it. */
    private boolean authEdited;

    private boolean applying;

    public WelcomeViewModel(ConsoleEnvironment env, Background background) {
        this.env = env;
        this.background = background;
        key.addListener((o, a, text) -> checkFormat(text));
        url.addListener((o, a, b) -> result.set(""));
        key.addListener((o, a, b) -> result.set(""));
        headerName.addListener((o, a, b) -> authEdited |= !applying);
        bearer.addListener((o, a, b) -> authEdited |= !applying);
        url.addListener((o, a, b) -> discovery.set(""));
    }

    private void checkFormat(String text) {
        if (text == null || text.isBlank()) {
            keyFormat.set("");
            keyFormatBad.set(false);
            return;
        }
        switch (ApiKey.formatOf(text)) {
            case VALID -> set("\u2713 An Approvals key; its checksum matches.", false);
            case BAD_CHECKSUM ->
                set("The checksum does not match: a character was mistyped or cut. Copy the key again.", true);
            case MALFORMED ->
                set("Starts with apv_ but is not 42 letters and digits: cut short or extra characters?", true);
            case OPAQUE ->
                set("Not an apv_ key: it will be sent as it is (an SSO or DeskToken token, for example).", false);
        }
    }

    private void set(String text, boolean bad) {
        keyFormat.set(text);
        keyFormatBad.set(bad);
    }

    /** Verify and Save need a URL and a key that is not visibly mistyped. */
    public BooleanBinding readyProperty() {
        return Bindings.createBooleanBinding(
                () -> !busy.get()
                        && !keyFormatBad.get()
                        && key.get() != null
                        && !key.get().isBlank()
                        && url.get() != null
                        && url.get().strip().length() > "https://".length(),
                busy,
                keyFormatBad,
                key,
                url);
    }

    /**
     * Looks for the server's OpenAPI document (as {@code profiles add} does) once per URL, off the FX thread, and
     * takes the header name and field names it gives; then runs next. Nothing found, or no answer: the contract's
     * names, said so.
     */
    public void discover(Runnable next) {
        String forWhat = url.get() + "\n" + caCert.get();
        if (forWhat.equals(discoveredFor)) {
            next.run();
            return;
        }
        ConnectionDraft base = draft(false);
        boolean keepAuth = authEdited;
        start(Messages.get("welcome.discovery.busy"));
        background.run(
                () -> env.discover(base, keepAuth),
                d -> {
                    busy.set(false);
                    apply(d, forWhat);
                    next.run();
                },
                e -> {
                    busy.set(false);
                    apply(Discovered.nothing(base), forWhat);
                    next.run();
                });
    }

    private void apply(Discovered d, String forWhat) {
        discovered = d;
        discoveredFor = forWhat;
        if (d.found() && !authEdited) {
            applying = true;
            try {
                bearer.set(d.draft().bearer());
                headerName.set(d.draft().headerName());
            } finally {
                applying = false;
            }
        }
        discovery.set(DialectText.discovery(d, bearer.get(), headerName.get(), authEdited));
    }

    /** Discovers first (once per URL), then verifies. */
    public void verify() {
        discover(this::verifyNow);
    }

    private void verifyNow() {
        ConnectionDraft draft = draft();
        ApiKey k = keyOrNull();
        if (k == null) {
            return;
        }
        start("Verifying the key with the server\u2026");
        background.run(
                () -> env.verify(draft, k),
                info -> {
                    busy.set(false);
                    result.set(describe(info));
                },
                this::failed);
    }

    /** Discovers first (once per URL), then verifies, stores and opens. */
    public void save(Consumer<ConsoleSession> onOpened) {
        discover(() -> saveNow(onOpened));
    }

    private void saveNow(Consumer<ConsoleSession> onOpened) {
        ConnectionDraft draft = draft();
        ApiKey k = keyOrNull();
        if (k == null) {
            return;
        }
        boolean session = sessionOnly.get();
        start(
                session
                        ? "Verifying and keeping the key for this session\u2026"
                        : "Verifying and storing the key in the keychain\u2026");
        background.run(
                () -> env.save(draft, k, session),
                s -> {
                    busy.set(false);
                    onOpened.accept(s);
                },
                this::failed);
    }

    public void startSandbox(Consumer<ConsoleSession> onOpened) {
        start("Starting the local sandbox\u2026");
        background.run(
                env::startSandbox,
                s -> {
                    busy.set(false);
                    onOpened.accept(s);
                },
                this::failed);
    }

    private void start(String what) {
        busy.set(true);
        busyText.set(what);
        error.set("");
        result.set("");
    }

    private void failed(Throwable e) {
        busy.set(false);
        busyText.set("");
        if (e instanceof KeychainException k) {
            offerSessionOnly.set(true);
            error.set(k.getMessage() + " You can keep the key for this session only: tick the box and Save again.");
        } else if (e instanceof ApiException.Unauthorized u && u.guessedHeader() != null) {
            // an empty 401 to a header name nobody gave us: the name is the likeliest culprit
            error.set(Messages.format("failure.unauthorized.guessedHeader", u.guessedHeader()) + " "
                    + Messages.get("welcome.unauthorized.next"));
        } else if (e instanceof ApiException.Unauthorized) {
            error.set("The server rejected this key: it may be mistyped, revoked or expired, or the header name "
                    + "may be wrong. Check them and Verify again.");
        } else if (e instanceof ApiException.Network) {
            error.set(
                    "The server cannot be reached at this address. Check the URL and the network, then Verify again.");
        } else {
            error.set(
                    e.getMessage() == null
                            ? "That failed (" + e.getClass().getSimpleName() + "). Try again."
                            : e.getMessage());
        }
    }

    private ApiKey keyOrNull() {
        try {
            return ApiKey.of(key.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
    }

    private ConnectionDraft draft() {
        return draft(true);
    }

    /** withDialect: what discovery found, and whether the header was the user's choice. */
    private ConnectionDraft draft(boolean withDialect) {
        String ca = caCert.get() == null ? "" : caCert.get().strip();
        ConnectionDraft d = new ConnectionDraft(
                name.get() == null ? "" : name.get().strip(),
                url.get(),
                bearer.get(),
                headerName.get(),
                ca.isEmpty() ? null : Path.of(ca));
        if (!withDialect) {
            return d;
        }
        Dialect dialect = discovered == null ? null : discovered.draft().dialect();
        if (authEdited) {
            Dialect base = dialect == null ? Dialect.CONTRACT : dialect;
            dialect = base.withSource(base.source() == null ? "manual" : base.source(), "user");
        }
        return d.withDialect(dialect);
    }

    /** What discovery found, or where it looked; empty before it ran. */
    public ReadOnlyStringProperty discoveryProperty() {
        return discovery.getReadOnlyProperty();
    }

    static String describe(KeyInfo info) {
        if (!info.scopesKnown()) {
            return "\u2713 The server accepted the key. It does not say who owns it or its scopes.";
        }
        return "\u2713 Accepted. Owner " + (info.owner() == null ? "unknown" : info.owner()) + " \u00b7 scopes "
                + info.scopesText();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public BooleanProperty bearerProperty() {
        return bearer;
    }

    public StringProperty headerNameProperty() {
        return headerName;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty caCertProperty() {
        return caCert;
    }

    public BooleanProperty sessionOnlyProperty() {
        return sessionOnly;
    }

    public ReadOnlyStringProperty keyFormatProperty() {
        return keyFormat.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty keyFormatBadProperty() {
        return keyFormatBad.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty offerSessionOnlyProperty() {
        return offerSessionOnly.getReadOnlyProperty();
    }
}
