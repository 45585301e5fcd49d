package io.approvals.console.ui.dialogs;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.value.ChangeListener;
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

    /** A failure's "Details" expander (request and trace id for support): shown only when there are some, collapsed. */
    void details(TitledPane pane, TextArea text, ObservableStringValue details) {
        bind(text.textProperty(), details);
        bind(pane.visibleProperty(), Bindings.isNotEmpty(details));
        bind(pane.managedProperty(), pane.visibleProperty());
        pane.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        pane.setExpanded(false);
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
