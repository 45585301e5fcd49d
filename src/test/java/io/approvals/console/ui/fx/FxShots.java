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

/**
 * Pictures of a window at the sizes the brief checks (900x600, 1400x900), for a person to look at: only when
 * {@code -Dapprovals.shots=DIR} is given. Call on the JavaFX thread.
 */
final class FxShots {
    private FxShots() {
    }

    static void save(Stage stage, String name) {
        String dir = System.getProperty("approvals.shots");
        if (dir == null) {
            return;
        }
        for (int[] size : new int[][] {{900, 600}, {1400, 900}}) {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            WritableImage image = stage.getScene().snapshot(null);
            write(image, Path.of(dir, name + "-" + size[0] + "x" + size[1] + ".png"));
        }
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
