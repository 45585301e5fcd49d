package io.approvals.console.notify;

import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;

/** Windows and macOS: a tray icon's message (the notification centre), where AWT has a system tray. */
final class TrayNotifier implements DesktopNotifier {
    private TrayIcon icon;

    static DesktopNotifier ifSupported() {
        try {
            return !java.awt.GraphicsEnvironment.isHeadless() && SystemTray.isSupported() ? new TrayNotifier() : NONE;
        } catch (RuntimeException | LinkageError e) {
            return NONE;
        }
    }

    @Override
    public synchronized boolean notify(String summary, String body) {
        try {
            if (icon == null) {
                var url = TrayNotifier.class.getResource("/io/approvals/console/ui/icons/icon-32.png");
                java.awt.Image image = url == null
                        ? new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB)
                        : java.awt.Toolkit.getDefaultToolkit().getImage(url);
                icon = new TrayIcon(image, DbusNotifier.APP_NAME);
                icon.setImageAutoSize(true);
                SystemTray.getSystemTray().add(icon);
            }
            icon.displayMessage(summary, body, TrayIcon.MessageType.INFO);
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
