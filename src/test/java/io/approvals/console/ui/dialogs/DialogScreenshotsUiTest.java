package io.approvals.console.ui.dialogs;

import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes a PNG of every dialog of the catalog, light and dark, on a 900×600 screen, into -Dscreenshots.dir
 * (scripts/ui-screenshots.sh sets it to assets/screenshots). Skipped without that property.
 */
@ExtendWith(ApplicationExtension.class)
class DialogScreenshotsUiTest {
    Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 900, 600));
        stage.show();
    }

    @Test
    void everyDialogLightAndDark(FxRobot robot) throws IOException {
        String dir = System.getProperty("screenshots.dir", "");
        Assumptions.assumeFalse(dir.isBlank(), "no -Dscreenshots.dir");
        Path out = Path.of(dir);
        Files.createDirectories(out);
        for (ThemeChoice theme : new ThemeChoice[] {ThemeChoice.LIGHT, ThemeChoice.DARK}) {
            robot.interact(() -> {
                Messages.useLanguage("en");
                Themes.apply(theme);
            });
            DialogService service = new DialogService(owner, () -> theme, w -> new Rectangle2D(0, 0, 900, 600));
            for (Map.Entry<String, Function<DialogService, DialogController>> e :
                    DialogCatalog.all().entrySet()) {
                AtomicReference<DialogController> opened = new AtomicReference<>();
                robot.interact(() -> opened.set(e.getValue().apply(service)));
                WaitForAsyncUtils.waitForFxEvents();
                Path file =
                        out.resolve("dialog-" + e.getKey() + "-" + theme.name().toLowerCase() + ".png");
                robot.interact(() -> {
                    Stage s = opened.get().stage();
                    write(s.getScene().snapshot(null), file);
                    s.close();
                });
            }
        }
    }

    private static void write(WritableImage image, Path file) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            ImageIO.write(b, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
