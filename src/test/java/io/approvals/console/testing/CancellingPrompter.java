package io.approvals.console.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.connections.AbstractConnection;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

/**
 * A stand-in for gcr's system prompter (the process that draws GNOME Keyring's "Unlock keyring" dialog)
 * that answers every prompt the way a user who clicks Cancel does. Run it inside a private
 * {@code dbus-run-session} before gnome-keyring first needs a prompt: it owns the bus name gnome-keyring
 * asks for ({@value #BUS_NAME}), so D-Bus does not start the real gcr-prompter.
 *
 * <p>The protocol is gcr's, from gcr/gcr-system-prompter.c and gcr/gcr-system-prompt.c (gcr 3.x):
 * the client (gnome-keyring) calls {@code BeginPrompting(callback)}; the prompter answers
 * {@code callback.PromptReady("", {}, exchange)}; the client calls
 * {@code PerformPrompt(callback, "password", properties, exchange)}; a cancelled dialog is
 * {@code PromptReady("no", {}, exchange)}; the client then calls {@code StopPrompting(callback)} and the
 * prompter answers {@code PromptDone()}. The exchange string is a gcr secret exchange; since no secret
 * ever travels back, this prompter returns the client's own string, which parses as a valid exchange.
 *
 * <p>Arguments: a file to append one line to per event ("begin", "cancelled password", "stop"), and a
 * file created once the bus name is owned. Ends when the bus goes away.
 */
public final class CancellingPrompter {
    public static final String BUS_NAME = "org.gnome.keyring.SystemPrompter";
    public static final String OBJECT_PATH = "/org/gnome/keyring/Prompter";

    /** gcr's prompter interface, exported by the prompter. */
    @DBusInterfaceName("org.gnome.keyring.internal.Prompter")
    public interface Prompter extends DBusInterface {
        void BeginPrompting(DBusPath callback);

        void PerformPrompt(DBusPath callback, String type, Map<String, Variant<?>> properties, String exchange);

        void StopPrompting(DBusPath callback);
    }

    /** gcr's callback interface, exported by the client at the path it passes to BeginPrompting. */
    @DBusInterfaceName("org.gnome.keyring.internal.Prompter.Callback")
    public interface Callback extends DBusInterface {
        void PromptReady(String reply, Map<String, Variant<?>> properties, String exchange);

        void PromptDone();
    }

    /** dbus-java logs a stack trace when the bus goes away at the end of a session; held strongly. */
    private static final Logger LIBRARY_LOG = Logger.getLogger("org.freedesktop");

    private final DBusConnection connection;
    private final Path events;
    /** One thread: callbacks go out in order, after the method call that caused them has been answered. */
    private final ExecutorService replies = Executors.newSingleThreadExecutor();

    private CancellingPrompter(DBusConnection connection, Path events) {
        this.connection = connection;
        this.events = events;
    }

    public static void main(String[] args) throws Exception {
        LIBRARY_LOG.setLevel(Level.OFF);
        Path events = Path.of(args[0]);
        Path ready = Path.of(args[1]);
        DBusConnection connection =
                DBusConnectionBuilder.forSessionBus().withShared(false).build();
        CancellingPrompter prompter = new CancellingPrompter(connection, events);
        connection.exportObject(OBJECT_PATH, prompter.new Exported());
        connection.requestBusName(BUS_NAME);
        Files.writeString(ready, "ready\n");
        // dbus-java may not notice a bus that went away: a time limit ends a prompter its test did not stop
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (connection.isConnected() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        System.exit(0);
    }

    private final class Exported implements Prompter {
        @Override
        public void BeginPrompting(DBusPath callback) {
            String caller = AbstractConnection.getCallInfo().getSource();
            String path = callback.getPath();
            log("begin");
            later(caller, path, c -> c.PromptReady("", Map.of(), ""));
        }

        @Override
        public void PerformPrompt(DBusPath callback, String type, Map<String, Variant<?>> properties, String exchange) {
            String caller = AbstractConnection.getCallInfo().getSource();
            String path = callback.getPath();
            log("cancelled " + type);
            later(caller, path, c -> c.PromptReady("no", Map.of(), exchange));
        }

        @Override
        public void StopPrompting(DBusPath callback) {
            String caller = AbstractConnection.getCallInfo().getSource();
            String path = callback.getPath();
            log("stop");
            later(caller, path, Callback::PromptDone);
        }

        @Override
        public String getObjectPath() {
            return OBJECT_PATH;
        }
    }

    private interface Call {
        void on(Callback callback) throws Exception;
    }

    /** Calls the client back once this method call has been answered (gcr's client expects that order). */
    private void later(String caller, String path, Call call) {
        replies.submit(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(50);
                call.on(connection.getRemoteObject(caller, path, Callback.class));
            } catch (Exception e) {
                log("callback failed: " + e.getClass().getSimpleName());
            }
            return null;
        });
    }

    private synchronized void log(String event) {
        try {
            Files.writeString(events, event + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("prompter: could not write " + events);
        }
    }
}
