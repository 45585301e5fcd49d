package io.approvals.console.cli;

import io.approvals.console.config.AppPaths;
import io.approvals.console.credentials.SessionOnlyStore;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Builds the commands for the build-time generators (shell completion, man pages), which only read the command
 * model: nothing is run, no keychain, file or server is touched.
 */
public final class CliDocsFactory implements CommandLine.IFactory {
    private final ContextFactory delegate;

    public CliDocsFactory() {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
        CliContext ctx = new CliContext(
                new ByteArrayInputStream(new byte[0]),
                nowhere,
                nowhere,
                () -> null,
                SessionOnlyStore::new,
                AppPaths.under(Path.of(System.getProperty("java.io.tmpdir"), "approvals-console-docs")),
                (connection, key) -> {
                    throw new IllegalStateException("the documentation generators send nothing");
                });
        this.delegate = new ContextFactory(ctx);
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        return delegate.create(cls);
    }
}
