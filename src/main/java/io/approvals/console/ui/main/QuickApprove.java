package io.approvals.console.ui.main;

import io.approvals.console.client.ApiException;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.ui.common.Icons;
import io.approvals.console.ui.common.Messages;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * Shift+A: approves the selected row without a dialog. The request waits {@link #UNDO_TIME} behind a snackbar
 * with Undo (or Ctrl+Z); Undo before then means nothing is sent. Each row is sent at most once: a waiting row is
 * sent at once when the next quick approve starts, and rows waiting or on their way are skipped by every action.
 */
final class QuickApprove {
    static final Duration UNDO_TIME = Duration.seconds(5);

    private final ApprovalsViewModel vm;
    private final Consumer<String> reselect;
    private final HBox snackbar;
    private final Label text = new Label();
    private final Button undo = new Button(Messages.get("main.quick.undo"));
    private final PauseTransition timer = new PauseTransition(UNDO_TIME);
    private final PauseTransition hideLater = new PauseTransition(Duration.seconds(4));
    /** Waiting out its undo time, or sent and not yet answered. */
    private final Set<String> inFlight = new HashSet<>();

    /** Waiting out its undo time; Undo (the menu's and Ctrl+Z's action) can run while there is one. */
    private final javafx.beans.property.ObjectProperty<Approval> waiting =
            new javafx.beans.property.SimpleObjectProperty<>(this, "waiting");

    /** reselect: selects a row again by id (after Undo). */
    QuickApprove(ApprovalsViewModel vm, Consumer<String> reselect) {
        this.vm = vm;
        this.reselect = reselect;
        text.setId("snackbarText");
        text.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        undo.setId("snackbarUndo");
        undo.getStyleClass().add("flat");
        undo.setFocusTraversable(false);
        undo.setOnAction(e -> undo());
        snackbar = new HBox(12, Icons.of(Feather.CHECK_CIRCLE), text, undo);
        snackbar.setId("snackbar");
        snackbar.getStyleClass().add("snackbar");
        snackbar.setAlignment(Pos.CENTER_LEFT);
        snackbar.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        snackbar.setVisible(false);
        timer.setOnFinished(e -> sendWaiting());
        hideLater.setOnFinished(e -> {
            if (waiting.get() == null) {
                snackbar.setVisible(false);
            }
        });
    }

    HBox snackbar() {
        return snackbar;
    }

    javafx.beans.value.ObservableBooleanValue canUndo() {
        return waiting.isNotNull();
    }

    /** True while the row is waiting or on its way: no second decision may start for it. */
    boolean isBusy(String id) {
        return inFlight.contains(id);
    }

    /** Starts the undo time for this approval; one that was waiting is sent now. */
    void approve(Approval approval) {
        if (inFlight.contains(approval.id())) {
            return;
        }
        sendWaiting();
        waiting.set(approval);
        inFlight.add(approval.id());
        hideLater.stop();
        text.setText(Messages.format("main.quick.approving", approval.title(), UNDO_TIME.toSeconds()));
        undo.setVisible(true);
        undo.setManaged(true);
        snackbar.setVisible(true);
        timer.playFromStart();
    }

    /** Cancels the waiting approval: nothing was sent. */
    boolean undo() {
        if (waiting.get() == null) {
            return false;
        }
        timer.stop();
        Approval undone = waiting.get();
        waiting.set(null);
        inFlight.remove(undone.id());
        say(Messages.format("main.quick.undone", undone.title()));
        reselect.accept(undone.id());
        return true;
    }

    /** Sends the waiting approval now (its time is over, the next one started, or the window closes). */
    void sendWaiting() {
        timer.stop();
        if (waiting.get() == null) {
            return;
        }
        Approval sending = waiting.get();
        waiting.set(null);
        say(Messages.format("main.quick.approved", sending.title()));
        vm.decideNow(sending, ApprovalStatus.APPROVED, done -> inFlight.remove(sending.id()), e -> {
            inFlight.remove(sending.id());
            say(
                    e instanceof ApiException.Conflict
                            ? Messages.format("main.quick.conflict", sending.title())
                            : Messages.format("main.quick.failed", sending.title(), ApprovalsViewModel.messageOf(e)));
        });
    }

    /** A short message in the snackbar, gone after a few seconds. */
    void say(String message) {
        text.setText(message);
        undo.setVisible(false);
        undo.setManaged(false);
        snackbar.setVisible(true);
        hideLater.playFromStart();
    }
}
