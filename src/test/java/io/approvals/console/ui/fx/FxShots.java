package io.approvals.console.ui.fx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of a window at the sizes the brief checks (900x600, 1400x900), for a person to look at: only when
 * {@code -Dapprovals.shots=DIR} is given.
 */
final class FxShots {
    private FxShots() {}

    /** Call from the test thread: each size gets laid out (a pulse) before its picture is taken. */
    static void save(Stage stage, String name) throws Exception {
        String dir = System.getProperty("approvals.shots");
        if (dir == null) {
            return;
        }
        double width = stage.getWidth();
        double height = stage.getHeight();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        for (int[] size : new int[][] {{900, 600}, {1400, 900}}) {
            if (size[0] > screen.getWidth() || size[1] > screen.getHeight()) {
                continue; // the headless screen is smaller (-Dheadless.geometry=1400x900-32 makes it bigger)
            }
            WaitForAsyncUtils.asyncFx(() -> {
                        stage.setWidth(size[0]);
                        stage.setHeight(size[1]);
                    })
                    .get();
            WaitForAsyncUtils.waitForFxEvents();
            WritableImage image = WaitForAsyncUtils.asyncFx(
                            () -> stage.getScene().snapshot(null))
                    .get();
            write(image, Path.of(dir, name + "-" + size[0] + "x" + size[1] + ".png"));
        }
        WaitForAsyncUtils.asyncFx(() -> {
                    stage.setWidth(width);
                    stage.setHeight(height);
                })
                .get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void write(WritableImage image, Path file) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
