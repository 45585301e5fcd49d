package io.approvals.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A misspelt --only section is a usage error that runs and writes nothing. */
class BenchSectionsTest {
    @TempDir
    Path out;

    @Test
    void anUnknownSectionIsRefusedAndNamesTheSections() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("--only", "bigg", "--out", out.resolve("results").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown bench section [bigg]", "startup,interaction,big");
        assertThat(Files.exists(out.resolve("results"))).isFalse();
    }
}
