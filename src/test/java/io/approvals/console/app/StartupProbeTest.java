package io.approvals.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StartupProbeTest {
    @Test
    void isOffAndSilentUnlessAskedFor() {
        assertThat(System.getProperty(StartupProbe.EXIT_AFTER_FIRST_FRAME)).isNull();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            StartupProbe.firstFrameShown(); // would exit the JVM if it were on
        } finally {
            System.setOut(original);
        }
        assertThat(StartupProbe.enabled()).isFalse();
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
