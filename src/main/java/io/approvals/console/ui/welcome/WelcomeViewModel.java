package io.approvals.console.ui.welcome;

import io.approvals.console.client.ApiException;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Dialect;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.service.FailureText;
import io.approvals.console.service.ServiceException;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.DialectText;
import io.approvals.console.ui.common.FailureLine;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.session.ConnectionDraft;
import io.approvals.console.ui.session.ConsoleEnvironment;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.Discovered;
import io.approvals.console.ui.session.KeyInfo;
import java.net.URI;
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
        try {
            ApiKey.of(text);
        } catch (IllegalArgumentException e) {
            // a space or another character no header can carry: say so now, not after Verify
            set(Messages.get("key.check.unsendable"), true);
            return;
        }
        switch (ApiKey.formatOf(text)) {
            case VALID -> set(Messages.get("welcome.key.valid"), false);
            case BAD_CHECKSUM -> set(Messages.get("welcome.key.badChecksum"), true);
            case MALFORMED -> set(Messages.get("welcome.key.malformed"), true);
            case OPAQUE -> set(Messages.get("welcome.key.opaque"), false);
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
        if (urlChecked()) {
            discover(this::verifyNow);
        }
    }

    /**
     * The URL is checked here, as the connection will take it, so that a mistyped one is explained in the user's
     * language before anything is sent (the service's own check words it in English).
     */
    private boolean urlChecked() {
        String u = url.get() == null ? "" : url.get().strip();
        boolean ok;
        try {
            URI uri = URI.create(u);
            ok = uri.getScheme() != null && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            ok = false;
        }
        if (!ok) {
            result.set("");
            error.set(Messages.get("welcome.error.url"));
        }
        return ok;
    }

    private void verifyNow() {
        ConnectionDraft draft = draft();
        ApiKey k = keyOrNull();
        if (k == null) {
            return;
        }
        start(Messages.get("welcome.busy.verify"));
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
        if (urlChecked()) {
            discover(() -> saveNow(onOpened));
        }
    }

    private void saveNow(Consumer<ConsoleSession> onOpened) {
        ConnectionDraft draft = draft();
        ApiKey k = keyOrNull();
        if (k == null) {
            return;
        }
        boolean session = sessionOnly.get();
        start(Messages.get(session ? "welcome.busy.saveSession" : "welcome.busy.saveKeychain"));
        background.run(
                () -> env.save(draft, k, session),
                s -> {
                    busy.set(false);
                    onOpened.accept(s);
                },
                this::failed);
    }

    public void startSandbox(Consumer<ConsoleSession> onOpened) {
        start(Messages.get("welcome.busy.sandbox"));
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
            error.set(Messages.format(
                    "welcome.error.keychain",
                    FailureText.of(k, Messages.locale()).line()));
        } else if (e instanceof ApiException.Unauthorized u && u.guessedHeader() != null) {
            // an empty 401 to a header name nobody gave us: the name is the likeliest culprit
            error.set(Messages.format("failure.unauthorized.guessedHeader", u.guessedHeader()) + " "
                    + Messages.get("welcome.unauthorized.next"));
        } else if (e instanceof ApiException.Unauthorized) {
            error.set(Messages.get("welcome.error.unauthorized"));
        } else if (e instanceof ApiException.Network) {
            error.set(Messages.get("welcome.error.offline"));
        } else if (e instanceof ServiceException s && s.kind() == ServiceException.Kind.DUPLICATE_PROFILE) {
            error.set(Messages.format("welcome.error.duplicate", draft().name()));
        } else {
            error.set(FailureLine.of(e));
        }
    }

    private ApiKey keyOrNull() {
        try {
            return ApiKey.of(key.get());
        } catch (IllegalArgumentException e) {
            error.set(Messages.get("key.check.unsendable"));
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
            return Messages.get("welcome.accepted.unknown");
        }
        return Messages.format(
                "welcome.accepted",
                info.owner() == null ? Messages.get("welcome.owner.unknown") : info.owner(),
                info.scopes().isEmpty() ? Messages.get("status.noScopes") : String.join(", ", info.scopes()));
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
