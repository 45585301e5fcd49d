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
 * finds them. Each call opens and closes its own keyring connection (a D-Bus connection on Linux), so a
 * keyring that restarts between calls is picked up. On Linux each call first unlocks the default
 * collection itself ({@link SecretServiceUnlock}), so a cancelled unlock prompt is reported at once.
 * Calls may block (an unlock prompt): wrap this store in a {@link TimeoutSecretStore}.
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
        try (Keyring keyring = open()) {
            keyring.setPassword(service, account, key.reveal());
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
        } catch (KeychainException e) {
            throw e;
        } catch (PasswordAccessException e) {
            throw new KeychainException(
                    KeychainException.Kind.ERROR,
                    "The " + backendName() + " refused to store the key.",
                    "Unlock it and try again.",
                    e);
        } catch (Exception e) {
            throw failure(e);
        }
    }

    @Override
    public synchronized Optional<ApiKey> load(String account) {
        return loadEach(List.of(account)).get(0);
    }

    /** One keyring connection for all of them (on Linux: one unlock check, one D-Bus connection, one key exchange). */
    @Override
    public synchronized List<Optional<ApiKey>> loadEach(List<String> accounts) {
        accounts.forEach(OsKeychainStore::requireAccount);
        try (Keyring keyring = open()) {
            List<Optional<ApiKey>> keys = new ArrayList<>();
            for (String account : accounts) {
                keys.add(read(keyring, account));
            }
            return keys;
        } catch (KeychainException e) {
            throw e;
        } catch (Exception e) {
            throw failure(e);
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
        try (Keyring keyring = open()) {
            keyring.deletePassword(service, account);
        } catch (KeychainException e) {
            throw e;
        } catch (PasswordAccessException e) {
            if (!isNotFound(e)) {
                throw new KeychainException(
                        KeychainException.Kind.ERROR,
                        "The " + backendName() + " could not delete the key for '" + account + "'.",
                        "Delete the entry of service '" + service + "' by hand in the keychain app.",
                        e);
            }
        } catch (Exception e) {
            throw failure(e);
        }
    }

    private Keyring open() {
        if (platform == Platform.LINUX
                && isBlank(env.get("DBUS_SESSION_BUS_ADDRESS"))
                && isBlank(env.get("XDG_RUNTIME_DIR"))) {
            throw unavailable("No D-Bus session: the Secret Service cannot be reached from this terminal.");
        }
        if (platform == Platform.LINUX) {
            unlockSecretService();
        }
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
     * Unlocks the default collection first (see {@link SecretServiceUnlock} for why java-keyring cannot be
     * left to do it), so a dismissed unlock prompt is reported at once instead of as a NullPointerException
     * or a wait until the time-out.
     */
    private void unlockSecretService() {
        switch (SecretServiceUnlock.ensureUnlocked(UNLOCK_PROMPT_WAIT)) {
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
