package io.approvals.console.ui.dialogs;

import io.approvals.console.contract.Approval;
import io.approvals.console.ui.common.Messages;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One approval in a bulk decision and what happened to it. */
public final class BulkItem {
    public enum State {
        WAITING,
        SENDING,
        DONE,
        FAILED,
        CONFLICT,
        NOT_SENT;

        /** "Waiting", "Sending…", … in the user's language (bulk.state.NAME). */
        public String text() {
            return Messages.get("bulk.state." + name());
        }
    }

    private final Approval approval;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.WAITING);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    BulkItem(Approval approval) {
        this.approval = approval;
    }

    public Approval approval() {
        return approval;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Items that may be sent (again): never one that succeeded or was already decided. */
    boolean sendable() {
        State s = state.get();
        return s == State.WAITING || s == State.FAILED || s == State.NOT_SENT;
    }
}
