package io.approvals.console.cli;

import io.approvals.console.config.AuthMode;
import io.approvals.console.config.Connection;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.credentials.SecretStore;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.ServiceException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Finds the server and the key for a command. The key: --key-file, else APPROVALS_API_KEY, else the profile's key
 * in the keychain (flag > environment > keychain). The server: the profile (--profile, APPROVALS_PROFILE or the
 * only one), else APPROVALS_URL. A key from a file or the environment is used for this run only and is written
 * nowhere, and the keychain is then not touched at all (servers and CI runners have none).
 */
final class ConnectionResolver {
    /** The name a connection made from APPROVALS_URL goes by in messages. */
    static final String URL_CONNECTION = "APPROVALS_URL";

    private final CliContext ctx;

    ConnectionResolver(CliContext ctx) {
        this.ctx = ctx;
    }

    ResolvedConnection resolve(ConnectionOptions options) {
        String profile = options.profile;
        ApiKey key = null;
        KeySource source = KeySource.KEYCHAIN;
        String origin;
        if (options.keyFile != null) {
            key = KeyFile.read(options.keyFile, ctx.messages());
            source = KeySource.KEY_FILE;
            origin = "--key-file " + options.keyFile.toAbsolutePath().normalize();
        } else if (ctx.env(CliEnvironment.API_KEY) != null) {
            try {
                key = ApiKey.of(ctx.env(CliEnvironment.API_KEY).strip());
            } catch (IllegalArgumentException e) {
                throw new CliFailure(ExitCodes.USAGE, CliEnvironment.API_KEY + ": " + e.getMessage());
            }
            source = KeySource.ENVIRONMENT;
            origin = "the environment (" + CliEnvironment.API_KEY + ")";
        } else {
            origin = null;
        }
        if (key != null) {
            try {
                ConnectionService.checkFormat(key);
            } catch (ServiceException e) {
                throw new CliFailure(
                        ExitCodes.USAGE, source.label() + ": " + e.getMessage().replace(" Nothing was changed.", ""));
            }
        }
        Connection connection = profile != null ? profileConnection(profile, key == null) : urlConnection(key != null);
        if (key == null) {
            ConnectionService service = ctx.serviceFor(profile);
            SecretStore secrets = service.secrets();
            key = service.storedKeyIfAny(profile)
                    .orElseThrow(() -> new ServiceException(
                            ServiceException.Kind.NO_KEY,
                            ctx.messages()
                                    .get("connection.noKey", profile, secrets.backendName(), CliEnvironment.API_KEY)));
            origin = secrets.backendName();
        }
        return new ResolvedConnection(
                connection, profile != null, key, source, origin, ctx.clients().create(connection, key));
    }

    private Connection profileConnection(String profile, boolean viaService) {
        if (viaService) {
            return ctx.serviceFor(profile).profile(profile);
        }
        return ctx.connectionStore()
                .find(profile)
                .orElseThrow(() -> new ServiceException(
                        ServiceException.Kind.UNKNOWN_PROFILE,
                        ctx.messages().get("connection.noSuchProfile", profile)));
    }

    /** haveKey: a key came from --key-file or APPROVALS_API_KEY (APPROVALS_URL needs one of them). */
    private Connection urlConnection(boolean haveKey) {
        String url = ctx.env(CliEnvironment.URL);
        if (url == null) {
            throw new CliFailure(
                    ExitCodes.USAGE,
                    ctx.messages().get("connection.noProfile", CliEnvironment.URL, CliEnvironment.API_KEY));
        }
        if (!haveKey) {
            throw new CliFailure(
                    ExitCodes.USAGE,
                    ctx.messages().get("connection.urlWithoutKey", CliEnvironment.URL, CliEnvironment.API_KEY));
        }
        URI uri;
        try {
            uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(url, "no scheme or host");
            }
        } catch (URISyntaxException e) {
            throw new CliFailure(ExitCodes.USAGE, ctx.messages().get("connection.notAUrl", CliEnvironment.URL));
        }
        return new Connection(URL_CONNECTION, uri, AuthMode.API_KEY, null, null, null);
    }
}
