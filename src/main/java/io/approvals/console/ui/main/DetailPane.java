package io.approvals.console.ui.main;

import io.approvals.console.contract.Approval;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.TimeText;
import java.time.Clock;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Every field of the selected approval; the description wrapped; decision facts when present. */
final class DetailPane extends ScrollPane {
    private final VBox box = new VBox(12);
    private final Clock clock;
    private ApprovalRow shown;
    private Label dueText;
    private Label createdText;

    DetailPane(ApprovalsViewModel vm) {
        this.clock = vm.clock();
        setId("detailPane");
        getStyleClass().add("detail-pane");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        box.setPadding(new Insets(16));
        setContent(box);
        vm.selectedProperty().addListener((o, a, row) -> show(row));
        show(null);
    }

    /** Redraws the relative times ("Created … (3 min ago)") of what is shown, without rebuilding the pane. */
    void tick() {
        if (shown == null || createdText == null) {
            return;
        }
        Approval a = shown.approval();
        createdText.setText(createdText(a));
        if (dueText != null) {
            dueText.setText(dueText(a));
        }
    }

    private String createdText(Approval a) {
        return Messages.format(
                "main.detail.createdAgo", TimeText.full(a.createdAt()), TimeText.age(a.createdAt(), clock.instant()));
    }

    private String dueText(Approval a) {
        return a.dueAt() == null
                ? Messages.get("main.detail.noDue")
                : Messages.format(
                        "main.detail.dueIn", TimeText.full(a.dueAt()), TimeText.due(a.dueAt(), clock.instant()));
    }

    private void show(ApprovalRow row) {
        shown = row;
        dueText = null;
        createdText = null;
        box.getChildren().clear();
        if (row == null) {
            Label hint = new Label(Messages.format(
                    "main.detail.hint",
                    key(MainAction.APPROVE),
                    key(MainAction.REJECT),
                    key(MainAction.NEW_APPROVAL),
                    key(MainAction.REFRESH)));
            hint.setWrapText(true);
            hint.getStyleClass().add("text-muted");
            box.getChildren().add(hint);
            return;
        }
        Approval a = row.approval();
        Label title = new Label(a.title());
        title.setId("detailTitle");
        title.setWrapText(true);
        title.getStyleClass().addAll("title-3", "detail-title");
        Label chip = new Label(row.shownPriority());
        chip.getStyleClass().addAll("chip", "chip-" + row.priority().wire().toLowerCase(Locale.ROOT));
        Label status = new Label(row.shownStatus());
        status.getStyleClass().addAll("chip", "chip-status");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(90);
        grid.getColumnConstraints().addAll(keys, new ColumnConstraints());
        int r = 0;
        r = field(grid, r, "status", row.shownStatus());
        r = field(grid, r, "priority", row.shownPriority());
        r = field(grid, r, "requester", a.requester());
        r = field(grid, r, "approver", a.approver() == null ? Messages.get("main.detail.anyone") : a.approver());
        r = field(grid, r, "due", dueText(a));
        dueText = lastValue(grid);
        r = field(grid, r, "created", createdText(a));
        createdText = lastValue(grid);
        r = field(grid, r, "updated", TimeText.full(a.updatedAt()));
        if (a.decidedBy() != null) {
            r = field(grid, r, "decidedBy", a.decidedBy());
            r = field(grid, r, "decidedAt", TimeText.full(a.decidedAt()));
        }
        r = field(
                grid,
                r,
                "version",
                a.raw() != null && a.raw().versionToken() != null
                        ? a.raw().versionToken()
                        : Long.toString(a.version()));
        field(grid, r, "id", a.id());

        box.getChildren().addAll(title, grid);
        if (a.comment() != null && !a.comment().isBlank()) {
            box.getChildren()
                    .addAll(section(Messages.get("main.detail.comment")), wrapped(a.comment(), "detailComment"));
        }
        box.getChildren()
                .addAll(
                        section(Messages.get("main.detail.description")),
                        wrapped(
                                a.description() == null || a.description().isBlank()
                                        ? Messages.get("main.detail.noDescription")
                                        : a.description(),
                                "detailDescription"));
    }

    private static String key(MainAction a) {
        return a.firstKey().getDisplayText();
    }

    private static Label lastValue(GridPane grid) {
        return (Label) grid.getChildren().get(grid.getChildren().size() - 1);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("detail-section");
        return l;
    }

    private static Label wrapped(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("detail-text");
        return l;
    }

    private static int field(GridPane grid, int row, String key, String value) {
        Label k = new Label(Messages.get("main.detail." + key));
        k.getStyleClass().add("detail-key");
        Label v = new Label(value == null ? "" : value);
        v.setWrapText(true);
        v.getStyleClass().add("detail-value");
        grid.addRow(row, k, v);
        return row + 1;
    }
}
