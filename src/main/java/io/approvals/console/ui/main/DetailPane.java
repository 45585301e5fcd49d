package io.approvals.console.ui.main;

import io.approvals.console.contract.Approval;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.TimeText;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Every field of the selected approval; the description wrapped; decision facts when present. Its labels are made once
 * and given the next row's texts: a pane of new labels for each selection was styled and laid out from scratch on
 * every Page Down (bench "100k", scrolling a page at a time).
 */
final class DetailPane extends ScrollPane {
    private static final List<String> FIELDS =
            List.of("status", "priority", "requester", "approver", "due", "created", "updated", "version", "id");
    private static final List<String> DECIDED_FIELDS = List.of("decidedBy", "decidedAt");

    private final VBox box = new VBox(12);
    private final Clock clock;
    private final Label hint;
    private final Label title = new Label();
    private final GridPane grid = new GridPane();
    private final Map<String, Label[]> fields = new LinkedHashMap<>();
    private final Label commentHeading = section(Messages.get("main.detail.comment"));
    private final Label comment = wrapped("detailComment");
    private final Label descriptionHeading = section(Messages.get("main.detail.description"));
    private final Label description = wrapped("detailDescription");
    private final List<Node> content;
    private ApprovalRow shown;
    /** The relative parts of the created and due lines shown ("3 min", "in 2 h"). */
    private String shownAge = "";

    private String shownDue = "";
    /** Whether the grid holds the decision's rows; null before it holds any. */
    private Boolean gridDecided;

    DetailPane(ApprovalsViewModel vm) {
        this.clock = vm.clock();
        setId("detailPane");
        getStyleClass().add("detail-pane");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        box.setPadding(new Insets(16));
        setContent(box);
        hint = new Label(Messages.format(
                "main.detail.hint",
                key(MainAction.APPROVE),
                key(MainAction.REJECT),
                key(MainAction.NEW_APPROVAL),
                key(MainAction.REFRESH)));
        hint.setId("detailHint");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        title.setId("detailTitle");
        title.setWrapText(true);
        title.getStyleClass().addAll("title-3", "detail-title");
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(90);
        grid.getColumnConstraints().addAll(keys, new ColumnConstraints());
        for (String f : FIELDS.subList(0, 7)) {
            fields.put(f, field(f));
        }
        for (String f : DECIDED_FIELDS) {
            fields.put(f, field(f));
        }
        for (String f : FIELDS.subList(7, FIELDS.size())) {
            fields.put(f, field(f));
        }
        content = List.of(title, grid, commentHeading, comment, descriptionHeading, description);
        // All of it stays in the pane, shown or hidden: taken out and put back, the whole pane was styled again
        // each time a search keystroke dropped the selected row and the table selected another (bench
        // "interaction", session 22).
        box.getChildren().add(hint);
        box.getChildren().addAll(content);
        vm.selectedProperty().addListener((o, a, row) -> show(row));
        show(null);
    }

    /** When a relative time shown changes next: every second while one is under a minute; null when none shows. */
    Instant nextChange(Instant now) {
        if (shown == null) {
            return null;
        }
        Approval a = shown.approval();
        return TickPlan.earliest(
                a.createdAt() == null ? null : TickPlan.sinceChanges(a.createdAt(), now),
                a.dueAt() == null ? null : TickPlan.untilChanges(a.dueAt(), now));
    }

    /** Redraws the relative times ("Created … (3 min ago)") of what is shown, without rebuilding the pane. */
    void tick() {
        if (shown == null) {
            return;
        }
        // the whole line only when its relative part changed: by the minute once the approval is a minute old
        Approval a = shown.approval();
        Instant now = clock.instant();
        String age = TimeText.age(a.createdAt(), now);
        if (!age.equals(shownAge)) {
            set("created", createdText(a));
        }
        String due = TimeText.due(a.dueAt(), now);
        if (!due.equals(shownDue)) {
            set("due", dueText(a));
        }
    }

    private String createdText(Approval a) {
        shownAge = TimeText.age(a.createdAt(), clock.instant());
        return Messages.format("main.detail.createdAgo", TimeText.full(a.createdAt()), shownAge);
    }

    private String dueText(Approval a) {
        shownDue = TimeText.due(a.dueAt(), clock.instant());
        return a.dueAt() == null
                ? Messages.get("main.detail.noDue")
                : Messages.format("main.detail.dueIn", TimeText.full(a.dueAt()), shownDue);
    }

    private void show(ApprovalRow row) {
        shown = row;
        showIf(row == null, List.of(hint));
        showIf(row != null, content); // the comment's two below: only when there is one
        if (row == null) {
            return;
        }
        Approval a = row.approval();
        title.setText(a.title());
        set("status", row.shownStatus());
        set("priority", row.shownPriority());
        set("requester", a.requester());
        set("approver", a.approver() == null ? Messages.get("main.detail.anyone") : a.approver());
        set("due", dueText(a));
        set("created", createdText(a));
        set("updated", TimeText.full(a.updatedAt()));
        boolean decided = a.decidedBy() != null;
        if (decided) {
            set("decidedBy", a.decidedBy());
            set("decidedAt", TimeText.full(a.decidedAt()));
        }
        set(
                "version",
                a.raw() != null && a.raw().versionToken() != null
                        ? a.raw().versionToken()
                        : Long.toString(a.version()));
        set("id", a.id());
        fillGrid(decided);
        boolean hasComment = a.comment() != null && !a.comment().isBlank();
        if (hasComment) {
            comment.setText(a.comment());
        }
        showIf(hasComment, List.of(commentHeading, comment));
        description.setText(
                a.description() == null || a.description().isBlank()
                        ? Messages.get("main.detail.noDescription")
                        : a.description());
    }

    private static void showIf(boolean show, List<? extends Node> nodes) {
        for (Node n : nodes) {
            n.setVisible(show);
            n.setManaged(show);
        }
    }

    /** The grid's rows, with or without the decision's two; changed only when that changes. */
    private void fillGrid(boolean decided) {
        if (gridDecided != null && gridDecided == decided) {
            return;
        }
        gridDecided = decided;
        grid.getChildren().clear();
        int r = 0;
        for (Map.Entry<String, Label[]> e : fields.entrySet()) {
            if (!decided && DECIDED_FIELDS.contains(e.getKey())) {
                continue;
            }
            grid.addRow(r++, e.getValue());
        }
    }

    private void set(String field, String value) {
        fields.get(field)[1].setText(value == null ? "" : value);
    }

    private static String key(MainAction a) {
        return a.firstKey().getDisplayText();
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("detail-section");
        return l;
    }

    private static Label wrapped(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("detail-text");
        return l;
    }

    private static Label[] field(String key) {
        Label k = new Label(Messages.get("main.detail." + key));
        k.getStyleClass().add("detail-key");
        Label v = new Label();
        v.setWrapText(true);
        v.getStyleClass().add("detail-value");
        return new Label[] {k, v};
    }
}
