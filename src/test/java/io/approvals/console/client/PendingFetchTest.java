package io.approvals.console.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.Approval;
import io.approvals.console.testing.TestApprovals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A fetch under way hands a late follower the pages read so far, then each new one, all in order. */
class PendingFetchTest {
    private static List<Approval> page(String... ids) {
        List<Approval> out = new ArrayList<>();
        for (String id : ids) {
            Instant t = Instant.parse("2026-12-07T09:00:00Z");
            out.add(TestApprovals.pending(id, "T " + id, "sam@example.com", t));
        }
        return out;
    }

    @Test
    void aLateFollowerGetsThePagesReadSoFarThenTheRestAsTheyCome() {
        PendingFetch fetch = new PendingFetch();
        List<Approval> first = page("a", "b");
        List<Approval> second = page("c");
        fetch.accept(first);
        fetch.accept(second);
        List<List<Approval>> followed = new ArrayList<>();

        fetch.follow(followed::add);
        assertThat(followed).containsExactly(first, second);

        List<Approval> third = page("d");
        fetch.accept(third);
        assertThat(followed).containsExactly(first, second, third);
        assertThat(fetch).isNotDone();
    }

    @Test
    void aFetchThatIsOverHasItsItemsAsOnePage() {
        PendingSnapshot snapshot = new PendingSnapshot(page("a", "b", "c"), Map.of(), Instant.now(), false, 0, 0);
        PendingFetch done = PendingFetch.completed(snapshot);
        List<List<Approval>> followed = new ArrayList<>();

        done.follow(followed::add);

        assertThat(done.join()).isSameAs(snapshot);
        assertThat(followed).containsExactly(snapshot.items());
    }
}
