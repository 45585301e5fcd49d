package io.approvals.console.cli;

import io.approvals.console.config.AppPaths;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** approvals-console sandbox: serves the Approvals API on 127.0.0.1 until SIGINT/SIGTERM. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class)
public final class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Null when picocli built the command without one (the docs generators): then English or APPROVALS_LANG. */
    private final CliContext ctx;

    public SandboxCommand() {
        this(null);
    }

    SandboxCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Option(names = "--port", paramLabel = "N")
    int port;

    @Option(names = "--data", paramLabel = "DIR")
    Path data;

    @Option(names = "--seed", paramLabel = "N")
    Integer seed;

    @Override
    public Integer call() throws Exception {
        CliMessages t = ctx != null ? ctx.messages() : CliMessages.forLanguage(System.getenv(CliEnvironment.LANG));
        if (port < 0 || port > 65535) {
            throw new CliFailure(ExitCodes.USAGE, t.get("sandbox.port"));
        }
        if (seed != null && seed < 0) {
            throw new CliFailure(ExitCodes.USAGE, t.get("sandbox.seed"));
        }
        Path dir = data != null ? data : defaultDataDir();
        if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
            throw new CliFailure(
                    ExitCodes.USAGE,
                    t.get("sandbox.dataIsFile", dir.toAbsolutePath().normalize().toString()));
        }
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(new SandboxConfig(dir, port, seed));
        } catch (java.net.BindException e) {
            throw new CliFailure(ExitCodes.OTHER, t.get("sandbox.portInUse", String.valueOf(port)));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGINT/SIGTERM run shutdown hooks: close the server and the database, then let the JVM go
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            sandbox.close();
                            stopped.countDown();
                        },
                        "sandbox-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        sandbox.newAdminKey().ifPresent(key -> out.println("Admin key: " + key.reveal()));
        out.println("Sandbox listening on " + sandbox.baseUri());
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** $APPROVALS_CONSOLE_HOME/data/sandbox, else the OS-standard data dir + /sandbox. */
    /** The app's data directory (APPROVALS_CONSOLE_HOME/data when set) + /sandbox: where the desktop app's sandbox lives too. */
    static Path defaultDataDir() {
        return AppPaths.fromEnvironment().dataDir().resolve("sandbox");
    }
}
