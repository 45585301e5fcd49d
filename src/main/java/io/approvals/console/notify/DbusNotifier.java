package io.approvals.console.notify;

import java.util.Map;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** Notifications through org.freedesktop.Notifications on the session bus (GNOME, KDE, most Linux desktops). */
public final class DbusNotifier implements DesktopNotifier {
    static final String APP_NAME = "Approvals Console";
    private DBusConnection connection;

    @Override
    public synchronized boolean notify(String summary, String body) {
        try {
            if (connection == null || !connection.isConnected()) {
                connection =
                        DBusConnectionBuilder.forSessionBus().withShared(false).build();
            }
            Notifications service =
                    connection.getRemoteObject(Notifications.BUS_NAME, Notifications.OBJECT_PATH, Notifications.class);
            // replacesId 0: a new notification; -1: the desktop's default expiry
            service.Notify(
                    APP_NAME,
                    new UInt32(0),
                    "dialog-information",
                    summary,
                    body,
                    new String[0],
                    Map.of("category", new Variant<>("im.received")),
                    -1);
            return true;
        } catch (Exception | LinkageError e) {
            // no session bus or no notification service: nothing to show, nothing to fail
            return false;
        }
    }
}
