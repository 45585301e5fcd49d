package io.approvals.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.Priority;
import io.approvals.console.notify.DbusNotifier;
import io.approvals.console.notify.Notifications;
import io.approvals.console.testing.MovableClock;
import io.approvals.console.ui.DirectBackground;
import io.approvals.console.ui.UiSandbox;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "New" means arrived since the user last looked at the window; new approvals for the user that arrive while the
 * window is not in front reach the desktop's notification service, here a test listener on the private session bus
 * that scripts/test.sh runs the tests in.
 */
class NewWorkTest {
    @TempDir
    Path dir;

    UiSandbox server;
    MovableClock clock = new MovableClock(Instant.now());

    @BeforeEach
    void start() throws Exception {
        server = new UiSandbox(dir.resolve("sandbox"), 0);
        server.create("Already there", UiSandbox.OWNER, Priority.NORMAL, null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApprovalsViewModel vm() {
        return new ApprovalsViewModel(server.adminSession(), new DirectBackground(), clock, null);
    }

    @Test
    void newIsWhatArrivedSinceTheUserLastLookedNotWhatWasNeverSelected() {
        ApprovalsViewModel vm = vm();
        vm.refresh();
        assertThat(vm.newCountProperty().get()).isZero();
        Approval whileLooking = server.create("While looking", null, Priority.LOW, null);
        vm.refresh();
        assertThat(vm.newCountProperty().get()).isEqualTo(1);
        // the user turns away: what the window showed has been seen
        vm.windowFocusedProperty().set(false);
        assertThat(vm.newCountProperty().get()).isZero();
        Approval away1 = server.create("Away 1", null, Priority.HIGH, null);
        Approval away2 = server.create("Away 2", null, Priority.HIGH, null);
        vm.refresh();
        vm.windowFocusedProperty().set(true);
        assertThat(vm.newCountProperty().get()).isEqualTo(2);
        assertThat(vm.rowById(whileLooking.id()).orElseThrow().isUnseen()).isFalse();
        assertThat(vm.firstNew().map(ApprovalRow::id))
                .hasValueSatisfying(id -> assertThat(id).isIn(away1.id(), away2.id()));
        vm.selectedProperty().set(vm.rowById(away1.id()).orElseThrow());
        assertThat(vm.newCountProperty().get()).isEqualTo(1);
        assertThat(vm.firstNew().map(ApprovalRow::id)).contains(away2.id());
    }

    @Test
    void newApprovalsForMeWhileTheWindowIsAwayBecomeOneDesktopNotification() throws Exception {
        assumeTrue(System.getenv("DBUS_SESSION_BUS_ADDRESS") != null, "needs a session bus (scripts/test.sh)");
        List<String[]> received = new CopyOnWriteArrayList<>();
        try (DBusConnection bus =
                DBusConnectionBuilder.forSessionBus().withShared(false).build()) {
            bus.requestBusName(Notifications.BUS_NAME);
            bus.exportObject(Notifications.OBJECT_PATH, new Notifications() {
                @Override
                public UInt32 Notify(
                        String appName,
                        UInt32 replacesId,
                        String appIcon,
                        String summary,
                        String body,
                        String[] actions,
                        Map<String, Variant<?>> hints,
                        int expireTimeout) {
                    received.add(new String[] {appName, summary, body});
                    return new UInt32(received.size());
                }

                @Override
                public String getObjectPath() {
                    return Notifications.OBJECT_PATH;
                }
            });
            ApprovalsViewModel vm = vm();
            vm.setNotifier(new DbusNotifier());
            vm.refresh();
            // while the window is in front: no notification
            server.create("Seen arriving", UiSandbox.OWNER, Priority.NORMAL, null);
            vm.refresh();
            vm.windowFocusedProperty().set(false);
            server.create("For someone else", "lee@example.com", Priority.URGENT, null);
            server.create("Laptop for Dana", UiSandbox.OWNER, Priority.HIGH, null);
            server.create("Travel to Lyon", UiSandbox.OWNER, Priority.NORMAL, null);
            vm.refresh();
            assertThat(received).hasSize(1);
            assertThat(received.get(0)[0]).isEqualTo("Approvals Console");
            assertThat(received.get(0)[1]).isEqualTo("2 new approvals for you");
            assertThat(received.get(0)[2])
                    .contains("Laptop for Dana")
                    .contains("Travel to Lyon")
                    .doesNotContain("For someone else");
            // turned off in Settings: nothing more
            vm.notificationsOnProperty().set(false);
            server.create("Quiet", UiSandbox.OWNER, Priority.NORMAL, null);
            vm.refresh();
            assertThat(received).hasSize(1);
            bus.releaseBusName(Notifications.BUS_NAME);
        }
    }
}
