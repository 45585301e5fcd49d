package io.approvals.console.ui.main;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One approval as the table shows it, with its search text and sort keys computed once. Sorting
 * 100,000 rows with TableColumn's default (a locale Collator per comparison) took 7 s; these
 * comparators compare precomputed lower-case strings, ranks and instants as longs.
 *
 * <p>Each comparator is one plain method over this row's own fields, never a chain of {@code Comparator.comparing},
 * {@code thenComparing} and {@code reversed}: a 100,000-row sort makes ~1.7 million comparisons, and the chained
 * ones (a shared lambda calling a key extractor calling {@code compareTo}, none of it inlined) took most of a
 * sort's time (JFR, bench "100k", session 18). Texts that repeat across rows (people, titles) are shared instances
 * ({@link SharedStrings}), so equal keys compare by identity.
 *
 * <p>Memory (100,000 rows must stay under 150 MB of heap): the title and the id have their own lower-case keys (the
 * id itself when it has no upper case); the search text holds one lower-case copy of only the other fields that have
 * upper case in them, and fields already in lower case (e-mail addresses) are searched in place. Keys and search texts
 * repeated within one list are one instance. The "unseen" property is made only when something watches it (the few
 * visible cells).
 */
public final class ApprovalRow {
    /** Case-insensitive by title; equal titles keep the list's order. */
    public static final Comparator<ApprovalRow> BY_TITLE = (a, b) -> compareText(a.titleKey, b.titleKey);

    public static final Comparator<ApprovalRow> BY_REQUESTER = (a, b) -> compareText(a.requesterKey, b.requesterKey);
    public static final Comparator<ApprovalRow> BY_APPROVER = (a, b) -> compareText(a.approverKey, b.approverKey);
    public static final Comparator<ApprovalRow> BY_PRIORITY = (a, b) -> Integer.compare(a.priorityRank, b.priorityRank);
    public static final Comparator<ApprovalRow> BY_STATUS = (a, b) -> Integer.compare(a.statusRank, b.statusRank);
    /** Ascending age: the youngest first (the newest createdAt). */
    public static final Comparator<ApprovalRow> BY_AGE = (a, b) -> Long.compare(b.createdKey, a.createdKey);

    /** Due soonest first, no due date last. */
    public static final Comparator<ApprovalRow> BY_DUE = (a, b) -> Long.compare(a.dueKey, b.dueKey);

    /** The due key of an approval without a due date: after every date. */
    static final long NO_DUE = Long.MAX_VALUE;

    private final Approval approval;
    /**
     * The lower-case id (the id itself when it has no upper case), apart from {@link #search}: ids are unique, and with
     * the id in it no two rows' search texts would be the same to share.
     */
    private final String idKey;
    /** The lower-case title (shared with rows of the same title). */
    private final String titleKey;
    /**
     * Lower-case copies of the other text fields that were not already lower case, each after a newline; null when
     * there are none.
     */
    private final String search;
    /** Bit i set: text field i (see {@link #field}) is already lower case and searched as it is (no copy). */
    private final int lowerAlready;

    private final String requesterKey;
    private final String approverKey;
    private final int priorityRank;
    private final int statusRank;
    /** The approval's own {@link Approval#isPending}, kept here so that counting 100,000 rows touches only them. */
    private final boolean pending;
    /** createdAt as nanoseconds since the epoch ({@link #instantKey}); Long.MIN_VALUE without one. */
    private final long createdKey;
    /** dueAt as nanoseconds since the epoch; {@link #NO_DUE} without one. */
    private final long dueKey;

    private int searchStamp = -1;
    /** The last mark a merge gave this row, as leaving (see ApprovalList's planned merge); 0: none. */
    private int mergeMark;

    private boolean searchHit;
    private boolean unseenValue;
    private BooleanProperty unseen;

    public ApprovalRow(Approval approval) {
        this(approval, SharedStrings.NONE);
    }

    /** A row whose keys and search text are shared with rows made with the same {@code shared} (one list's). */
    ApprovalRow(Approval approval, SharedStrings shared) {
        this.approval = approval;
        this.idKey = lower(approval.id());
        // The id's hash is computed here, off the UI thread, and kept in the string: merging a list of 100,000 on
        // the UI thread looks every id up.
        Objects.hashCode(approval.id());
        this.requesterKey = shared.of(lower(approval.requester()));
        this.approverKey = shared.of(lower(approval.approver()));
        this.priorityRank = priority().ordinal();
        this.statusRank = approval.status() == null ? 0 : approval.status().ordinal();
        this.pending = approval.isPending();
        this.createdKey = instantKey(approval.createdAt(), Long.MIN_VALUE);
        // No due date sorts after every date.
        this.dueKey = instantKey(approval.dueAt(), NO_DUE);
        this.titleKey = shared.of(lower(approval.title()));
        StringBuilder lowered = new StringBuilder();
        int already = 0;
        for (int i = 1; i < FIELDS; i++) { // field 0, the id, is idKey
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
        // Shared: rows with the same description, status and priority (texts repeat across a queue) hold one copy.
        this.search = lowered.length() == 0 ? null : shared.of(lowered.toString());
        this.lowerAlready = already;
    }

    /**
     * An instant as nanoseconds since the epoch, which orders as the instants do for the years 1678 to 2261; one
     * outside that range counts as its end (such dates then compare equal), never as {@code ifNull}'s value.
     */
    static long instantKey(Instant t, long ifNull) {
        if (t == null) {
            return ifNull;
        }
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException e) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE + 1 : Long.MAX_VALUE - 1;
        }
    }

    /** Shared texts that are equal are the same instance: no need to look at their characters. */
    private static int compareText(String a, String b) {
        return a == b ? 0 : a.compareTo(b);
    }

    /** The oldest first (the earliest createdAt). */
    static int oldestFirst(ApprovalRow a, ApprovalRow b) {
        return Long.compare(a.createdKey, b.createdKey);
    }

    /** Due soonest first, no due date last, then the oldest first. */
    static int dueSoonest(ApprovalRow a, ApprovalRow b) {
        int c = Long.compare(a.dueKey, b.dueKey);
        return c != 0 ? c : Long.compare(a.createdKey, b.createdKey);
    }

    /** Due latest first, no due date still last, then the oldest first. */
    static int dueLatest(ApprovalRow a, ApprovalRow b) {
        long x = a.dueKey;
        long y = b.dueKey;
        if (x != y) {
            return x == NO_DUE ? 1 : y == NO_DUE ? -1 : Long.compare(y, x);
        }
        return Long.compare(a.createdKey, b.createdKey);
    }

    /** Urgent first, then {@link #dueSoonest}. */
    static int urgentFirst(ApprovalRow a, ApprovalRow b) {
        int c = Integer.compare(b.priorityRank, a.priorityRank);
        return c != 0 ? c : dueSoonest(a, b);
    }

    /** Low first, then {@link #dueSoonest}. */
    static int lowFirst(ApprovalRow a, ApprovalRow b) {
        int c = Integer.compare(a.priorityRank, b.priorityRank);
        return c != 0 ? c : dueSoonest(a, b);
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

    /**
     * Field i as searched when it is already lower case: the people from this row's own keys (shared instances, so the
     * few of them stay in the CPU's cache while 100,000 rows are searched).
     */
    private String searchedInPlace(int i) {
        return switch (i) {
            case 2 -> requesterKey;
            case 3 -> approverKey;
            default -> field(i);
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

    /** Marks the row for the merge under way (UI thread). */
    void mark(int mark) {
        mergeMark = mark;
    }

    boolean isMarked(int mark) {
        return mergeMark == mark;
    }

    public Priority priority() {
        return approval.priority() == null ? Priority.NORMAL : approval.priority();
    }

    public ApprovalStatus status() {
        return approval.status() == null ? ApprovalStatus.PENDING : approval.status();
    }

    public boolean isPending() {
        return pending;
    }

    /** The priority's place in {@link Priority#values()} (the shown priority, see {@link #priority}). */
    int priorityRank() {
        return priorityRank;
    }

    /** createdAt as nanoseconds since the epoch ({@link #instantKey}); Long.MIN_VALUE without one. */
    long createdKey() {
        return createdKey;
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
        if (titleKey.contains(lowerWord)
                || (search != null && search.contains(lowerWord))
                || idKey.contains(lowerWord)) {
            return true;
        }
        for (int i = 0; i < FIELDS; i++) {
            if ((lowerAlready & (1 << i)) != 0 && searchedInPlace(i).contains(lowerWord)) {
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
