package io.approvals.console.notify;

import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** The desktop notification service (freedesktop.org Desktop Notifications Specification), the part we use. */
@DBusInterfaceName("org.freedesktop.Notifications")
public interface Notifications extends DBusInterface {
    String BUS_NAME = "org.freedesktop.Notifications";
    String OBJECT_PATH = "/org/freedesktop/Notifications";

    @SuppressWarnings("checkstyle:ParameterNumber")
    UInt32 Notify(
            String appName,
            UInt32 replacesId,
            String appIcon,
            String summary,
            String body,
            String[] actions,
            Map<String, Variant<?>> hints,
            int expireTimeout);
}
