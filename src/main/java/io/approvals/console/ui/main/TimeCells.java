package io.approvals.console.ui.main;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The table's Age and Due cells, so the window's clock gives them their new texts itself: {@code table.refresh()} once
 * a minute rebuilt every cell of every column for two columns' texts. Held weakly: the table drops cells it no longer
 * needs. UI thread only.
 */
final class TimeCells {
    /** A cell whose text depends on the time. */
    interface Timed {
        /** Shows its row's text for now (setting an equal text does nothing). */
        void retime(Instant now);
    }

    private final Set<Timed> cells = Collections.newSetFromMap(new WeakHashMap<>());

    void add(Timed cell) {
        cells.add(cell);
    }

    /** Every cell the table made (the visible ones and its few spare ones) shows its text for now. */
    void retime(Instant now) {
        for (Timed cell : List.copyOf(cells)) {
            cell.retime(now);
        }
    }
}
