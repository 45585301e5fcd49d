package io.approvals.console.credentials;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.freedesktop.dbus.DBusMatchRule;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.errors.Error;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusSigHandler;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.messages.Message;
import org.freedesktop.dbus.messages.MethodCall;
import org.freedesktop.dbus.types.Variant;

/**
 * Unlocks the Secret Service's default collection before java-keyring touches it, and tells whether the
 * unlock prompt was dismissed. java-keyring 1.0.4 (over de.swiesend:secret-service 1.8.1) cannot be
 * relied on for either, as read from its code and seen against a real gnome-keyring:
 * <ul>
 *   <li>it ignores {@code Prompt.Completed(dismissed=true)}: its {@code SimpleCollection.unlock()} awaits
 *       the signal and carries on, so a cancelled prompt surfaces later as a NullPointerException from a
 *       null {@code GetSecret} answer (the library turns the {@code IsLocked} error into null);</li>
 *   <li>its signal handler is a JVM-wide singleton that subscribes on the first D-Bus connection only;
 *       {@link OsKeychainStore} opens a new connection whenever the Secret Service was restarted, so on any
 *       but the first the library never sees a prompt complete and waits its full 120 s, whether the user
 *       unlocked or cancelled.</li>
 * </ul>
 * This class asks the collection's {@code Locked} property, calls {@code Service.Unlock}, shows the prompt
 * and waits for its {@code Completed} signal on its own connection. gnome-keyring answers
 * {@code dismissed=true} both when the user cancels and when no prompt can be shown (no display), so the
 * two cannot be told apart here. Anything unexpected (no bus, no Secret Service, no default collection)
 * is left to java-keyring, which reports it as before.
 */
final class SecretServiceUnlock {
    static final String BUS_NAME = "org.freedesktop.secrets";
    static final String DEFAULT_COLLECTION = "/org/freedesktop/secrets/aliases/default";
    private static final long CALL_TIMEOUT_MS = 5_000;

    /** What happened to the default collection. */
    enum Outcome {
        /** It was unlocked already, or the prompt unlocked it. */
        UNLOCKED,
        /** The unlock prompt was dismissed (cancelled by the user, or it could not be shown). */
        DISMISSED,
        /** The Secret Service went away while its unlock prompt was open. */
        SERVICE_GONE,
        /** Not found out (no session bus, no Secret Service, no default collection): left to java-keyring. */
        UNKNOWN
    }

    private SecretServiceUnlock() {}

    /**
     * Unlocks the default collection if it is locked, waiting up to maxWait for the user to answer the
     * prompt. An interrupt (a {@link TimeoutSecretStore} giving up) dismisses the prompt and ends the wait.
     */
    static Outcome ensureUnlocked(Duration maxWait) {
        DBusConnection connection;
        try {
            connection = DBusConnectionBuilder.forSessionBus().withShared(false).build();
        } catch (DBusException | RuntimeException e) {
            return Outcome.UNKNOWN;
        }
        try {
            return ensureUnlocked(connection, maxWait);
        } finally {
            try {
                connection.close();
            } catch (Exception ignored) {
                // closing a connection whose bus has gone can fail; nothing is left to release
            }
        }
    }

    /** The same on a connection the caller keeps open (see {@link SecretServiceSession}); it is not closed here. */
    static Outcome ensureUnlocked(DBusConnection connection, Duration maxWait) {
        try {
            return unlock(connection, maxWait);
        } catch (DBusException | RuntimeException e) {
            return connection.isConnected() ? Outcome.UNKNOWN : Outcome.SERVICE_GONE;
        }
    }

    /**
     * The unique bus name (":1.42") of the process that owns the Secret Service now, or null when none does or
     * the bus did not answer: another name means the keyring daemon was restarted or replaced.
     */
    static String ownerOf(DBusConnection connection) {
        try {
            MethodCall m = new MethodCall(
                    "org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus",
                    "GetNameOwner",
                    (byte) 0,
                    "s",
                    BUS_NAME);
            connection.sendMessage(m);
            Message reply = m.getReply(CALL_TIMEOUT_MS);
            if (reply == null || reply instanceof Error) {
                return null;
            }
            Object[] values = reply.getParameters();
            return values.length > 0 && values[0] instanceof String owner ? owner : null;
        } catch (DBusException | RuntimeException e) {
            return null;
        }
    }

    private static Outcome unlock(DBusConnection connection, Duration maxWait) throws DBusException {
        Object[] locked = call(
                connection,
                DEFAULT_COLLECTION,
                "org.freedesktop.DBus.Properties",
                "Get",
                "ss",
                "org.freedesktop.Secret.Collection",
                "Locked");
        if (locked == null || !(locked[0] instanceof Variant<?> v) || !Boolean.TRUE.equals(v.getValue())) {
            return locked == null ? Outcome.UNKNOWN : Outcome.UNLOCKED;
        }
        CountDownLatch completed = new CountDownLatch(1);
        AtomicBoolean dismissed = new AtomicBoolean();
        String[] promptPath = new String[1];
        DBusSigHandler<DBusSignal> onCompleted = signal -> {
            try {
                if (signal.getPath().equals(promptPath[0])) {
                    dismissed.set(Boolean.TRUE.equals(signal.getParameters()[0]));
                    completed.countDown();
                }
            } catch (DBusException | RuntimeException e) {
                completed.countDown();
            }
        };
        // subscribe before the prompt can complete, so the signal cannot be missed
        try (AutoCloseable subscription = connection.addGenericSigHandler(
                new DBusMatchRule("signal", "org.freedesktop.Secret.Prompt", "Completed"), onCompleted)) {
            Object[] unlock = call(
                    connection,
                    "/org/freedesktop/secrets",
                    "org.freedesktop.Secret.Service",
                    "Unlock",
                    "ao",
                    List.of(new DBusPath(DEFAULT_COLLECTION)));
            if (unlock == null || unlock.length < 2 || !(unlock[1] instanceof DBusPath prompt)) {
                return Outcome.UNKNOWN;
            }
            if ("/".equals(prompt.getPath())) {
                return Outcome.UNLOCKED;
            }
            promptPath[0] = prompt.getPath();
            if (call(connection, prompt.getPath(), "org.freedesktop.Secret.Prompt", "Prompt", "s", "") == null) {
                return Outcome.UNKNOWN;
            }
            return await(connection, prompt.getPath(), completed, dismissed, maxWait);
        } catch (DBusException | RuntimeException e) {
            throw e;
        } catch (Exception closing) {
            return Outcome.UNKNOWN;
        }
    }

    private static Outcome await(
            DBusConnection connection,
            String prompt,
            CountDownLatch completed,
            AtomicBoolean dismissed,
            Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            // a Secret Service that dies with its prompt open never sends Completed: look for it every 0.5 s
            while (!completed.await(500, TimeUnit.MILLISECONDS)) {
                if (!connection.isConnected() || !hasOwner(connection)) {
                    return Outcome.SERVICE_GONE;
                }
                if (System.nanoTime() > deadline) {
                    dismiss(connection, prompt);
                    return Outcome.UNKNOWN;
                }
            }
        } catch (InterruptedException e) {
            dismiss(connection, prompt);
            Thread.currentThread().interrupt();
            return Outcome.UNKNOWN;
        }
        return dismissed.get() ? Outcome.DISMISSED : Outcome.UNLOCKED;
    }

    private static boolean hasOwner(DBusConnection connection) {
        try {
            MethodCall m = new MethodCall(
                    "org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus",
                    "NameHasOwner",
                    (byte) 0,
                    "s",
                    BUS_NAME);
            connection.sendMessage(m);
            Message reply = m.getReply(CALL_TIMEOUT_MS);
            return reply == null || reply instanceof Error || Boolean.TRUE.equals(reply.getParameters()[0]);
        } catch (DBusException | RuntimeException e) {
            return connection.isConnected();
        }
    }

    private static void dismiss(DBusConnection connection, String prompt) {
        try {
            connection.sendMessage(
                    new MethodCall(BUS_NAME, prompt, "org.freedesktop.Secret.Prompt", "Dismiss", (byte) 0, ""));
        } catch (DBusException | RuntimeException ignored) {
            // the prompt or the service is gone already
        }
    }

    /** The answer's values, or null when the call failed or no answer came. */
    private static Object[] call(
            DBusConnection connection, String path, String iface, String member, String signature, Object... args)
            throws DBusException {
        MethodCall m = new MethodCall(BUS_NAME, path, iface, member, (byte) 0, signature, args);
        connection.sendMessage(m);
        Message reply = m.getReply(CALL_TIMEOUT_MS);
        if (reply == null || reply instanceof Error) {
            return null;
        }
        return reply.getParameters();
    }
}
