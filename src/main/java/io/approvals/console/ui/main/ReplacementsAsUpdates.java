package io.approvals.console.ui.main;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.collections.ListChangeListener.Change;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;

/**
 * The same elements as its source, in the same order; a source change that swaps elements for new versions of
 * themselves (the same key, at the same places) is passed on as an update of those places, every other change as it
 * came.
 *
 * <p>Why: JavaFX 21's table treats any replacement in its items as a new list: every visible row and cell is emptied
 * and filled again, and each cell's text is re-added and styled. A decision, which replaces one row, cost the
 * frame after it that much (about half of that frame's UI-thread time, JFR of the bench's Enter → dialog gone). An
 * update makes the table lay its rows out again, and only the rows whose item changed fill their cells again. The
 * table's selection model leaves the selection alone on an update, so a selected row that was updated keeps its old
 * object as the selected item until it is selected again ({@link SelectionKeeper} does that).
 */
final class ReplacementsAsUpdates<E> extends TransformationList<E, E> {
    private final Function<E, ?> key;

    ReplacementsAsUpdates(ObservableList<E> source, Function<E, ?> key) {
        super(source);
        this.key = key;
    }

    @Override
    protected void sourceChanged(Change<? extends E> c) {
        beginChange();
        while (c.next()) {
            if (c.wasPermutated()) {
                int[] perm = new int[c.getTo() - c.getFrom()];
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    perm[i - c.getFrom()] = c.getPermutation(i);
                }
                nextPermutation(c.getFrom(), c.getTo(), perm);
            } else if (c.wasUpdated() || sameElementsNewVersions(c)) {
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    nextUpdate(i);
                }
            } else {
                if (c.wasRemoved()) {
                    nextRemove(c.getFrom(), c.getRemoved());
                }
                if (c.wasAdded()) {
                    nextAdd(c.getFrom(), c.getTo());
                }
            }
        }
        endChange();
    }

    private boolean sameElementsNewVersions(Change<? extends E> c) {
        if (!c.wasReplaced() || c.getAddedSize() != c.getRemovedSize()) {
            return false;
        }
        List<? extends E> removed = c.getRemoved();
        List<? extends E> now = c.getList();
        for (int i = 0; i < removed.size(); i++) {
            if (!Objects.equals(key.apply(removed.get(i)), key.apply(now.get(c.getFrom() + i)))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public E get(int index) {
        return getSource().get(index);
    }

    @Override
    public int size() {
        return getSource().size();
    }

    @Override
    public int getSourceIndex(int index) {
        return index;
    }

    @Override
    public int getViewIndex(int index) {
        return index;
    }
}
