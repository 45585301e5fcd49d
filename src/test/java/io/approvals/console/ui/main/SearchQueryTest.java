package io.approvals.console.ui.main;

import static io.approvals.console.ui.main.ApprovalRowTest.approval;
import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Field prefixes in the search field, quoted values, and the completion of field names. */
class SearchQueryTest {
    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

    private static ApprovalRow row(String requester, String approver, Priority p) {
        Approval a = approval("id", "Laptop", p, T, null);
        return new ApprovalRow(new Approval(
                a.id(),
                a.title(),
                a.description(),
                requester,
                approver,
                p,
                null,
                ApprovalStatus.PENDING,
                T,
                T,
                null,
                null,
                null,
                1));
    }

    @Test
    void fieldTermsAndFreeWordsAreTakenApart() {
        SearchQuery q = SearchQuery.parse("Laptop requester:Dana  status:\"in progress\" priority:high");
        assertThat(q.words()).containsExactly("laptop");
        assertThat(q.terms())
                .extracting(SearchQuery.FieldTerm::field)
                .containsExactly("requester", "status", "priority");
        assertThat(q.terms()).extracting(SearchQuery.FieldTerm::value).containsExactly("dana", "in progress", "high");
    }

    @Test
    void aTermMatchesOnlyItsField() {
        ApprovalRow danaForLee = row("dana@example.com", "lee@example.com", Priority.HIGH);
        assertThat(SearchQuery.parse("requester:dana").matchesFields(danaForLee))
                .isTrue();
        assertThat(SearchQuery.parse("approver:dana").matchesFields(danaForLee)).isFalse();
        assertThat(SearchQuery.parse("approver:lee priority:high").matchesFields(danaForLee))
                .isTrue();
        assertThat(SearchQuery.parse("priority:urgent").matchesFields(danaForLee))
                .isFalse();
        assertThat(SearchQuery.parse("status:pending").matchesFields(danaForLee))
                .isTrue();
        assertThat(SearchQuery.parse("status:\"in progress\"").matchesFields(danaForLee))
                .isFalse();
        assertThat(SearchQuery.parse("approver:lee").matchesFields(row("dana@example.com", null, Priority.LOW)))
                .isFalse();
    }

    @Test
    void anUnknownFieldOrAnUnfinishedTermIsNoFilter() {
        assertThat(SearchQuery.parse("foo:bar").words()).containsExactly("foo:bar");
        assertThat(SearchQuery.parse("requester:").isEmpty()).isTrue();
    }

    @Test
    void fieldNamesComplete() {
        assertThat(SearchQuery.completions("re")).containsExactly("requester:");
        assertThat(SearchQuery.completions("p")).containsExactly("priority:");
        assertThat(SearchQuery.completions("a")).containsExactly("approver:");
        assertThat(SearchQuery.completions("s")).containsExactly("status:");
        assertThat(SearchQuery.completions("requester:d")).isEmpty();
        assertThat(SearchQuery.completions("")).isEmpty();
    }
}
