package io.approvals.console.ui.main;

import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.TimeText;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.animation.FadeTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/** The pending approvals table: cheap comparators on every column, unseen/overdue/decided marks. */
final class ApprovalTable {
    private static final PseudoClass UNSEEN = PseudoClass.getPseudoClass("unseen");
    private static final PseudoClass DECIDED = PseudoClass.getPseudoClass("decided");
    /**
     * Overdue and decided cells are marked with pseudo-classes, not style classes: a change of style class builds the
     * cell's styles anew (Node.reapplyCss), a pseudo-class only switches between styles already matched; a search
     * changes which row each visible cell shows on every keystroke (JFR, bench "100k").
     */
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    private static final PseudoClass APPROVED = PseudoClass.getPseudoClass("status-approved");
    private static final PseudoClass REJECTED = PseudoClass.getPseudoClass("status-rejected");

    private ApprovalTable() {}

    static TableView<ApprovalRow> create(ApprovalsViewModel vm) {
        return create(vm, new TimeCells());
    }

    /** The table, its Age and Due cells in timeCells (the window's clock redraws their texts). */
    static TableView<ApprovalRow> create(ApprovalsViewModel vm, TimeCells timeCells) {
        Clock clock = vm.clock();
        TableView<ApprovalRow> table = new TableView<>();
        table.setId("approvalsTable");
        table.setAccessibleText(Messages.get("main.table.accessible"));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(titleColumn());
        table.getColumns()
                .add(textColumn(
                        "Requester", 165, ApprovalRow.BY_REQUESTER, SortOrders.REQUESTER_DESCENDING, r -> r.approval()
                                .requester()));
        table.getColumns()
                .add(textColumn(
                        "Approver",
                        165,
                        ApprovalRow.BY_APPROVER,
                        SortOrders.APPROVER_DESCENDING,
                        r -> r.approval().approver() == null
                                ? "\u2014"
                                : r.approval().approver()));
        table.getColumns().add(priorityColumn());
        table.getColumns().add(ageColumn(clock, timeCells));
        table.getColumns().add(dueColumn(clock, timeCells));
        table.getColumns().add(statusColumn());
        table.setRowFactory(t -> new MarkedRow());
        table.setPlaceholder(emptyState(vm));
        table.setSortPolicy(t -> {
            vm.sorted().setComparator(rowComparator(t));
            return true;
        });
        // a decision replaces a row with its new version: the table then fills that row again, not every row
        table.setItems(new ReplacementsAsUpdates<>(vm.sorted(), ApprovalRow::id));
        return table;
    }

    /** An empty queue says "All done" and when it was last asked; a filtered-empty one says what hides the rows. */
    private static Node emptyState(ApprovalsViewModel vm) {
        Label title = new Label();
        title.setId("emptyTitle");
        title.getStyleClass().add("title-3");
        title.textProperty().bind(vm.emptyTitleProperty());
        Label detail = new Label();
        detail.setId("emptyDetail");
        detail.setWrapText(true);
        detail.setTextAlignment(TextAlignment.CENTER);
        detail.getStyleClass().add("text-muted");
        detail.textProperty().bind(vm.emptyDetailProperty());
        detail.setMaxWidth(460);
        Button clear = new Button(Messages.get("main.empty.clearFilters"));
        clear.setId("clearFilters");
        clear.setOnAction(e -> vm.clearFilters());
        clear.visibleProperty().bind(vm.emptyTitleProperty().isEqualTo(Messages.get("main.empty.noMatch")));
        clear.managedProperty().bind(clear.visibleProperty());
        VBox box = new VBox(10, title, detail, clear);
        box.setId("emptyState");
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(24));
        return box;
    }

    /**
     * The sort order as one comparator of rows, straight from the columns' comparators. Every column's cell value
     * is the row itself, so this sorts exactly as the table's own comparator would, without it asking each column
     * for its cell value (a new wrapper object) twice per comparison: the bench measured that as most of a sort.
     */
    @SuppressWarnings("unchecked")
    static Comparator<ApprovalRow> rowComparator(TableView<ApprovalRow> table) {
        Comparator<ApprovalRow> result = null;
        for (TableColumn<ApprovalRow, ?> column : table.getSortOrder()) {
            if (!column.isSortable() || column.getComparator() == null) {
                continue;
            }
            Comparator<ApprovalRow> one = (Comparator<ApprovalRow>) column.getComparator();
            if (column.getSortType() == TableColumn.SortType.DESCENDING) {
                Object own = column.getProperties().get(SortOrders.DESCENDING);
                one = own != null ? (Comparator<ApprovalRow>) own : one.reversed();
            }
            result = result == null ? one : result.thenComparing(one);
        }
        return result;
    }

    private static TableColumn<ApprovalRow, ApprovalRow> column(
            String name, double width, Comparator<ApprovalRow> comparator) {
        TableColumn<ApprovalRow, ApprovalRow> c =
                new TableColumn<>(Messages.get("main.column." + name.toLowerCase(Locale.ROOT)));
        c.setId("col" + name);
        c.setPrefWidth(width);
        // never narrower than what it shows: the table's resize policy squeezed the Approver column to "mei@exa…"
        // once the window had been narrow; the title (free text) is the one that gives
        c.setMinWidth("Title".equals(name) ? 150 : width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        // Explicit and cheap: the default would run a locale Collator on every comparison.
        c.setComparator(comparator);
        return c;
    }

    private static TableColumn<ApprovalRow, ApprovalRow> textColumn(
            String name,
            double width,
            Comparator<ApprovalRow> comparator,
            Comparator<ApprovalRow> descending,
            Function<ApprovalRow, String> text) {
        TableColumn<ApprovalRow, ApprovalRow> c = column(name, width, comparator);
        c.getProperties().put(SortOrders.DESCENDING, descending);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ApprovalRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
            }
        });
        return c;
    }

    /** The title, after a dot that CSS shows only on rows that arrived unseen (so nothing shifts). */
    private static TableColumn<ApprovalRow, ApprovalRow> titleColumn() {
        TableColumn<ApprovalRow, ApprovalRow> c = column("Title", 250, ApprovalRow.BY_TITLE);
        c.getProperties().put(SortOrders.DESCENDING, SortOrders.TITLE_DESCENDING);
        c.getStyleClass().add("title-cell");
        c.setCellFactory(col -> new TableCell<>() {
            private final Region dot = new Region();

            {
                dot.getStyleClass().add("unseen-dot");
                dot.setMinSize(7, 7);
                dot.setMaxSize(7, 7);
                setGraphicTextGap(7);
            }

            @Override
            protected void updateItem(ApprovalRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.approval().title());
                // always the graphic, transparent unless the row is unseen (CSS): taking it out of empty cells and
                // putting it back styled it again each time a search emptied and refilled the table (bench "100k")
                setGraphic(dot);
            }
        });
        return c;
    }

    private static TableColumn<ApprovalRow, ApprovalRow> priorityColumn() {
        TableColumn<ApprovalRow, ApprovalRow> c = column("Priority", 86, SortOrders.PRIORITY_ASCENDING);
        c.getProperties().put(SortOrders.DESCENDING, SortOrders.PRIORITY_DESCENDING);
        c.setCellFactory(col -> new TableCell<>() {
            private final Label chip = new Label();
            private Priority shown;

            {
                chip.getStyleClass().add("chip");
            }

            @Override
            protected void updateItem(ApprovalRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                // the chip stays the graphic and is hidden in empty cells: removing and adding it styled it again
                // each time a search emptied and refilled the table (bench "100k")
                setGraphic(chip);
                chip.setVisible(!empty && row != null);
                if (empty || row == null) {
                    return;
                }
                chip.setText(row.shownPriority());
                // a pseudo-class per priority: a style class change would style the chip anew each time a cell
                // shows a row of another priority (search, scrolling)
                if (row.priority() != shown) {
                    if (shown != null) {
                        chip.pseudoClassStateChanged(CHIP_STATES.get(shown), false);
                    }
                    shown = row.priority();
                    chip.pseudoClassStateChanged(CHIP_STATES.get(shown), true);
                }
            }
        });
        return c;
    }

    private static TableColumn<ApprovalRow, ApprovalRow> ageColumn(Clock clock, TimeCells timeCells) {
        TableColumn<ApprovalRow, ApprovalRow> c = column("Age", 56, ApprovalRow.BY_AGE);
        c.getProperties().put(SortOrders.DESCENDING, SortOrders.AGE_DESCENDING);
        c.getStyleClass().add("number-cell");
        c.setCellFactory(col -> new TimedCell(clock, timeCells) {
            @Override
            void show(ApprovalRow row, Instant now) {
                setText(row == null ? null : TimeText.age(row.approval().createdAt(), now));
            }
        });
        return c;
    }

    private static TableColumn<ApprovalRow, ApprovalRow> dueColumn(Clock clock, TimeCells timeCells) {
        TableColumn<ApprovalRow, ApprovalRow> c = column("Due", 128, SortOrders.DUE_SOONEST);
        c.getProperties().put(SortOrders.DESCENDING, SortOrders.DUE_LATEST);
        c.setCellFactory(col -> new TimedCell(clock, timeCells) {
            @Override
            void show(ApprovalRow row, Instant now) {
                if (row == null) {
                    setText(null);
                    pseudoClassStateChanged(OVERDUE, false);
                    return;
                }
                setText(
                        row.approval().dueAt() == null
                                ? "\u2014"
                                : TimeText.due(row.approval().dueAt(), now));
                pseudoClassStateChanged(OVERDUE, row.approval().isOverdue(now));
            }
        });
        return c;
    }

    /** A cell whose text is a time relative to now: drawn when it gets a row, and again when the window's clock says. */
    private abstract static class TimedCell extends TableCell<ApprovalRow, ApprovalRow> implements TimeCells.Timed {
        private final Clock clock;

        TimedCell(Clock clock, TimeCells timeCells) {
            this.clock = clock;
            timeCells.add(this);
        }

        /** Shows row's text for now; row is null for an empty cell. */
        abstract void show(ApprovalRow row, Instant now);

        @Override
        protected void updateItem(ApprovalRow row, boolean empty) {
            super.updateItem(row, empty);
            show(empty ? null : row, clock.instant());
        }

        @Override
        public void retime(Instant now) {
            if (!isEmpty() && getItem() != null) {
                show(getItem(), now);
            }
        }
    }

    private static TableColumn<ApprovalRow, ApprovalRow> statusColumn() {
        TableColumn<ApprovalRow, ApprovalRow> c = column("Status", 84, ApprovalRow.BY_STATUS);
        c.getProperties().put(SortOrders.DESCENDING, SortOrders.STATUS_DESCENDING);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ApprovalRow row, boolean empty) {
                super.updateItem(row, empty);
                ApprovalStatus status = empty || row == null ? null : row.status();
                setText(status == null ? null : row.shownStatus());
                pseudoClassStateChanged(APPROVED, status == ApprovalStatus.APPROVED);
                pseudoClassStateChanged(REJECTED, status == ApprovalStatus.REJECTED);
            }
        });
        return c;
    }

    private static final Map<Priority, PseudoClass> CHIP_STATES = new EnumMap<>(Priority.class);

    static {
        for (Priority p : Priority.values()) {
            CHIP_STATES.put(p, PseudoClass.getPseudoClass("priority-" + p.wire().toLowerCase(Locale.ROOT)));
        }
    }

    /** Marks rows that arrived unseen, and rows decided here but not yet gone from the list. */
    private static final class MarkedRow extends TableRow<ApprovalRow> {
        private final ChangeListener<Boolean> unseenListener = (o, a, b) -> pseudoClassStateChanged(UNSEEN, b);
        private ApprovalRow watched;
        /** Decided rows fade out before they leave the list (ApproveAndNext.LEAVES_AFTER). */
        private final FadeTransition fade = new FadeTransition(javafx.util.Duration.millis(600), this);

        private ApprovalRow fading;

        @Override
        protected void updateItem(ApprovalRow row, boolean empty) {
            super.updateItem(row, empty);
            if (watched != null) {
                watched.unseenProperty().removeListener(unseenListener);
            }
            watched = empty ? null : row;
            if (watched != null) {
                watched.unseenProperty().addListener(unseenListener);
            }
            pseudoClassStateChanged(UNSEEN, watched != null && watched.isUnseen());
            pseudoClassStateChanged(DECIDED, watched != null && !watched.isPending());
            if (watched != null && !watched.isPending()) {
                if (fading != watched) {
                    fading = watched;
                    fade.setFromValue(1);
                    fade.setToValue(0.15);
                    fade.playFromStart();
                }
            } else if (fading != null) {
                fading = null;
                fade.stop();
                setOpacity(1);
            }
        }
    }
}
