package io.approvals.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A row matches a search exactly when every word occurs, in any case, in one of its searched fields: however the row
 * keeps its texts (lower-case copies, fields searched in place, texts shared with other rows).
 */
class RowSearchTest {
    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
    private static final String[] TEXTS = {
        "New Laptop for Dana",
        "new laptop",
        "MacBook Pro 14",
        "dana@example.com",
        "Lee@Example.com",
        "apr_0x9k",
        "APR_UPPER",
        "Needed before the audit",
        "ok",
        "Ärger mit Öl",
        ""
    };

    private static String pick(Random r, boolean nullable) {
        return nullable && r.nextInt(4) == 0 ? null : TEXTS[r.nextInt(TEXTS.length)];
    }

    private static Approval approval(Random r, int i) {
        boolean decided = r.nextInt(3) == 0;
        return new Approval(
                pick(r, false) + i,
                pick(r, false),
                pick(r, true),
                pick(r, false),
                pick(r, true),
                Priority.values()[r.nextInt(4)],
                null,
                decided ? ApprovalStatus.APPROVED : ApprovalStatus.PENDING,
                T,
                T,
                decided ? pick(r, true) : null,
                decided ? T : null,
                decided ? pick(r, true) : null,
                1);
    }

    /** The plain reading of "every word occurs in some field", without any of the row's prepared texts. */
    private static boolean reference(Approval a, String[] words) {
        List<String> fields = Stream.of(
                        a.title(),
                        a.id(),
                        a.description(),
                        a.requester(),
                        a.approver(),
                        a.priorityText(),
                        a.statusText(),
                        a.decidedBy(),
                        a.comment())
                .filter(f -> f != null)
                .map(f -> f.toLowerCase(Locale.ROOT))
                .toList();
        for (String w : words) {
            if (fields.stream().noneMatch(f -> f.contains(w))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyWordMustOccurInSomeFieldInAnyCase() {
        Random r = new Random(11);
        List<Approval> approvals = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            approvals.add(approval(r, i));
        }
        List<ApprovalRow> rows = new ArrayList<>(ApprovalList.rowsOf(approvals.subList(0, 1000))); // shared texts
        approvals.subList(1000, 2000).forEach(a -> rows.add(new ApprovalRow(a))); // one by one
        int hits = 0;
        for (int q = 0; q < 400; q++) {
            String[] words = new String[1 + r.nextInt(2)];
            for (int w = 0; w < words.length; w++) {
                String source = pick(r, false).toLowerCase(Locale.ROOT) + "x";
                int from = r.nextInt(source.length());
                words[w] = source.substring(from, Math.min(source.length(), from + 1 + r.nextInt(5)));
            }
            for (int i = 0; i < rows.size(); i++) {
                boolean expected = reference(approvals.get(i), words);
                assertThat(rows.get(i).matches(words))
                        .as(String.join(" ", words) + " in " + approvals.get(i))
                        .isEqualTo(expected);
                hits += expected ? 1 : 0;
            }
        }
        assertThat(hits).as("the queries find some rows, not all").isBetween(1, 400 * 2000 - 1);
    }
}
