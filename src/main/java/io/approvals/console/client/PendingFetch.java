package io.approvals.console.client;

import io.approvals.console.contract.Approval;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A fetch of the whole pending list under way (the one started along with a session, before its window exists): its
 * snapshot once done, and meanwhile its pages for whoever {@link #follow follows} it, those read so far at once and
 * the rest as they are read. Give it to {@link ApprovalsApi#fetchAllNotComplete(String, PendingSnapshot, Consumer)}
 * as the pages' consumer.
 */
public final class PendingFetch extends CompletableFuture<PendingSnapshot> implements Consumer<List<Approval>> {
    /** Pages read before anyone followed; none after. */
    private final List<List<Approval>> unfollowed = new ArrayList<>();

    private Consumer<List<Approval>> follower;

    /** A fetch that is over: its snapshot's items are its one page. */
    public static PendingFetch completed(PendingSnapshot snapshot) {
        PendingFetch done = new PendingFetch();
        done.accept(snapshot.items());
        done.complete(snapshot);
        return done;
    }

    @Override
    public synchronized void accept(List<Approval> page) {
        if (follower != null) {
            follower.accept(page);
        } else {
            unfollowed.add(page);
        }
    }

    /** Hands {@code pages} every page read so far, then each page as it is read (on the fetching thread). */
    public synchronized void follow(Consumer<List<Approval>> pages) {
        unfollowed.forEach(pages);
        unfollowed.clear();
        follower = pages;
    }
}
