package io.approvals.console.ui.dialogs;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;

/**
 * The bindings between a dialog's controls and one view model, undone all at once when the same controls are shown
 * again for the next view model (a dialog loaded once and reused: nothing of the last use stays bound or shown).
 */
final class ViewModelBindings {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    /** How long work runs before its spinner shows (the brief: progress for anything over about 200 ms). */
    private static final javafx.util.Duration BUSY_MOMENT = javafx.util.Duration.millis(150);

    private final List<Runnable> undo = new ArrayList<>();

    /** Undoes every binding made since the last call, newest first. */
    void unbindAll() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }

    <T> void bind(Property<T> control, ObservableValue<? extends T> value) {
        control.bind(value);
        undo.add(control::unbind);
    }

    /** Two-way; the control takes the view model's value (a text control's undo history starts again with it). */
    <T> void both(Property<T> control, Property<T> model) {
        control.bindBidirectional(model);
        undo.add(() -> control.unbindBidirectional(model));
    }

    <T> void listen(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        undo.add(() -> value.removeListener(listener));
    }

    /** A message label, shown only when there is something to say. */
    void message(Label l, ObservableStringValue message) {
        // a message is never squeezed: in a full dialog the scrolling description gives way instead
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        bind(l.textProperty(), message);
        bind(l.visibleProperty(), Bindings.isNotEmpty(message));
        bind(l.managedProperty(), l.visibleProperty());
    }

    /** A field's red message; the field is marked while there is one, starting with the model's own. */
    void error(Label l, Node field, ObservableStringValue error) {
        message(l, error);
        field.pseudoClassStateChanged(DANGER, !isEmpty(error.get()));
        listen(error, (o, a, b) -> field.pseudoClassStateChanged(DANGER, !isEmpty(b)));
    }

    /**
     * A failure's "Details" expander (request and trace id for support): in the dialog, collapsed, only when there are
     * some, just above the buttons.
     */
    void details(TitledPane pane, TextArea text, ObservableStringValue details, Node buttons) {
        bind(text.textProperty(), details);
        pane.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        pane.setExpanded(false);
        presentWhile(pane, buttons, Bindings.isNotEmpty(details));
    }

    /**
     * Puts a control into the dialog, just before another, only while it is needed, and takes it out again: a
     * control out of the scene costs no styling each time a reused dialog shows (JavaFX styles hidden controls too).
     */
    void presentWhile(Node control, Node before, ObservableBooleanValue needed) {
        javafx.scene.layout.Pane parent = (javafx.scene.layout.Pane) before.getParent();
        Runnable apply = () -> {
            boolean in = control.getParent() == parent;
            if (needed.get() && !in) {
                parent.getChildren().add(parent.getChildren().indexOf(before), control);
            } else if (!needed.get() && in) {
                parent.getChildren().remove(control);
            }
        };
        apply.run();
        listen(needed, (o, was, is) -> apply.run());
    }

    /**
     * A busy spinner, shown only once the work has taken longer than a moment: a quick answer (most are) closes the
     * dialog without a spinner flashing in its last frame, and without styling one.
     */
    void busyAfterMoment(Node spinner, Node before, ObservableBooleanValue busy) {
        javafx.beans.property.BooleanProperty shown = new javafx.beans.property.SimpleBooleanProperty();
        javafx.animation.PauseTransition moment = new javafx.animation.PauseTransition(BUSY_MOMENT);
        moment.setOnFinished(e -> shown.set(busy.get()));
        listen(busy, (o, was, is) -> {
            moment.stop();
            if (is) {
                moment.playFromStart();
            } else {
                shown.set(false);
            }
        });
        undo.add(moment::stop);
        shown.set(false);
        presentWhile(spinner, before, shown);
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
