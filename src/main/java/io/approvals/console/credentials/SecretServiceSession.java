package io.approvals.console.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import java.time.Duration;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;

/**
 * The Secret Service connections {@link OsKeychainStore} keeps open on Linux for the app's life: one D-Bus
 * connection that unlocks the default collection and asks who owns the service, and one java-keyring {@link Keyring}
 * (a connection of its own with an encrypted session; opening it is a key exchange). Opening both for every call
 * was most of what the untouched app did once a minute (bench "idle"). Nothing is cached: every read still asks the
 * service, so a key another program stored is seen at the next read.
 *
 * <p>The keyring is opened again when the Secret Service has another owner (the keyring daemon restarted: the old
 * session is gone), when the watch connection dropped (the bus went away), and when the caller says a call on it
 * failed ({@link #discardKeyring()}). Not thread-safe: the store calls it under its own lock.
 */
final class SecretServiceSession implements AutoCloseable {
    /** Opens a keyring (java-keyring's {@code Keyring.create()}; tests count the openings). */
    interface KeyringOpener {
        Keyring open() throws BackendNotSupportedException;
    }

    /** A keyring for one call; reused says it was opened by an earlier call (so a failure may be a stale session). */
    record Lease(Keyring keyring, boolean reused, SecretServiceUnlock.Outcome unlock) {}

    private final KeyringOpener opener;
    private DBusConnection watch;
    private Keyring keyring;
    /** The unique bus name of the Secret Service the keyring's session was opened with. */
    private String owner;

    private int keyringsOpened;

    SecretServiceSession(KeyringOpener opener) {
        this.opener = opener;
    }

    /**
     * Unlocks the default collection (waiting up to unlockWait for a prompt), then gives the kept keyring, or a new
     * one if there is none or the service changed hands. The unlock's outcome comes with it; on DISMISSED or
     * SERVICE_GONE the keyring is null and the caller reports the failure.
     */
    Lease lease(Duration unlockWait) throws BackendNotSupportedException {
        if (watch == null || !watch.isConnected()) {
            close();
            watch = connect();
        }
        SecretServiceUnlock.Outcome unlock = watch == null
                ? SecretServiceUnlock.Outcome.UNKNOWN
                : SecretServiceUnlock.ensureUnlocked(watch, unlockWait);
        if (unlock == SecretServiceUnlock.Outcome.DISMISSED || unlock == SecretServiceUnlock.Outcome.SERVICE_GONE) {
            if (unlock == SecretServiceUnlock.Outcome.SERVICE_GONE) {
                close();
            }
            return new Lease(null, false, unlock);
        }
        String now = watch == null ? null : SecretServiceUnlock.ownerOf(watch);
        if (keyring != null && (now == null || !now.equals(owner))) {
            discardKeyring();
        }
        if (keyring != null) {
            return new Lease(keyring, true, unlock);
        }
        keyring = opener.open();
        keyringsOpened++;
        owner = now;
        return new Lease(keyring, false, unlock);
    }

    /** Closes the kept keyring (a call on it failed, or it belongs to a service that is gone); the next lease opens one. */
    void discardKeyring() {
        Keyring k = keyring;
        keyring = null;
        owner = null;
        if (k != null) {
            try {
                k.close();
            } catch (Exception ignored) {
                // its connection may be gone already; nothing is left to release
            }
        }
    }

    /** How many keyrings (connections with a key exchange) were opened so far: tests prove the reuse with it. */
    int keyringsOpened() {
        return keyringsOpened;
    }

    @Override
    public void close() {
        discardKeyring();
        DBusConnection w = watch;
        watch = null;
        if (w != null) {
            try {
                w.close();
            } catch (Exception ignored) {
                // closing a connection whose bus has gone can fail
            }
        }
    }

    /** The watch connection, or null without a session bus (java-keyring then reports what it finds). */
    private static DBusConnection connect() {
        try {
            return DBusConnectionBuilder.forSessionBus().withShared(false).build();
        } catch (DBusException | RuntimeException e) {
            return null;
        }
    }
}
