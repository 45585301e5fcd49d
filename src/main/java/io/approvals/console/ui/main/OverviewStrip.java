package io.approvals.console.ui.main;

import io.approvals.console.ui.common.Messages;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Two small bar groups: pending by age and by priority, redrawn when the data changes. */
final class OverviewStrip extends HBox {
    private static final double BAR_MAX = 34;

    OverviewStrip(ApprovalsViewModel vm) {
        getStyleClass().add("overview");
        setSpacing(28);
        setAlignment(Pos.CENTER_LEFT);
        VBox count = new VBox(2);
        Label total = new Label();
        total.setId("overviewTotal");
        total.getStyleClass().add("overview-total");
        total.textProperty().bind(vm.countTextProperty());
        Label caption = new Label(Messages.get("overview.caption"));
        caption.getStyleClass().add("overview-caption");
        count.getChildren().addAll(caption, total);
        getChildren()
                .addAll(
                        count,
                        group(Messages.get("overview.byAge"), vm.ageBuckets()),
                        group(Messages.get("overview.byPriority"), vm.priorityBuckets()));
    }

    private VBox group(String title, ObservableList<Bucket> buckets) {
        Label caption = new Label(title);
        caption.getStyleClass().add("overview-caption");
        HBox bars = new HBox(10);
        bars.setAlignment(Pos.BOTTOM_LEFT);
        Runnable redraw = () -> draw(bars, buckets);
        buckets.addListener((ListChangeListener<Bucket>) c -> redraw.run());
        redraw.run();
        VBox box = new VBox(4, caption, bars);
        box.setAccessibleText(title);
        return box;
    }

    /**
     * Updates the bars in place when the buckets are the same ones with new counts (after every decision):
     * making new nodes each time (and styling them) was the longest frame gap of a bulk decision.
     */
    private static void draw(HBox bars, List<Bucket> buckets) {
        int max = buckets.stream().mapToInt(Bucket::count).max().orElse(0);
        if (sameBuckets(bars, buckets)) {
            for (int i = 0; i < buckets.size(); i++) {
                Bucket b = buckets.get(i);
                VBox column = (VBox) bars.getChildren().get(i);
                ((Label) column.getChildren().get(0)).setText(Messages.format("overview.count", b.count()));
                Region bar = (Region)
                        ((StackPane) column.getChildren().get(1)).getChildren().get(0);
                size(bar, height(b, max));
                column.setAccessibleText(Messages.format("overview.bar.accessible", b.label(), b.count()));
            }
            return;
        }
        bars.getChildren().clear();
        for (Bucket b : buckets) {
            Region bar = new Region();
            bar.getStyleClass().addAll("bar", b.styleClass());
            size(bar, height(b, max));
            StackPane well = new StackPane(bar);
            well.setAlignment(Pos.BOTTOM_CENTER);
            well.setMinHeight(BAR_MAX);
            well.setPrefHeight(BAR_MAX);
            Label n = new Label(Messages.format("overview.count", b.count()));
            n.getStyleClass().add("bar-count");
            Label name = new Label(b.label());
            name.getStyleClass().add("bar-label");
            VBox column = new VBox(1, n, well, name);
            column.setUserData(b.label() + "\n" + b.styleClass());
            column.setAlignment(Pos.BOTTOM_CENTER);
            column.setMinWidth(44);
            column.setAccessibleText(Messages.format("overview.bar.accessible", b.label(), b.count()));
            HBox.setHgrow(column, Priority.NEVER);
            bars.getChildren().add(column);
        }
    }

    private static boolean sameBuckets(HBox bars, List<Bucket> buckets) {
        if (bars.getChildren().size() != buckets.size()) {
            return false;
        }
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            if (!(b.label() + "\n" + b.styleClass())
                    .equals(bars.getChildren().get(i).getUserData())) {
                return false;
            }
        }
        return true;
    }

    private static double height(Bucket b, int max) {
        return max == 0 ? 2 : Math.max(2, BAR_MAX * b.count() / max);
    }

    private static void size(Region bar, double h) {
        bar.setMinSize(26, h);
        bar.setPrefSize(26, h);
        bar.setMaxSize(26, h);
    }
}
