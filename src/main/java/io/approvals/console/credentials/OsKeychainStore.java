package io.approvals.console.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import io.approvals.console.contract.ApiKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The OS keychain through java-keyring: macOS Keychain, Windows Credential Manager, or the Secret
 * Service (GNOME Keyring, KeePassXC) on Linux. Items are stored under service {@value #SERVICE} and
 * account = the connection's name, so {@code secret-tool lookup service approvals-console account NAME}
 * finds them. On Linux the Secret Service connection and its encrypted session are kept open until {@link #close()}
 * ({@link SecretServiceSession}: a new connection and key exchange per call was the idle app's largest cost), opened
 * again when the keyring daemon restarted, and a call that fails on a kept session is tried once more on a new one.
 * Each call first unlocks the default collection itself ({@link SecretServiceUnlock}), so a cancelled unlock prompt
 * is reported at once. Elsewhere each call opens and closes its own keyring. Calls may block (an unlock prompt): wrap
 * this store in a {@link TimeoutSecretStore}.
 */
public final class OsKeychainStore implements SecretStore {
    public static final String SERVICE = "approvals-console";
    /** An account nobody uses: looking it up tells whether the keychain answers, without touching a real item. */
    static final String PROBE_ACCOUNT = "approvals-console-probe";
    /** How long an unlock prompt may stay open when no {@link TimeoutSecretStore} ends the call sooner. */
    static final Duration UNLOCK_PROMPT_WAIT = Duration.ofMinutes(2);

    private static final String UNLOCK_NEXT_STEP = "Unlock it (log in to the desktop session, open Passwords and Keys "
            + "or KeePassXC, or run gnome-keyring-daemon --unlock) and try again.";

    private final String service;
    private final Platform platform;
    private final Map<String, String> env;
    /** Linux's kept Secret Service connection; null elsewhere. */
    private final SecretServiceSession session;
    /** Accounts the last reads found a key for: a kept session that suddenly finds none is asked again anew. */
    private final java.util.Set<String> seenPresent = new java.util.HashSet<>();

    /** The operating systems java-keyring serves, with what to tell users about each. */
    enum Platform {
        MAC("macOS Keychain", "Unlock the login keychain in Keychain Access (or log in again) and try again."),
        WINDOWS(
                "Windows Credential Manager",
                "Check that Credential Manager works for your account (Control Panel > Credential Manager) and try again."),
        LINUX(
                "Secret Service",
                "Start GNOME Keyring or enable KeePassXC's Secret Service integration in a desktop session, "
                        + "or keep the key for this session only."),
        OTHER(
                "OS keychain",
                "Use macOS, Windows or Linux with a Secret Service, or keep the key for this session only.");

        final String backend;
        final String unavailableNextStep;

        Platform(String backend, String unavailableNextStep) {
            this.backend = backend;
            this.unavailableNextStep = unavailableNextStep;
        }

        static Platform current() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (os.contains("mac")) {
                return MAC;
            }
            if (os.contains("win")) {
                return WINDOWS;
            }
            if (os.contains("linux") || os.contains("bsd")) {
                return LINUX;
            }
            return OTHER;
        }
    }

    public OsKeychainStore() {
        this(SERVICE, Platform.current(), System.getenv());
    }

    OsKeychainStore(String service, Platform platform, Map<String, String> env) {
        this.service = service;
        this.platform = platform;
        this.env = env;
        this.session = platform == Platform.LINUX ? new SecretServiceSession(Keyring::create) : null;
    }

    @Override
    public String backendName() {
        return platform.backend;
    }

    @Override
    public Availability probe() {
        try {
            load(PROBE_ACCOUNT);
            return Availability.reachable(backendName());
        } catch (KeychainException e) {
            return Availability.of(backendName(), e);
        } catch (RuntimeException e) {
            return Availability.of(backendName(), failure(e));
        }
    }

    @Override
    public synchronized void save(String account, ApiKey key) {
        requireAccount(account);
        withKeyring((keyring, reused) -> {
            try {
                keyring.setPassword(service, account, key.reveal());
            } catch (PasswordAccessException e) {
                throw new KeychainException(
                        KeychainException.Kind.ERROR,
                        "The " + backendName() + " refused to store the key.",
                        "Unlock it and try again.",
                        e);
            }
            String readBack;
            try {
                readBack = keyring.getPassword(service, account);
            } catch (PasswordAccessException e) {
                readBack = null;
            }
            if (readBack == null || !key.matches(ApiKey.of(readBack))) {
                throw new KeychainException(
                        KeychainException.Kind.ERROR,
                        "The " + backendName() + " did not keep the new key (reading it back gave something else).",
                        "Set the key again; if this repeats, check the keychain with its own app.");
            }
            seenPresent.add(account);
            return null;
        });
    }

    @Override
    public synchronized Optional<ApiKey> load(String account) {
        return loadEach(List.of(account)).get(0);
    }

    /** One keyring connection for all of them (on Linux: one unlock check, one D-Bus connection, one key exchange). */
    @Override
    public synchronized List<Optional<ApiKey>> loadEach(List<String> accounts) {
        accounts.forEach(OsKeychainStore::requireAccount);
        return withKeyring((keyring, reused) -> {
            List<Optional<ApiKey>> keys = new ArrayList<>();
            for (String account : accounts) {
                keys.add(read(keyring, account));
            }
            for (int i = 0; i < accounts.size(); i++) {
                // a kept session that lost its service answers "none" to every search: ask a new one to be sure
                if (reused && keys.get(i).isEmpty() && seenPresent.contains(accounts.get(i))) {
                    throw new SuddenlyGone();
                }
            }
            for (int i = 0; i < accounts.size(); i++) {
                if (keys.get(i).isPresent()) {
                    seenPresent.add(accounts.get(i));
                } else {
                    seenPresent.remove(accounts.get(i));
                }
            }
            return keys;
        });
    }

    /** A kept session found no key where the last read found one: the same read follows on a new session. */
    private static final class SuddenlyGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SuddenlyGone() {
            super("a key read before was not found on the kept session", null, false, false);
        }
    }

    private Optional<ApiKey> read(Keyring keyring, String account) {
        try {
            String secret = keyring.getPassword(service, account);
            return secret == null || secret.isBlank() ? Optional.empty() : Optional.of(ApiKey.of(secret));
        } catch (PasswordAccessException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw new KeychainException(
                    KeychainException.Kind.ERROR,
                    "The " + backendName() + " could not read the key for '" + account + "'.",
                    "Look for duplicate entries of service '" + service + "' in the keychain app, then try again.",
                    e);
        } catch (IllegalArgumentException e) {
            // what is stored is not a usable key (ApiKey.of refused it); its text is deliberately not shown
            throw new KeychainException(
                    KeychainException.Kind.ERROR,
                    "The entry stored for '" + account + "' is not a usable key.",
                    "Set the key again.");
        }
    }

    @Override
    public synchronized void delete(String account) {
        requireAccount(account);
        withKeyring((keyring, reused) -> {
            try {
                keyring.deletePassword(service, account);
            } catch (PasswordAccessException e) {
                if (!isNotFound(e)) {
                    throw new KeychainException(
                            KeychainException.Kind.ERROR,
                            "The " + backendName() + " could not delete the key for '" + account + "'.",
                            "Delete the entry of service '" + service + "' by hand in the keychain app.",
                            e);
                }
            }
            seenPresent.remove(account);
            return null;
        });
    }

    /** Closes the kept Secret Service connection (the app is closing); a later call would open a new one. */
    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
        }
    }

    /** How many keyrings (on Linux: connections with a key exchange) this store opened; for tests. */
    synchronized int keyringsOpened() {
        return session == null ? 0 : session.keyringsOpened();
    }

    /** One call's work on an open keyring; reused says the keyring was kept from an earlier call. */
    private interface KeyringCall<T> {
        T apply(Keyring keyring, boolean reused) throws Exception;
    }

    /**
     * Runs the call on the kept keyring (Linux) or a keyring of its own (elsewhere). A failure on a kept keyring
     * that is not an answer (a stale session gives NullPointerExceptions and empty searches) discards it and runs
     * the call once more on a new one, whose failure is reported as it always was.
     */
    private <T> T withKeyring(KeyringCall<T> call) {
        if (session == null) {
            try (Keyring keyring = open()) {
                return call.apply(keyring, false);
            } catch (KeychainException e) {
                throw e;
            } catch (Exception e) {
                throw failure(e);
            }
        }
        requireSessionBus();
        try {
            for (int attempt = 0; ; attempt++) {
                SecretServiceSession.Lease lease = lease();
                try {
                    return call.apply(lease.keyring(), lease.reused());
                } catch (KeychainException e) {
                    throw e;
                } catch (Exception e) {
                    session.discardKeyring();
                    if (!lease.reused() || attempt > 0) {
                        throw failure(e);
                    }
                }
            }
        } finally {
            if (Thread.currentThread().isInterrupted()) {
                session.close(); // given up on (a time-out): what it left on the connections is not trusted
            }
        }
    }

    private SecretServiceSession.Lease lease() {
        SecretServiceSession.Lease lease;
        try {
            lease = session.lease(UNLOCK_PROMPT_WAIT);
        } catch (BackendNotSupportedException e) {
            throw unavailable("No Secret Service answered on the D-Bus session bus.");
        } catch (RuntimeException | LinkageError e) {
            throw unavailable("The " + backendName() + " could not be opened ("
                    + e.getClass().getSimpleName() + ").");
        }
        reportUnlock(lease.unlock());
        return lease;
    }

    private void requireSessionBus() {
        if (platform == Platform.LINUX
                && isBlank(env.get("DBUS_SESSION_BUS_ADDRESS"))
                && isBlank(env.get("XDG_RUNTIME_DIR"))) {
            throw unavailable("No D-Bus session: the Secret Service cannot be reached from this terminal.");
        }
    }

    /** A keyring of its own for one call (macOS, Windows). */
    private Keyring open() {
        requireSessionBus();
        try {
            return Keyring.create();
        } catch (BackendNotSupportedException e) {
            throw unavailable(
                    platform == Platform.LINUX
                            ? "No Secret Service answered on the D-Bus session bus."
                            : "The " + backendName() + " is not available here.");
        } catch (RuntimeException | LinkageError e) {
            throw unavailable("The " + backendName() + " could not be opened ("
                    + e.getClass().getSimpleName() + ").");
        }
    }

    /**
     * The default collection was unlocked first (see {@link SecretServiceUnlock} for why java-keyring cannot be
     * left to do it), so a dismissed unlock prompt is reported at once instead of as a NullPointerException
     * or a wait until the time-out.
     */
    private void reportUnlock(SecretServiceUnlock.Outcome outcome) {
        switch (outcome) {
            case DISMISSED ->
                throw new KeychainException(
                        KeychainException.Kind.LOCKED,
                        "The keyring is locked: its unlock prompt was cancelled or could not be shown.",
                        UNLOCK_NEXT_STEP);
            case SERVICE_GONE -> throw unavailable("The Secret Service went away while its unlock prompt was open.");
            default -> {
                // unlocked, or not found out: java-keyring goes ahead and reports what it finds
            }
        }
    }

    private KeychainException unavailable(String reason) {
        return new KeychainException(KeychainException.Kind.UNAVAILABLE, reason, platform.unavailableNextStep);
    }

    /**
     * A failure java-keyring did not classify. Measured on Linux: a locked collection whose unlock prompt
     * cannot be shown (no display) surfaces as a NullPointerException from inside the Secret Service
     * library, so "locked" is the likeliest cause and the advice says so.
     */
    private KeychainException failure(Throwable e) {
        if (e instanceof KeychainException k) {
            return k;
        }
        if (platform == Platform.LINUX && e instanceof NullPointerException) {
            return new KeychainException(
                    KeychainException.Kind.LOCKED,
                    "The keyring is locked and could not be unlocked (no unlock prompt could be shown here).",
                    UNLOCK_NEXT_STEP,
                    e);
        }
        if (e instanceof SecurityException) {
            return new KeychainException(
                    KeychainException.Kind.DENIED,
                    "Access to the " + backendName() + " was denied.",
                    "Allow Approvals Console to use the keychain and try again.",
                    e);
        }
        return new KeychainException(
                KeychainException.Kind.ERROR,
                "The " + backendName() + " failed the request (" + e.getClass().getSimpleName()
                        + "); it may be locked.",
                "Unlock your keyring (log in to the desktop session or open the keychain app) and try again.",
                e);
    }

    private static boolean isNotFound(PasswordAccessException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        // Secret Service: "No stored credentials match ..."; macOS: "... could not be found ..."; Windows: "... not
        // found"
        return m.contains("no stored credentials")
                || m.contains("not found")
                || m.contains("could not be found")
                || m.contains("-25300")
                || m.contains("1168");
    }

    private static void requireAccount(String account) {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("A connection name is needed to find its key.");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
