package io.approvals.console.ui.main;

import io.approvals.console.contract.Approval;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Builds the rows of a list's pages (search texts, sort keys: see {@link ApprovalRow}) on a thread of its own while
 * the rest of the list is still coming, so that the list's first frame does not wait for all of them after its last
 * page: 100,000 approvals take ≈ 250 ms of one core to make rows of (bench "100k"), and during a fetch the client
 * mostly waits for the server. Fed the pages in order (as {@code eachPage} of a fetch); {@link #rowsOf} then gives
 * the rows of the fetched list.
 */
final class RowsAhead implements Consumer<List<Approval>> {
    /** One task per page, chained: a list's pages are built one after the other; threads end when idle. */
    private static final ExecutorService BUILDERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "approvals-rows");
        t.setDaemon(true);
        return t;
    });

    private final SharedStrings shared = new SharedStrings(); // touched by the chained tasks only
    private final List<ApprovalRow> rows = new ArrayList<>();
    private CompletableFuture<Void> built = CompletableFuture.completedFuture(null);

    @Override
    public synchronized void accept(List<Approval> page) {
        built = built.thenRunAsync(
                () -> {
                    for (Approval a : page) {
                        rows.add(new ApprovalRow(a, shared));
                    }
                },
                BUILDERS);
    }

    /**
     * The rows of {@code items}, in their order: those built from the pages when the pages were these very items
     * (a fetch's whole list), else made now.
     */
    List<ApprovalRow> rowsOf(List<Approval> items) {
        CompletableFuture<Void> last;
        synchronized (this) {
            last = built;
        }
        try {
            last.join();
        } catch (CompletionException e) {
            return ApprovalList.rowsOf(items);
        }
        if (!sameItems(items)) {
            return ApprovalList.rowsOf(items);
        }
        return rows;
    }

    private boolean sameItems(List<Approval> items) {
        if (rows.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            if (rows.get(i).approval() != items.get(i)) {
                return false;
            }
        }
        return true;
    }
}
