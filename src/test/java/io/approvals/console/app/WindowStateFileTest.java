package io.approvals.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.ui.session.WindowState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowStateFileTest {
    @TempDir
    Path dir;

    @Test
    void whatIsWrittenIsReadBackAndNothingElseIsLeftInTheDirectory() throws Exception {
        WindowStateFile f = new WindowStateFile(dir.resolve("config"));
        assertThat(f.read()).as("the first time").isNull();
        f.write(new WindowState(1500.4, -20, 1600, 900, true));
        assertThat(f.read()).isEqualTo(new WindowState(1500, -20, 1600, 900, true));
        f.write(new WindowState(10, 20, 1000, 700, false));
        assertThat(f.read()).isEqualTo(new WindowState(10, 20, 1000, 700, false));
        try (var files = Files.list(dir.resolve("config"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(WindowStateFile.NAME);
        }
    }

    @Test
    void aFileThatMakesNoSenseReadsAsNone() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        WindowStateFile f = new WindowStateFile(config);
        for (String text : new String[] {
            "x=1\ny=2\nwidth=0\nheight=700",
            "x=1\ny=2\nwidth=-100\nheight=700",
            "x=1\ny=2\nwidth=NaN\nheight=700",
            "x=Infinity\ny=2\nwidth=100\nheight=700",
            "x=1\ny=2\nwidth=1e9\nheight=700",
            "x=1\nwidth=1000\nheight=700",
            "x=one\ny=2\nwidth=1000\nheight=700",
            "\u0000\u0001garbage",
        }) {
            Files.writeString(config.resolve(WindowStateFile.NAME), text);
            assertThat(f.read()).as(text).isNull();
        }
        Files.delete(config.resolve(WindowStateFile.NAME));
        Files.createDirectory(config.resolve(WindowStateFile.NAME));
        assertThat(f.read()).as("a directory of that name").isNull();
        f.write(new WindowState(1, 2, 3, 4, false)); // cannot replace a directory: dropped, no exception
    }
}
