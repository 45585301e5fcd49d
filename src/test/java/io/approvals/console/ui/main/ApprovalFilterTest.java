package io.approvals.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The search's narrowing rule; the filters over real rows are tested through the view model. */
class ApprovalFilterTest {
    @Test
    void aSearchNarrowsAnotherOnlyWhenEveryEarlierWordIsInsideALaterOne() {
        assertThat(ApprovalFilter.narrows(new String[] {"lap"}, new String[] {"lapt"}))
                .isTrue();
        assertThat(ApprovalFilter.narrows(new String[] {"lee"}, new String[] {"lee", "t"}))
                .isTrue();
        assertThat(ApprovalFilter.narrows(new String[] {"lee", "t"}, new String[] {"lee", "tr"}))
                .isTrue();
        assertThat(ApprovalFilter.narrows(new String[] {"lapt"}, new String[] {"lap"}))
                .isFalse();
        assertThat(ApprovalFilter.narrows(new String[] {"lee", "tr"}, new String[] {"lee", "ser"}))
                .isFalse();
    }

    @Test
    void noFilterOnMeansNoPredicateAndClearingTurnsEveryFilterOff() {
        ApprovalFilter filter = new ApprovalFilter();
        assertThat(filter.predicate("me@example.com", java.time.Instant.EPOCH)).isNull();
        filter.searchProperty().set("laptop");
        filter.overdueOnlyProperty().set(true);
        assertThat(filter.predicate("me@example.com", java.time.Instant.EPOCH)).isNotNull();
        filter.clearFilters();
        assertThat(filter.searchProperty().get()).isEmpty();
        assertThat(filter.overdueOnlyProperty().get()).isFalse();
        assertThat(filter.predicate("me@example.com", java.time.Instant.EPOCH)).isNull();
    }
}
