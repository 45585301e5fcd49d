package io.approvals.console.ui.fx;

import io.approvals.console.app.DesktopEnvironment;
import io.approvals.console.config.AppPaths;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.common.FxBackground;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.session.UiSettings;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The welcome screen of a first run, light and dark, as the app opens it (1280×800), into -Dscreenshots.dir as
 * welcome-light.png and welcome-dark.png (scripts/ui-screenshots.sh sets it to assets/screenshots); at 900×600 too,
 * into target/layout-shots/, to look at. Skipped without that property.
 */
@ExtendWith(ApplicationExtension.class)
class WelcomeScreenshotsUiTest {
    @TempDir
    Path dir;

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void welcomeLightAndDark(FxRobot robot) throws Exception {
        String out = System.getProperty("screenshots.dir", "");
        Assumptions.assumeFalse(out.isBlank(), "no -Dscreenshots.dir");
        for (ThemeChoice theme : new ThemeChoice[] {ThemeChoice.LIGHT, ThemeChoice.DARK}) {
            String name = theme.name().toLowerCase();
            DesktopEnvironment env = new DesktopEnvironment(
                    AppPaths.under(dir.resolve(name)), new SessionOnlyStore(), new HttpClientFactory());
            env.saveSettings(new UiSettings(30, theme, true, "en"));
            FxBackground background = new FxBackground();
            ConsoleUi ui = new ConsoleUi(stage, env, background, Clock.systemUTC(), "test");
            try {
                robot.interact(() -> ui.start());
                Waits.until(() -> robot.lookup("#urlField").tryQuery().isPresent());
                robot.interact(() -> stage.show());
                shoot(robot, 1280, 800, Path.of(out, "welcome-" + name + ".png"));
                shoot(robot, 900, 600, Path.of("target", "layout-shots", "welcome-900x600-" + name + ".png"));
            } finally {
                WaitForAsyncUtils.asyncFx(ui::stop).get();
                env.close();
                background.close();
            }
        }
        robot.interact(() -> {
            Messages.useLanguage("en");
            Themes.apply(ThemeChoice.LIGHT);
        });
    }

    private void shoot(FxRobot robot, double width, double height, Path file) throws Exception {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image =
                WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        write(image, file);
    }

    private static void write(WritableImage image, Path file) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(b, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
