package io.approvals.console.ui.common;

import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Shows every dialog and secondary window the same way (JabRef's DialogService): owned by the window that asked,
 * modal unless it is a window of its own, sized to its content but never beyond 90 % of the screen, placed on the
 * screen, grown when its messages grow, one window per kind where the controller says so. Keyboard: the
 * controller's first control has focus; Enter runs the default button (JavaFX's own rule, unless a multi-line field
 * takes it; also from a check box or radio button, which JavaFX would toggle); Ctrl+Enter runs it from anywhere;
 * Esc closes. Headings (style class {@value #HEADING}) wrap to {@value #HEADING_LINES} lines with the full text in a
 * tooltip.
 */
public final class DialogService {
    public static final String HEADING = "dialog-heading";
    public static final int HEADING_LINES = 3;
    public static final double SCREEN_SHARE = 0.9;

    private final Window owner;
    private final Supplier<ThemeChoice> theme;
    private final Function<Window, Rectangle2D> screen;
    private final Map<String, Stage> open;
    /** The next dialog's styled scene root (see takeSpare); UI thread only. */
    private static StackPane spare;

    public DialogService(Window owner, Supplier<ThemeChoice> theme) {
        this(owner, theme, DialogService::screenOf);
    }

    /** screen: the visual bounds a dialog must fit in (tests give a 900×600 one). */
    public DialogService(Window owner, Supplier<ThemeChoice> theme, Function<Window, Rectangle2D> screen) {
        this(owner, theme, screen, new HashMap<>());
    }

    private DialogService(
            Window owner, Supplier<ThemeChoice> theme, Function<Window, Rectangle2D> screen, Map<String, Stage> open) {
        this.owner = owner;
        this.theme = theme == null ? () -> null : theme;
        this.screen = screen;
        this.open = open;
    }

    /** The same service (and the same one-per-kind windows) for windows a secondary window opens, owned by it. */
    public DialogService ownedBy(Window newOwner) {
        return new DialogService(newOwner, theme, screen, open);
    }

    public Window owner() {
        return owner;
    }

    /** The window of this kind that is showing, if any. */
    public Stage showing(String kind) {
        Stage s = kind == null ? null : open.get(kind);
        return s != null && s.isShowing() ? s : null;
    }

    /** Loads the view with its controller and shows it. */
    public <C extends DialogController> C show(FxmlView view, C controller) {
        show(ViewLoader.load(view, controller));
        return controller;
    }

    /** Shows a loaded dialog (or brings the one of its kind to the front). Call on the JavaFX thread. */
    public Stage show(DialogController dialog) {
        Stage already = showing(dialog.kind());
        if (already != null) {
            already.toFront();
            already.requestFocus();
            return already;
        }
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        if (dialog.modal()) {
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(dialog.title());
        Parent root = dialog.root();
        if (!root.getStyleClass().contains("dialog-window")) {
            root.getStyleClass().add("dialog-window");
        }
        // the dialog's root goes into a scene root (a holder) that was styled while the user did nothing
        StackPane holder = takeSpare();
        if (holder.getChildren().size() != 1 || holder.getChildren().get(0) != root) {
            holder.getChildren().setAll(root); // (a reused dialog's controls may be waiting there, styled)
        }
        Scene scene = holder.getScene();
        ThemeChoice t = theme.get();
        if (t != null) {
            Themes.style(scene, t);
        }
        stage.setScene(scene);
        dialog.shownIn(stage);
        keys(scene, dialog, stage);
        CaretBlinkTimeout.install(scene);

        Rectangle2D bounds = screen.apply(owner);
        double maxW = Math.floor(bounds.getWidth() * SCREEN_SHARE);
        double maxH = Math.floor(bounds.getHeight() * SCREEN_SHARE);
        holder.applyCss();
        headings(root);
        if (root instanceof Region r) {
            r.setMaxWidth(maxW);
            if (r.prefWidth(-1) > maxW) {
                r.setPrefWidth(maxW);
            }
            double w = Math.min(r.prefWidth(-1), maxW);
            if (dialog.shrinksToScreen()) {
                // a window of tables (the admin window): smaller on a small screen, its tables scroll inside
                r.setPrefHeight(Math.min(r.prefHeight(w), maxH));
            } else if (r.prefHeight(w) > maxH) {
                // taller than the screen allows: the content scrolls rather than being squeezed (and cut)
                javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane();
                holder.getChildren().setAll(scroll);
                scroll.setContent(root);
                scroll.setFitToWidth(true);
                scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
                scroll.setPrefViewportWidth(w);
                scroll.setPrefViewportHeight(maxH - 4);
                scroll.getStyleClass().addAll("dialog-window", "edge-to-edge");
            }
        }
        stage.setMaxWidth(bounds.getWidth());
        stage.setMaxHeight(bounds.getHeight());
        growWithContent(stage, scene, holder, maxH, bounds);
        stage.setOnShown(e -> place(stage, bounds));
        stage.setOnHidden(e -> {
            open.remove(dialog.kind(), stage);
            dialog.closed();
            prepareSpareLater(holder, t, dialog.reused());
        });
        if (dialog.kind() != null) {
            open.put(dialog.kind(), stage);
        }
        stage.sizeToScene();
        stage.show();
        Node first = dialog.initialFocus();
        if (first != null) {
            first.requestFocus();
        }
        return stage;
    }

    /**
     * A styled scene root for the next dialog. JavaFX caches style look-ups per scene root and forgets them when a
     * window closes, so a new dialog window matched each of its controls against the whole theme again: most of
     * the time from A to the decision dialog on screen (bench "interaction", JFR). A root whose cache already holds
     * the controls of the dialog shown last (or of the warm-up) styles a new dialog in about half the time.
     */
    private static StackPane takeSpare() {
        StackPane s = spare;
        spare = null;
        if (s == null || s.getScene() == null || s.getScene().getWindow() != null) {
            s = new StackPane();
            s.getStyleClass().add("dialog-holder");
            new Scene(s);
        }
        return s;
    }

    /** The next dialog's scene root, styled with these controls (taken out of where they are). UI thread. */
    static void prepareSpare(Node content, ThemeChoice theme) {
        prepareSpare(content, theme, false);
    }

    /** keep: the controls stay in the prepared root (a reused dialog's, shown again as they are). */
    private static void prepareSpare(Node content, ThemeChoice theme, boolean keep) {
        if ((spare != null && !keep) || Boolean.getBoolean("approvals.noDialogSpare")) {
            return;
        }
        if (content.getScene() != null
                && content.getScene().getWindow() != null
                && content.getScene().getWindow().isShowing()) {
            return; // shown again before this ran
        }
        StackPane holder = new StackPane();
        holder.getStyleClass().add("dialog-holder");
        Scene scene = new Scene(holder);
        if (theme != null) {
            Themes.style(scene, theme);
        }
        if (content.getParent() instanceof javafx.scene.layout.Pane p) {
            p.getChildren().remove(content);
        }
        if (content.getParent() == null && content.getScene() == null) {
            holder.getChildren().add(content);
            holder.applyCss();
            if (!keep) {
                // Hidden while cleared: a Parent keeps the children it lost until its window's next frame (for the
                // dirty area), and this holder has no window yet, so it kept the closed dialog, its controller and
                // through it the main window that owned it (even one replaced since) until the next dialog opened.
                holder.setVisible(false);
                holder.getChildren().clear();
                holder.setVisible(true);
            }
        }
        spare = holder;
    }

    /**
     * After a dialog closed: its controls style the next dialog's scene root, once the owner has shown two frames
     * since (the one without the dialog, and what the decision changed there: styling it sooner delayed those).
     */
    private void prepareSpareLater(StackPane closedHolder, ThemeChoice theme, boolean keep) {
        Runnable prepare = () -> {
            if (!closedHolder.getChildren().isEmpty()) {
                Node content = closedHolder.getChildren().get(0);
                closedHolder.getChildren().clear();
                if (content instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                    Node inner = sp.getContent();
                    sp.setContent(null);
                    content = inner;
                }
                prepareSpare(content, theme, keep);
            }
        };
        Scene ownerScene = owner == null ? null : owner.getScene();
        if (ownerScene == null) {
            Platform.runLater(prepare);
            return;
        }
        int[] frames = new int[1];
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (++frames[0] == 2) {
                Platform.runLater(() -> {
                    ownerScene.removePostLayoutPulseListener(listener[0]);
                    prepare.run();
                });
            }
        };
        ownerScene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private static void keys(Scene scene, DialogController dialog, Stage stage) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // JavaFX (off macOS) lets Enter toggle a focused check box: after Space had ticked "write", Enter took
            // it off again and issued nothing. Space ticks it; Enter runs the dialog, as in every other field.
            boolean onToggle = e.getCode() == KeyCode.ENTER
                    && !e.isShiftDown()
                    && !e.isAltDown()
                    && (scene.getFocusOwner() instanceof CheckBox || scene.getFocusOwner() instanceof RadioButton);
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown() || onToggle) {
                Button b = dialog.defaultButton();
                if (b != null && !b.isDisabled() && b.isVisible()) {
                    b.fire();
                }
                e.consume();
            }
        });
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed()) {
                e.consume();
                stage.close();
            }
        });
    }

    /** Headings wrap to at most HEADING_LINES lines; the full text is in a tooltip whenever it is long. */
    private static void headings(Parent root) {
        for (Node n : root.lookupAll("." + HEADING)) {
            if (n instanceof Label l && l.getProperties().put(HEADING, Boolean.TRUE) != null) {
                headingHeight(l); // a reused dialog's heading: its listeners are there already
                fullTextTooltip(l);
            } else if (n instanceof Label l) {
                l.setWrapText(true);
                // its minimum is its wrapped height up to 3 lines: USE_PREF_SIZE beat the maximum (5 lines were
                // seen), USE_COMPUTED_SIZE let a full dialog squeeze it to 2 lines and an ellipsis
                l.widthProperty().addListener((o, a, b) -> headingHeight(l));
                l.textProperty().addListener((o, a, b) -> headingHeight(l));
                headingHeight(l);
                // the heading's own font (title-3) may only arrive with a later CSS pass: measure again then
                l.fontProperty().addListener((o, a, b) -> headingHeight(l));
                l.setPrefHeight(Region.USE_COMPUTED_SIZE);
                fullTextTooltip(l);
                l.textProperty().addListener((o, a, b) -> fullTextTooltip(l));
            }
        }
    }

    private static void headingHeight(Label l) {
        // the height of 3 lines as the label sets them (one Text line measured 23 px where the label took 24)
        Text probe = new Text(String.join("\n", java.util.Collections.nCopies(HEADING_LINES, "Xg")));
        probe.setFont(l.getFont());
        probe.setLineSpacing(l.getLineSpacing());
        double max = Math.ceil(probe.getLayoutBounds().getHeight())
                + HEADING_LINES
                + l.snappedTopInset()
                + l.snappedBottomInset();
        l.setMaxHeight(max);
        double width = l.getWidth() > 0 ? l.getWidth() : l.prefWidth(-1);
        l.setMinHeight(Math.min(l.prefHeight(width), max));
    }

    private static void fullTextTooltip(Label l) {
        String text = l.getText();
        if (text != null && text.length() > 60) {
            Tooltip t = new Tooltip(text);
            t.setWrapText(true);
            t.setMaxWidth(600);
            l.setTooltip(t);
        } else {
            l.setTooltip(null);
        }
    }

    /**
     * A message that appears makes the window taller (up to the limit), so nothing falls below its edge. The
     * window is resized after the pulse, not in it: resizing a window from a pulse listener stalls Monocle's renderer.
     */
    private static void growWithContent(Stage stage, Scene scene, Parent root, double maxH, Rectangle2D bounds) {
        boolean[] pending = new boolean[1];
        scene.addPostLayoutPulseListener(() -> {
            if (!stage.isShowing() || pending[0] || root.prefHeight(scene.getWidth()) <= scene.getHeight() + 1) {
                return;
            }
            pending[0] = true;
            javafx.application.Platform.runLater(() -> {
                pending[0] = false;
                double want = Math.min(root.prefHeight(scene.getWidth()), maxH);
                double have = scene.getHeight();
                if (stage.isShowing() && want > have + 1) {
                    // the width too: JavaFX 21 on GTK asks for a width of 0 when only the height is set, GTK
                    // refuses it ("gtk_window_resize: assertion 'width > 0' failed") and the window stays as it was
                    stage.setWidth(stage.getWidth());
                    stage.setHeight(stage.getHeight() + (want - have));
                    place(stage, bounds);
                }
            });
        });
    }

    /** Centred on the owner, then moved fully onto the screen. */
    private static void place(Stage stage, Rectangle2D b) {
        Window o = stage.getOwner();
        double x = stage.getX();
        double y = stage.getY();
        if (o != null
                && o.isShowing()
                && Double.isNaN(x) == false
                && stage.getProperties().get("placed") == null) {
            x = o.getX() + (o.getWidth() - stage.getWidth()) / 2;
            y = o.getY() + (o.getHeight() - stage.getHeight()) / 3;
        }
        stage.getProperties().put("placed", Boolean.TRUE);
        x = Math.max(b.getMinX(), Math.min(x, b.getMaxX() - stage.getWidth()));
        y = Math.max(b.getMinY(), Math.min(y, b.getMaxY() - stage.getHeight()));
        stage.setX(x);
        stage.setY(y);
    }

    private static Rectangle2D screenOf(Window w) {
        if (w != null && w.isShowing()) {
            var screens = Screen.getScreensForRectangle(
                    w.getX(), w.getY(), Math.max(1, w.getWidth()), Math.max(1, w.getHeight()));
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }
}
