package io.approvals.console.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.main.ApprovalRow;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No label of the main window is cut off ("…") at 900×600 or 1400×900, light or dark: every visible Labeled
 * (tool bar, banners, overview, table cells and headers, details, status bar) shows its whole text. The one
 * exception is a title cell: free text up to 200 characters, shown whole in the details.
 */
@ExtendWith(ApplicationExtension.class)
class NothingCutOffUiTest {
    @TempDir
    Path dir;

    ConsoleUiFixture fx;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Themes.apply(ThemeChoice.LIGHT);
        fx = new ConsoleUiFixture(stage, dir, 40);
        stage.show();
    }

    @AfterAll
    static void defaultTheme() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(null))
                .get();
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    @Test
    void nothingIsCutOffAtEitherSizeInEitherTheme(FxRobot robot) throws Exception {
        robot.interact(() -> {
            if (stage.getScene() == null) {
                stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 1400, 900));
            }
            fx.ui.showMain(fx.server.adminSession());
        });
        Waits.until(() -> robot.lookup("#approvalsTable")
                        .<TableView<ApprovalRow>>query()
                        .getItems()
                        .size()
                == 40);
        List<String> cut = new ArrayList<>();
        for (ThemeChoice theme : new ThemeChoice[] {ThemeChoice.LIGHT, ThemeChoice.DARK}) {
            for (int[] size : new int[][] {{900, 600}, {1400, 900}}) {
                robot.interact(() -> {
                    // the other theme first: another test class may have reset the style sheet behind Themes' back
                    Themes.apply(theme == ThemeChoice.LIGHT ? ThemeChoice.DARK : ThemeChoice.LIGHT);
                    Themes.apply(theme);
                    Themes.style(stage.getScene(), theme);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> stage.getScene().getRoot().layout());
                WaitForAsyncUtils.waitForFxEvents();
                String where = size[0] + "x" + size[1] + " " + theme.name().toLowerCase();
                robot.interact(() -> {
                    // laid out in the same FX turn as the check: the once-a-second "refreshed … ago" may have ticked
                    stage.getScene().getRoot().layout();
                    collectCut(stage.getScene().getRoot(), where, cut);
                    snapshot(where);
                });
            }
        }
        assertThat(cut).as("labels shown cut off").isEmpty();
    }

    @Test
    void aNarrowWindowTurnsTheDetailsIntoADrawerAndKeepsTheColumnsThatMatter(FxRobot robot) throws Exception {
        robot.interact(() -> {
            if (stage.getScene() == null) {
                stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 1400, 900));
            }
            fx.ui.showMain(fx.server.adminSession());
            stage.setWidth(900);
            stage.setHeight(600);
        });
        TableView<ApprovalRow> table = robot.lookup("#approvalsTable").query();
        Waits.until(() -> table.getItems().size() == 40);
        assertThat(stage.getMinWidth()).isEqualTo(900);
        assertThat(table.getColumns().stream()
                        .filter(javafx.scene.control.TableColumn::isVisible)
                        .map(javafx.scene.control.TableColumn::getText))
                .containsExactly("Title", "Requester", "Priority", "Due");
        assertThat(robot.lookup("#detailPane").tryQuery()).isEmpty();
        assertThat(robot.lookup("#approveButton")
                        .<javafx.scene.control.Button>query()
                        .getContentDisplay())
                .isEqualTo(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        robot.clickOn("#approvalsTable");
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.I);
        Waits.until(() ->
                robot.lookup("#detailPane").tryQuery().map(Node::isVisible).orElse(false));
        robot.interact(() -> stage.setWidth(1400));
        // at 1400 px the details share the window: Age and Status (both in the details) give way to the title
        Waits.until(() -> table.getColumns().stream()
                .filter(javafx.scene.control.TableColumn::isVisible)
                .map(javafx.scene.control.TableColumn::getText)
                .toList()
                .equals(List.of("Title", "Requester", "Approver", "Priority", "Due")));
        robot.interact(() -> stage.setWidth(1600));
        Waits.until(() -> table.getColumns().stream().allMatch(javafx.scene.control.TableColumn::isVisible));
        assertThat(robot.lookup("#detailsToggle").query().isVisible()).isFalse();
        assertThat(robot.lookup("#detailPane").query().isVisible()).isTrue();
    }

    /** The check is not vacuous: a label too narrow for its text is caught. */
    @Test
    void theCheckSeesACutLabel(FxRobot robot) {
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            javafx.scene.control.Label narrow = new javafx.scene.control.Label("High and Urgent");
            narrow.setMaxWidth(40);
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(narrow);
            new javafx.scene.Scene(box, 200, 100);
            box.applyCss();
            box.layout();
            collectCut(box, "self-check", cut);
        });
        assertThat(cut).hasSize(1);
        assertThat(cut.get(0)).contains("for \u201cHigh and Urgent\u201d");
    }

    /** Labeled nodes whose displayed text (their inner Text node) differs from their text. */
    /** The labels shown cut off in the stage at 900×600 and at 1400×900, as it is styled now. */
    static List<String> cutAtBothSizes(FxRobot robot, Stage stage) {
        List<String> cut = new ArrayList<>();
        for (int[] size : new int[][] {{900, 600}, {1400, 900}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            // one FX turn, so the once-a-second "refreshed … ago" cannot change between the layout and the check
            robot.interact(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                collectCut(stage.getScene().getRoot(), size[0] + "x" + size[1], cut);
            });
        }
        return cut;
    }

    static void collectCut(Node node, String where, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && !isTitleCell(l)) {
            String shown = displayed(l);
            // a mnemonic's underscore ("_Approvals") is drawn as an underline, not as text
            String text = l.isMnemonicParsing() ? l.getText().replaceFirst("_", "") : l.getText();
            if (shown != null && !shown.equals(text) && !l.isWrapText()) {
                out.add(where + ": " + describe(l) + " shows \u201c" + shown + "\u201d for \u201c" + l.getText()
                        + "\u201d");
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectCut(child, where, out);
            }
        }
    }

    private static boolean isTitleCell(Labeled l) {
        return l instanceof javafx.scene.control.TableCell<?, ?> cell
                && cell.getTableColumn() != null
                && "colTitle".equals(cell.getTableColumn().getId());
    }

    private static String displayed(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    private static String describe(Labeled l) {
        return l.getClass().getSimpleName() + (l.getId() == null ? "" : "#" + l.getId()) + l.getStyleClass();
    }

    /** Kept in target/ for a look: the same pixels the check saw. */
    private void snapshot(String where) {
        try {
            WritableImage image = stage.getScene().snapshot(null);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] pixels = new int[w * h];
            image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            out.setRGB(0, 0, w, h, pixels, 0, w);
            Path dirOut = Path.of("target", "layout-shots");
            Files.createDirectories(dirOut);
            ImageIO.write(
                    out, "png", dirOut.resolve(where.replace(' ', '-') + ".png").toFile());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
