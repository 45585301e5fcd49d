package io.approvals.console.ui.main;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One approval as the table shows it, with its search text and sort keys computed once. Sorting
 * 100,000 rows with TableColumn's default (a locale Collator per comparison) took 7 s; these
 * comparators compare precomputed lower-case strings, enum ordinals and Instants.
 *
 * <p>Memory (100,000 rows must stay under 150 MB of heap): the search text holds one lower-case copy of only the
 * fields that have upper case in them; fields already in lower case (ids, e-mail addresses) are searched in place.
 * The title sorts by the search text, which starts with it (no separate sort key). The "unseen" property is made only
 * when something watches it (the few visible cells).
 */
public final class ApprovalRow {
    /**
     * The search text starts with the lower-case title and a newline (below every printable character), so
     * comparing it compares the titles; equal titles then go by the rest of the text.
     */
    public static final Comparator<ApprovalRow> BY_TITLE = Comparator.comparing(r -> r.search);

    public static final Comparator<ApprovalRow> BY_REQUESTER = Comparator.comparing(r -> r.requesterKey);
    public static final Comparator<ApprovalRow> BY_APPROVER = Comparator.comparing(r -> r.approverKey);
    public static final Comparator<ApprovalRow> BY_PRIORITY = Comparator.comparingInt(r -> r.priorityRank);
    public static final Comparator<ApprovalRow> BY_STATUS = Comparator.comparingInt(r -> r.statusRank);
    /** Ascending age: the youngest first (the newest createdAt). */
    public static final Comparator<ApprovalRow> BY_AGE =
            Comparator.comparing((ApprovalRow r) -> r.createdKey).reversed();

    public static final Comparator<ApprovalRow> BY_DUE = Comparator.comparing(r -> r.dueKey);

    private final Approval approval;
    /**
     * The lower-case title, then lower-case copies of the other text fields that were not already lower case,
     * each after a newline.
     */
    private final String search;
    /** Bit i set: text field i (see {@link #field}) is already lower case and searched as it is (no copy). */
    private final int lowerAlready;

    private final String requesterKey;
    private final String approverKey;
    private final int priorityRank;
    private final int statusRank;
    private final Instant createdKey;
    private final Instant dueKey;
    private int searchStamp = -1;
    private boolean searchHit;
    private boolean unseenValue;
    private BooleanProperty unseen;

    public ApprovalRow(Approval approval) {
        this.approval = approval;
        this.requesterKey = lower(approval.requester());
        this.approverKey = lower(approval.approver());
        this.priorityRank = priority().ordinal();
        this.statusRank = approval.status() == null ? 0 : approval.status().ordinal();
        this.createdKey = approval.createdAt() == null ? Instant.MIN : approval.createdAt();
        // No due date sorts after every date.
        this.dueKey = approval.dueAt() == null ? Instant.MAX : approval.dueAt();
        StringBuilder lowered = new StringBuilder(lower(approval.title()));
        int already = 0;
        for (int i = 0; i < FIELDS; i++) {
            String f = field(i);
            if (f == null || f.isEmpty()) {
                continue;
            }
            String lower = f.toLowerCase(Locale.ROOT);
            if (lower == f) { // toLowerCase returns the string itself when nothing changes
                already |= 1 << i;
            } else {
                lowered.append('\n').append(lower);
            }
        }
        // A query word holds no whitespace, so it never spans two fields: searching them apart is the same as
        // searching them joined by newlines.
        this.search = lowered.toString();
        this.lowerAlready = already;
    }

    private static final int FIELDS = 8;

    /** The text fields searched besides the title. */
    private String field(int i) {
        return switch (i) {
            case 0 -> approval.id();
            case 1 -> approval.description();
            case 2 -> approval.requester();
            case 3 -> approval.approver();
            case 4 -> approval.priorityText();
            case 5 -> approval.statusText();
            case 6 -> approval.decidedBy();
            default -> approval.comment();
        };
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    public Approval approval() {
        return approval;
    }

    public String id() {
        return approval.id();
    }

    public Priority priority() {
        return approval.priority() == null ? Priority.NORMAL : approval.priority();
    }

    public ApprovalStatus status() {
        return approval.status() == null ? ApprovalStatus.PENDING : approval.status();
    }

    public boolean isPending() {
        return approval.isPending();
    }

    /** The priority as shown: a server's own (Medium, Critical) as it spelled it. */
    public String priorityText() {
        return approval.priorityText();
    }

    /** The status as shown: a server's own (InProgress) as it spelled it. */
    public String statusText() {
        return approval.statusText();
    }

    /** The priority in the user's language ("Hoch"); a server's own as it spelled it. */
    public String shownPriority() {
        Priority p = approval.priority();
        return p == null || p == Priority.OTHER
                ? priorityText()
                : io.approvals.console.ui.common.Messages.get("priority." + p.name());
    }

    /** The status in the user's language ("Ausstehend"); a server's own as it spelled it. */
    public String shownStatus() {
        ApprovalStatus st = approval.status();
        return st == null || st == ApprovalStatus.OTHER
                ? statusText()
                : io.approvals.console.ui.common.Messages.get("main.status." + st.name());
    }

    /** True when every word of the lower-cased query occurs somewhere in the row's text. */
    public boolean matches(String[] lowerWords) {
        for (String w : lowerWords) {
            if (!contains(w)) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(String lowerWord) {
        if (search.contains(lowerWord)) {
            return true;
        }
        for (int i = 0; i < FIELDS; i++) {
            if ((lowerAlready & (1 << i)) != 0 && field(i).contains(lowerWord)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #matches} remembered per search: when a search narrows the one before (the user typed on), a row that
     * did not match that one cannot match this one and is skipped without scanning its text. Stamps come from the
     * view model, one per distinct search; UI thread only.
     */
    boolean matches(String[] lowerWords, int stamp, int narrowedStamp) {
        if (searchStamp == stamp) {
            return searchHit;
        }
        boolean hit = narrowedStamp >= 0 && searchStamp == narrowedStamp && !searchHit ? false : matches(lowerWords);
        searchStamp = stamp;
        searchHit = hit;
        return hit;
    }

    /** Arrived since the user last looked; cleared when the row is selected. */
    public BooleanProperty unseenProperty() {
        if (unseen == null) {
            unseen = new SimpleBooleanProperty(this, "unseen", unseenValue);
        }
        return unseen;
    }

    public boolean isUnseen() {
        return unseen == null ? unseenValue : unseen.get();
    }

    public void setUnseen(boolean value) {
        if (unseen == null) {
            unseenValue = value;
        } else {
            unseen.set(value);
        }
    }

    @Override
    public String toString() {
        return "ApprovalRow[" + approval.id() + "]";
    }
}
