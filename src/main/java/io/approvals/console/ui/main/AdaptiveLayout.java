package io.approvals.console.ui.main;

import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Fits the main window to the screen it has: below {@link #NARROW} px the details leave the split and become a
 * drawer over the table's right edge (toggled with the Details button or Ctrl+I), and the table keeps only the
 * columns an approver decides by (Title, Requester, Priority, Due); the tool bar drops its button labels. Below
 * {@link #MEDIUM} px Age and Status give way to the title.
 */
final class AdaptiveLayout {
    static final double NARROW = 1100;
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;
    /** Below this width the details share the window with the table: Age and Status (both in the details) give way. */
    static final double MEDIUM = 1500;
    /** Columns hidden when narrow: what they say is in the details. */
    private static final Set<String> SECONDARY = Set.of("colApprover", "colAge", "colStatus");
    /** Columns hidden when medium, so that the title keeps room at 1400 px with the details open. */
    private static final Set<String> TERTIARY = Set.of("colAge", "colStatus");

    private final SplitPane split;
    private final Node detail;
    private final StackPane center;
    private final TableView<ApprovalRow> table;
    private final ReadOnlyBooleanWrapper narrow = new ReadOnlyBooleanWrapper(this, "narrow");
    private final ReadOnlyBooleanWrapper medium = new ReadOnlyBooleanWrapper(this, "medium");
    private final BooleanProperty drawerOpen = new SimpleBooleanProperty(this, "drawerOpen");

    AdaptiveLayout(Region view, SplitPane split, Node detail, StackPane center, TableView<ApprovalRow> table) {
        this.split = split;
        this.detail = detail;
        this.center = center;
        this.table = table;
        view.widthProperty().addListener((o, a, w) -> {
            medium.set(w.doubleValue() > 0 && w.doubleValue() < MEDIUM);
            narrow.set(w.doubleValue() > 0 && w.doubleValue() < NARROW);
        });
        narrow.addListener((o, a, n) -> apply(n));
        medium.addListener((o, a, m) -> showColumns());
        drawerOpen.addListener((o, a, open) -> showDrawer(narrow.get() && open));
        view.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((w, before, window) -> minimumSize(window));
                minimumSize(scene.getWindow());
            }
        });
    }

    private static void minimumSize(Window window) {
        if (window instanceof Stage stage) {
            Runnable update = () -> {
                Rectangle2D min = minimum(
                        new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()),
                        Screen.getPrimary().getVisualBounds(),
                        Screen.getScreens().stream()
                                .map(Screen::getVisualBounds)
                                .toList());
                stage.setMinWidth(min.getWidth());
                stage.setMinHeight(min.getHeight());
            };
            // the screen it is on changes as it is moved (a laptop's own screen beside a large monitor); once per
            // stage, though each main view built on it (a switch of connection) gets a layout of its own
            if (stage.getProperties().putIfAbsent(AdaptiveLayout.class, Boolean.TRUE) == null) {
                stage.xProperty().addListener(o -> update.run());
                stage.yProperty().addListener(o -> update.run());
            }
            update.run();
        }
    }

    /**
     * The minimum size on the screen that holds the window's centre (the primary one when none does, or before the
     * window has a place): 900×600, or that screen's size if smaller, since a minimum larger than the screen
     * would push the window's title bar or status bar off it.
     */
    static Rectangle2D minimum(Rectangle2D window, Rectangle2D primary, List<Rectangle2D> screens) {
        Rectangle2D screen = primary;
        if (window.getWidth() > 0 && window.getHeight() > 0) {
            double cx = window.getMinX() + window.getWidth() / 2;
            double cy = window.getMinY() + window.getHeight() / 2;
            for (Rectangle2D s : screens) {
                if (s.contains(cx, cy)) {
                    screen = s;
                    break;
                }
            }
        }
        return new Rectangle2D(0, 0, Math.min(MIN_WIDTH, screen.getWidth()), Math.min(MIN_HEIGHT, screen.getHeight()));
    }

    ReadOnlyBooleanProperty narrowProperty() {
        return narrow.getReadOnlyProperty();
    }

    BooleanProperty drawerOpenProperty() {
        return drawerOpen;
    }

    private void showColumns() {
        for (TableColumn<ApprovalRow, ?> c : table.getColumns()) {
            boolean hidden =
                    narrow.get() && SECONDARY.contains(c.getId()) || medium.get() && TERTIARY.contains(c.getId());
            c.setVisible(!hidden);
        }
    }

    private void apply(boolean isNarrow) {
        showColumns();
        if (isNarrow) {
            split.getItems().remove(detail);
            showDrawer(drawerOpen.get());
        } else {
            showDrawer(false);
            if (!split.getItems().contains(detail)) {
                split.getItems().add(detail);
                // once the split has laid out its new item, or the position is taken from the old one-item layout
                javafx.application.Platform.runLater(() -> split.setDividerPositions(0.7));
            }
        }
    }

    private void showDrawer(boolean show) {
        if (show && !center.getChildren().contains(detail)) {
            detail.getStyleClass().add("detail-drawer");
            if (detail instanceof Region r) {
                r.setMaxWidth(360);
                r.setPrefWidth(360);
            }
            StackPane.setAlignment(detail, Pos.CENTER_RIGHT);
            center.getChildren().add(1, detail);
        } else if (!show && center.getChildren().remove(detail)) {
            detail.getStyleClass().remove("detail-drawer");
            if (detail instanceof Region r) {
                r.setMaxWidth(Region.USE_COMPUTED_SIZE);
                r.setPrefWidth(Region.USE_COMPUTED_SIZE);
            }
        }
    }
}
