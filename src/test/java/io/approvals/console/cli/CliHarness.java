package io.approvals.console.cli;

import io.approvals.console.config.AppPaths;
import io.approvals.console.credentials.SecretStore;
import io.approvals.console.service.ClientFactory;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs commands in-process against a given secret store, directory root and client factory. */
public final class CliHarness {
    private final SecretStore secrets;
    private final AppPaths paths;
    private final ClientFactory clients;
    /** Everything any command printed, for the canary check. */
    private final List<String> transcript = new ArrayList<>();

    private Map<String, String> env = Map.of();

    public CliHarness(SecretStore secrets, Path root, ClientFactory clients) {
        this.secrets = secrets;
        this.paths = AppPaths.under(root);
        this.clients = clients;
    }

    /** The environment variables the commands see from now on (APPROVALS_URL, APPROVALS_API_KEY, ...). */
    public CliHarness env(Map<String, String> variables) {
        this.env = Map.copyOf(variables);
        return this;
    }

    public record Result(int code, String out, String err) {}

    public Result run(String... args) {
        return runWithStdin("", args);
    }

    public Result runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // a run with APPROVALS_LANG=de sets the service's language process-wide, as the real command does once:
        // put it back, or every later test class in this JVM reads German
        java.util.Locale serviceLanguage = io.approvals.console.service.ServiceText.locale();
        try {
            return runIn(stdin, out, err, args);
        } finally {
            io.approvals.console.service.ServiceText.useLocale(serviceLanguage);
        }
    }

    private Result runIn(String stdin, StringWriter out, StringWriter err, String... args) {
        CliContext ctx = new CliContext(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                () -> null,
                () -> secrets,
                paths,
                clients,
                env);
        int code = Cli.run(ctx, args);
        Result r = new Result(code, out.toString(), err.toString());
        transcript.add(r.out());
        transcript.add(r.err());
        return r;
    }

    public AppPaths paths() {
        return paths;
    }

    public String transcript() {
        return String.join("\n", transcript);
    }
}
