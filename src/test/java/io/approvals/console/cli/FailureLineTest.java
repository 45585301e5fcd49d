package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.client.ApiException;
import io.approvals.console.service.FailureText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's error line is FailureText's, the app's words, in the chosen language; exit codes stay. */
class FailureLineTest {

    @CommandLine.Command(name = "probe")
    static final class Probe implements Runnable {
        @Override
        public void run() {}
    }

    private static String errorLine(RuntimeException e, CliMessages texts) {
        CommandLine cl = new CommandLine(new Probe());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        new ExitCodeMapper(texts).handleExecutionException(e, cl, null);
        return err.toString().strip();
    }

    @Test
    void everyKindOfFailureIsPrintedAsTheAppSaysItWithItsDocumentedExitCode() {
        List<RuntimeException> failures = List.of(
                new ApiException.Network("Could not connect to h:1 (connection refused).", new ConnectException()),
                new ApiException.Unauthorized("r"),
                new ApiException.Unauthorized("r", "X-API-Key"),
                new ApiException.Forbidden("write", "r"),
                new ApiException.NotFound(null, "r"),
                new ApiException.Conflict(null, "r"),
                new ApiException.RateLimited(Duration.ofSeconds(9), "r"),
                new ApiException.Server(503, null, "r"),
                new ApiException.CapReached(200, "too much", null),
                new ApiException.InsecureUrl("h.example"));
        List<Integer> codes = List.of(
                ExitCodes.NETWORK,
                ExitCodes.AUTH,
                ExitCodes.AUTH,
                ExitCodes.AUTH,
                ExitCodes.NOT_FOUND,
                ExitCodes.CONFLICT,
                ExitCodes.RATE_LIMITED,
                ExitCodes.OTHER,
                ExitCodes.OTHER,
                ExitCodes.USAGE);
        for (int i = 0; i < failures.size(); i++) {
            RuntimeException e = failures.get(i);
            assertThat(errorLine(e, CliMessages.ENGLISH))
                    .as(e.getClass().getSimpleName())
                    .isEqualTo("error: " + FailureText.of(e, Locale.ENGLISH).line());
            assertThat(errorLine(e, CliMessages.forLanguage("de")))
                    .as(e.getClass().getSimpleName())
                    .isEqualTo("Fehler: " + FailureText.of(e, Locale.GERMAN).line());
            assertThat(new ExitCodeMapper(CliMessages.forLanguage("de")).getExitCode(e))
                    .isEqualTo(codes.get(i))
                    .isEqualTo(ExitCodeMapper.INSTANCE.getExitCode(e));
        }
    }
}
