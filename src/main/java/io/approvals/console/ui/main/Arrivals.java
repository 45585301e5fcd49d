package io.approvals.console.ui.main;

import io.approvals.console.notify.DesktopNotifier;
import io.approvals.console.ui.common.Background;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.session.ConsoleSession;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;

/**
 * What is new to the user: rows that arrived since they last had the window in front and did not select since,
 * and a desktop notification for the ones meant for them while the window is away.
 */
final class Arrivals {
    private final ObservableList<ApprovalRow> rows;
    private final Background background;
    private ConsoleSession session;
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(this, "windowFocused", true);
    private final BooleanProperty notificationsOn = new SimpleBooleanProperty(this, "notificationsOn", true);
    private final ReadOnlyIntegerWrapper newCount = new ReadOnlyIntegerWrapper(this, "newCount");
    private DesktopNotifier notifier = DesktopNotifier.NONE;

    Arrivals(ObservableList<ApprovalRow> rows, Background background, ConsoleSession session) {
        this.rows = rows;
        this.background = background;
        this.session = session;
        // The user had the window in front until now: what it showed has been seen. What arrives from here on
        // is new when they come back.
        windowFocused.addListener((o, was, focused) -> {
            if (!focused) {
                for (ApprovalRow r : rows) {
                    r.setUnseen(false);
                }
                updateNewCount();
            }
        });
    }

    /** The key was replaced: notifications go to its owner. */
    void sessionChanged(ConsoleSession withNewKey) {
        session = withNewKey;
    }

    /** New approvals for the key's owner that arrive while the window is not in front: a desktop notification. */
    void notifyArrivals(List<ApprovalRow> added) {
        String me = session.key().owner();
        if (windowFocused.get() || !notificationsOn.get() || me == null || added.isEmpty()) {
            return;
        }
        List<String> titles = new ArrayList<>();
        for (ApprovalRow r : added) {
            if (r.isPending() && me.equalsIgnoreCase(r.approval().approver())) {
                titles.add(r.approval().title());
            }
        }
        if (titles.isEmpty()) {
            return;
        }
        String summary = Messages.format("main.notify.summary", titles.size());
        String body = String.join("\n", titles.subList(0, Math.min(3, titles.size())))
                + (titles.size() > 3 ? "\n" + Messages.format("main.notify.more", titles.size() - 3) : "");
        DesktopNotifier to = notifier;
        background.run(() -> to.notify(summary, body), shown -> {}, e -> {});
    }

    /** A row that was new has been seen (it is one of the rows). */
    void oneSeen() {
        newCount.set(Math.max(0, newCount.get() - 1));
    }

    void updateNewCount() {
        int n = 0;
        for (ApprovalRow r : rows) {
            if (r.isUnseen()) {
                n++;
            }
        }
        newCount.set(n);
    }

    void setNotifier(DesktopNotifier notifier) {
        this.notifier = notifier == null ? DesktopNotifier.NONE : notifier;
    }

    BooleanProperty windowFocusedProperty() {
        return windowFocused;
    }

    BooleanProperty notificationsOnProperty() {
        return notificationsOn;
    }

    ReadOnlyIntegerProperty newCountProperty() {
        return newCount.getReadOnlyProperty();
    }
}
