package io.approvals.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.effect.DropShadow;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bench reads how much JavaFX's effect image pool holds (software rendering, as the bench and these tests run):
 * a drawn drop shadow leaves a texture of at least the shadowed node's size there. Fails when a JavaFX update moves
 * the pool, instead of the bench quietly reporting nothing.
 */
@ExtendWith(ApplicationExtension.class)
class EffectTexturesUiTest {
    @Start
    void start(Stage stage) {
        Region card = new Region();
        card.setStyle("-fx-background-color: white;");
        card.setPrefSize(320, 240);
        card.setMaxSize(320, 240);
        card.setEffect(new DropShadow(16, javafx.scene.paint.Color.gray(0, 0.3)));
        stage.setScene(new Scene(new StackPane(card), 480, 360));
        stage.show();
    }

    @Test
    void aDrawnDropShadowLeavesItsTextureInThePool() throws Exception {
        long held = 0;
        for (int i = 0; i < 50 && held <= 0; i++) { // drawn on the render thread, a frame or two after showing
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(40);
            held = EffectTextures.softlyHeldBytes();
        }

        assertThat(held).isGreaterThanOrEqualTo(4L * 320 * 240);
    }
}
