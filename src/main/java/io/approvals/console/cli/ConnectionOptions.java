package io.approvals.console.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which server and which key: --profile (default: APPROVALS_PROFILE, else the only profile) and --key-file; with
 * APPROVALS_URL and APPROVALS_API_KEY no profile is needed at all.
 */
final class ConnectionOptions {
    @Option(names = "--profile", paramLabel = "NAME", descriptionKey = "connection.profile")
    String profile;

    @Option(names = "--key-file", paramLabel = "FILE", descriptionKey = "connection.key-file")
    Path keyFile;
}
