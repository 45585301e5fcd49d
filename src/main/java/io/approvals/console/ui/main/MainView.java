package io.approvals.console.ui.main;

import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.ui.common.Icons;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.UiAlarm;
import io.approvals.console.ui.session.ConsoleSession;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/** The main window's content: menu, tool bar, banners, overview, table, details, status bar. */
public final class MainView extends BorderPane {
    private final ApprovalsViewModel vm;
    private final PauseTransition overviewPause = new PauseTransition(Duration.millis(200));
    private Runnable overviewDue;
    private final MainActions actions;
    private final ActionFactory commands;
    private final TableView<ApprovalRow> table;
    private final TextField search;
    /** The window's clock: ticks when something shown can change (see {@link TickPlan}), not every second. */
    private final UiAlarm clock = new UiAlarm(this::tick);

    private final TimeCells timeCells = new TimeCells();
    private boolean ticking;
    /** The moment the clock will tick next; null while none is planned. */
    private java.time.Instant plannedTick;
    /** When the table's Age and Due texts were last drawn. */
    private java.time.Instant tableTimed;

    private final QuickApprove quick;
    private final ApproveAndNext flow;
    private final AdaptiveLayout layout;
    private final DetailPane detail;
    private final ChangeListener<Boolean> focusChange = (o, was, focused) -> Platform.runLater(this::updateLooking);
    private final ChangeListener<javafx.stage.Window> windowChange = (o, before, window) -> watchFocus(before, window);

    public MainView(ApprovalsViewModel vm, MainActions actions) {
        this.vm = vm;
        this.actions = actions;
        getStyleClass().add("main-view");
        table = ApprovalTable.create(vm, timeCells);
        quick = new QuickApprove(vm, this::select);
        flow = new ApproveAndNext(vm, table, quick::isBusy);

        BooleanBinding noDecision =
                noPendingSelection().or(vm.canWriteProperty().not());
        commands = new ActionFactory(vm.canWriteProperty().get());
        commands.onRefused(quick::say);
        bindActions(noDecision);
        MainToolBar toolBar = new MainToolBar(vm, commands, table);
        search = toolBar.searchField();
        VBox top = new VBox(
                new MainMenuBar(vm, actions, commands),
                toolBar,
                sandboxBanner(vm.session()),
                new KeyAttentionBar(vm.keyStatus()),
                new BannerBar(vm, actions),
                staleStrip(),
                overviewWithNewWork());
        setTop(top);

        detail = new DetailPane(vm);
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(split.getItems().get(1), false);
        StackPane center = new StackPane(split, quick.snackbar());
        StackPane.setAlignment(quick.snackbar(), Pos.BOTTOM_CENTER);
        StackPane.setMargin(quick.snackbar(), new Insets(0, 0, 24, 0));
        setCenter(center);
        layout = new AdaptiveLayout(this, split, detail, center, table);
        toolBar.adaptTo(layout.narrowProperty(), layout.drawerOpenProperty());
        setBottom(StatusBar.of(vm));

        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        vm.setListUpdateWrapper(new SelectionKeeper(table)::around);
        vm.setOverviewScheduler(this::overviewSoon);
        vm.setAfterNextFrame(this::afterNextFrame);
        commands.bind(MainAction.TOGGLE_DETAILS, layout.narrowProperty(), () -> layout.drawerOpenProperty()
                .set(!layout.drawerOpenProperty().get()));
        commands.installTableKeys(table);
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY
                    && e.getClickCount() == 2
                    && table.getSelectionModel().getSelectedItem() != null) {
                commands.execute(MainAction.APPROVE);
            }
        });
        // what can bring a text's change or the next refresh closer: the clock plans again
        for (javafx.beans.Observable o : List.of(
                vm.selectedProperty(),
                vm.lastRefreshedProperty(),
                vm.bannerProperty(),
                vm.refreshingProperty(),
                vm.refreshSecondsProperty())) {
            o.addListener(x -> planTick());
        }
        // The scene and its window outlive this view (a switch of connection builds a new one): the listeners on
        // them go when the view leaves the scene, or they would hold this view and all its rows.
        sceneProperty().addListener((o, before, scene) -> {
            if (before != null) {
                before.windowProperty().removeListener(windowChange);
                watchFocus(before.getWindow(), null);
            }
            if (scene != null) {
                commands.installWindowKeys(scene);
                scene.windowProperty().addListener(windowChange);
                watchFocus(null, scene.getWindow());
            }
        });
    }

    /** The overview, with the new-work badge at its right end. */
    private Node overviewWithNewWork() {
        OverviewStrip overview = new OverviewStrip(vm);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        overview.getChildren().addAll(spacer, new NewWorkBadge(vm, commands));
        return overview;
    }

    /** Selects the first approval that arrived since the user last looked. */
    void jumpToNew() {
        vm.firstNew().ifPresent(row -> select(row.id()));
    }

    /** Countdowns, the automatic refresh, "3 min ago", "in 2 h": what changed since the last tick is drawn. */
    private void tick() {
        plannedTick = null;
        vm.tick();
        detail.tick();
        tableTimed = vm.clock().instant();
        timeCells.retime(tableTimed);
        planTick();
    }

    /** Plans the clock's next tick, unless one is planned already at that moment or sooner. */
    private void planTick() {
        if (!ticking) {
            return;
        }
        java.time.Instant now = vm.clock().instant();
        java.time.Instant next = nextTick(now);
        if (plannedTick != null && !plannedTick.isAfter(next)) {
            return;
        }
        plannedTick = next;
        clock.after(java.time.Duration.between(now, next));
    }

    /** When the clock should tick next, seen from now (see {@link TickPlan}); package-private for tests. */
    java.time.Instant nextTick(java.time.Instant now) {
        return TickPlan.next(
                now,
                tableTimed == null ? null : tableTimed.plus(TickPlan.TABLE_EVERY),
                vm.nextChange(now),
                detail.nextChange(now));
    }

    /** Starts loading and the window's clock. */
    public void start() {
        ticking = true;
        tableTimed = vm.clock().instant();
        vm.start();
        planTick();
    }

    /** Stops the clock; the window is being replaced or closed. A quick approve still waiting is sent now. */
    public void stop() {
        ticking = false;
        clock.stop();
        quick.sendWaiting();
        flow.stop();
    }

    public ApprovalsViewModel viewModel() {
        return vm;
    }

    public TableView<ApprovalRow> table() {
        return table;
    }

    /** Where typing goes at start: the list, until the user first presses a key or a mouse button. */
    public void focusTableUntilInput() {
        FocusUntilInput.keep(table);
    }

    /** Selects the row with this id (after a create), scrolling to it. */
    public void select(String id) {
        vm.rowById(id).ifPresent(row -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row);
            int at = table.getItems().indexOf(row);
            if (at >= 0) {
                table.scrollTo(Math.max(0, at - 3));
            }
            table.requestFocus();
        });
    }

    /** Selects the rows with these ids (the failed ones of a bulk decision), scrolling to the first. */
    public void selectAll(List<String> ids) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < table.getItems().size(); i++) {
            if (ids.contains(table.getItems().get(i).id())) {
                indices.add(i);
            }
        }
        if (indices.isEmpty()) {
            return;
        }
        table.getSelectionModel().clearSelection();
        for (int i : indices) {
            table.getSelectionModel().select(i);
        }
        table.scrollTo(Math.max(0, indices.get(0) - 3));
        table.requestFocus();
    }

    private void decideSelected(ApprovalStatus decision) {
        if (!vm.canWriteProperty().get()) {
            return;
        }
        List<ApprovalRow> selection = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        selection.removeIf(r -> r == null || !r.isPending() || quick.isBusy(r.id()));
        if (!selection.isEmpty()) {
            actions.decide(selection, decision);
        }
    }

    /** Shift+A: approves the one selected row without a dialog, after an undo time, and moves on at once. */
    private void quickApprove() {
        if (!vm.canWriteProperty().get()
                || table.getSelectionModel().getSelectedItems().size() != 1) {
            return;
        }
        ApprovalRow row = table.getSelectionModel().getSelectedItem();
        if (row == null || !row.isPending() || quick.isBusy(row.id())) {
            return;
        }
        quick.approve(row.approval());
        flow.moveOnFrom(table.getSelectionModel().getSelectedIndex());
    }

    /**
     * The view model learns when the user stops (and starts) looking at the app: "new" is relative to that. A dialog
     * of the app in front counts as looking, so the check runs a moment after the main window loses focus.
     */
    private void watchFocus(javafx.stage.Window before, javafx.stage.Window window) {
        if (before != null) {
            before.focusedProperty().removeListener(focusChange);
        }
        if (window != null) {
            window.focusedProperty().addListener(focusChange);
        }
    }

    private void updateLooking() {
        vm.windowFocusedProperty()
                .set(javafx.stage.Window.getWindows().stream().anyMatch(javafx.stage.Window::isFocused));
    }

    /** What each action does and when it can: the tool bar, the menus and the keys all run these. */
    private void bindActions(BooleanBinding noDecision) {
        BooleanBinding canDecide = noDecision.not();
        commands.bind(MainAction.NEW_APPROVAL, vm.canWriteProperty(), actions::newApproval);
        commands.bind(MainAction.APPROVE, canDecide, () -> decideSelected(ApprovalStatus.APPROVED));
        commands.bind(MainAction.REJECT, canDecide, () -> decideSelected(ApprovalStatus.REJECTED));
        commands.bind(MainAction.QUICK_APPROVE, canDecide, this::quickApprove);
        commands.bind(MainAction.UNDO_QUICK_APPROVE, quick.canUndo(), quick::undo);
        commands.bind(MainAction.REFRESH, vm::refresh);
        commands.bind(MainAction.SEARCH, () -> {
            search.requestFocus();
            search.selectAll();
        });
        commands.bind(MainAction.JUMP_TO_NEW, this::jumpToNew);
        commands.bind(
                MainAction.FILTER_MINE,
                new SimpleBooleanProperty(vm.session().key().owner() != null),
                () -> vm.assignedToMeProperty().set(!vm.assignedToMeProperty().get()));
        commands.bind(MainAction.FILTER_OVERDUE, () -> vm.overdueOnlyProperty()
                .set(!vm.overdueOnlyProperty().get()));
        commands.bind(MainAction.FILTER_PRESSING, () -> vm.highAndUrgentProperty()
                .set(!vm.highAndUrgentProperty().get()));
        commands.bind(MainAction.ADD_CONNECTION, actions::addConnection);
        commands.bind(MainAction.REPLACE_KEY, actions::replaceKey);
        commands.bind(MainAction.KEY_WINDOW, actions::keyPanel);
        var keyInfo = vm.session().key();
        commands.bind(
                MainAction.ADMIN,
                new SimpleBooleanProperty(
                        !(keyInfo.scopesKnown() && !keyInfo.scopes().contains("admin"))),
                actions::keyAdmin);
        commands.bind(MainAction.QUIT, actions::quit);
        commands.bind(MainAction.SETTINGS, actions::settings);
        commands.bind(MainAction.ABOUT, actions::about);
    }

    /**
     * Applies decisions to the rows and the overview at once, then at most every 200 ms while more stream in
     * (a bulk decision of 500 re-laid out the table and redrew the strip 500 times, the longest frame gaps of
     * the run). The view model remembers what is still due.
     */
    private void overviewSoon(Runnable update) {
        if (overviewPause.getStatus() == Animation.Status.RUNNING) {
            overviewDue = update;
            return;
        }
        update.run();
        overviewPause.setOnFinished(e -> {
            Runnable due = overviewDue;
            overviewDue = null;
            if (due != null) {
                overviewSoon(due);
            }
        });
        overviewPause.playFromStart();
    }

    /** Runs work once the next frame has been laid out (then handed to the renderer). */
    private void afterNextFrame(Runnable work) {
        Scene scene = getScene();
        if (scene == null) {
            work.run();
            return;
        }
        boolean[] done = new boolean[1];
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> Platform.runLater(() -> {
            scene.removePostLayoutPulseListener(listener[0]);
            if (!done[0]) {
                done[0] = true;
                work.run();
            }
        });
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    // ---- pieces ----

    private BooleanBinding noPendingSelection() {
        return Bindings.createBooleanBinding(
                () -> table.getSelectionModel().getSelectedItems().stream().noneMatch(r -> r != null && r.isPending()),
                table.getSelectionModel().getSelectedItems(),
                vm.rows());
    }

    private static Node sandboxBanner(ConsoleSession session) {
        Label text = new Label(Messages.format("main.sandbox", session.baseUrl()));
        text.setWrapText(true);
        HBox box = new HBox(10, Icons.of(Feather.BOX), text);
        box.setId("sandboxBanner");
        box.getStyleClass().addAll("banner", "banner-sandbox");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setVisible(session.isSandbox());
        box.setManaged(session.isSandbox());
        return box;
    }

    private Node staleStrip() {
        Label stale = new Label();
        stale.setId("staleLabel");
        stale.textProperty().bind(vm.staleTextProperty());
        stale.getStyleClass().add("stale-strip");
        stale.setGraphic(Icons.of(Feather.ARCHIVE));
        stale.setMaxWidth(Double.MAX_VALUE);
        stale.visibleProperty().bind(vm.staleProperty());
        stale.managedProperty().bind(vm.staleProperty());
        vm.staleProperty()
                .addListener(
                        (o, a, b) -> table.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("stale"), b));
        return stale;
    }
}
