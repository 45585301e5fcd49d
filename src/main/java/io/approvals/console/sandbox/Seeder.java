package io.approvals.console.sandbox;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic sample approvals: varied requesters and approvers at example.com (some with no approver),
 * every priority, due dates in the past and the future (and none), short and long texts. Inserted in
 * batches of 1,000 per transaction, so 100,000 take seconds.
 */
final class Seeder {
    private static final int BATCH = 1000;
    private static final long SPREAD_SECONDS = 30L * 24 * 3600;
    private static final String[] PEOPLE = {
        "dana", "lee", "sam", "alex", "priya", "jordan", "mei", "omar", "sofia", "kenji", "fatima", "lucas", "ines",
        "noah", "zoe", "ravi"
    };
    private static final String[] SHORT_TITLES = {
        "New laptop for %s",
        "Expense report: %s's client dinner",
        "Conference travel to Lisbon",
        "Access to production logs",
        "Software license: IntelliJ IDEA",
        "Team offsite budget",
        "Replace office chair",
        "Vacation request, 2 weeks",
        "Cloud budget increase",
        "Hire contractor for Q1",
        "Security exception for %s",
        "Purchase order #%2$d",
        "Monitor upgrade",
        "Training: Kubernetes course",
        "Parental leave cover plan"
    };
    /** As long as a title may be (200 characters), and a whole sentence: cut, it looked like a cut-off label. */
    private static final String LONG_TITLE = "Renewal of the enterprise support contract with the database vendor,"
            + " including the extended on-call coverage for the payments platform and the additional production"
            + " clusters planned for next year";

    private static final String[] DESCRIPTIONS = {
        null,
        "",
        "MacBook Pro 14, replaces a 2019 model.",
        "Needed before the audit on Friday.",
        "See the attached quote; the price is valid for 30 days.",
        "Approved by the team lead already; needs budget owner sign-off.",
        "Travel, two nights in a hotel near the venue, economy flights. The ticket is non-refundable after"
                + " the 5th, so a quick decision helps. The talk was accepted and the slides are ready."
    };

    private final SplittableRandom random;
    private final Instant now;

    Seeder(long seed, Instant now) {
        this.random = new SplittableRandom(seed);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    void seed(SandboxStore store, int count) throws SQLException {
        for (int done = 0; done < count; done += BATCH) {
            List<Approval> batch = new ArrayList<>(BATCH);
            for (int i = done; i < Math.min(count, done + BATCH); i++) {
                // created over the last 30 days in insertion order, so "oldest first" holds for the sample
                Instant created = now.minusSeconds(SPREAD_SECONDS * (count - i) / count);
                batch.add(sample(i, created));
            }
            store.inTransaction(
                    c -> {
                        ApprovalRecords.insertAll(c, batch);
                        return null;
                    },
                    false); // before serving nothing is acknowledged: one checkpoint at the end is enough
        }
        store.checkpoint();
    }

    Approval sample(int index, Instant created) {
        String requester = person();
        String approver = random.nextInt(6) == 0 ? null : person();
        String title = random.nextInt(12) == 0
                ? LONG_TITLE
                : String.format(SHORT_TITLES[random.nextInt(SHORT_TITLES.length)], capitalize(requester), 4000 + index);
        if (title.length() > 200) {
            title = title.substring(0, 200);
        }
        String description = DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)];
        if (random.nextInt(20) == 0) {
            description = longDescription();
        }
        Priority priority = Priority.values()[weightedPriority()];
        Instant due = random.nextInt(5) == 0 ? null : now.plus(Duration.ofHours(random.nextInt(-24 * 14, 24 * 30)));
        return new Approval(
                Ids.approval(),
                title,
                description,
                requester + "@example.com",
                approver == null ? null : approver + "@example.com",
                priority,
                due,
                ApprovalStatus.PENDING,
                created,
                created,
                null,
                null,
                null,
                1);
    }

    private String person() {
        return PEOPLE[random.nextInt(PEOPLE.length)];
    }

    private int weightedPriority() {
        int r = random.nextInt(100);
        return r < 20 ? 0 : r < 70 ? 1 : r < 92 ? 2 : 3;
    }

    private String longDescription() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 3500) {
            sb.append("This request covers the hardware, the licences and the first year of support. ");
        }
        return sb.toString().strip();
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
