package io.approvals.console.bench;

import io.approvals.console.config.AppPaths;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.credentials.Availability;
import io.approvals.console.credentials.SecretStore;
import io.approvals.console.credentials.SecretStores;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.ui.common.StartupSteps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A throwaway world in which the app opens its main window with data: an app home (APPROVALS_CONSOLE_HOME) with
 * one profile pointing at a sandbox this JVM runs (40 sample approvals), its key in the OS keychain under that
 * profile. Closing deletes the key and stops the sandbox.
 */
final class AppWorld implements AutoCloseable {
    private final Path home;
    private final String profile;
    private final Sandbox sandbox;
    private final ConnectionService connections;

    private AppWorld(Path home, String profile, Sandbox sandbox, ConnectionService connections) {
        this.home = home;
        this.profile = profile;
        this.sandbox = sandbox;
        this.connections = connections;
    }

    /** Empty when no keychain is reachable: the app could not find its key. */
    static Optional<AppWorld> create(Path work) throws IOException {
        SecretStore keychain = SecretStores.osKeychain(waiting -> {});
        Availability a = keychain.probe();
        if (!a.reachable()) {
            return Optional.empty();
        }
        Path home = Files.createTempDirectory(work, "app-home");
        Sandbox sandbox = Sandbox.start(new SandboxConfig(home.resolve("sandbox"), 0, null));
        try {
            ApiKey key = sandbox.newAdminKey().orElseThrow();
            // A name of its own: a developer's real profiles and keys are never touched.
            String profile = "bench-"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            ConnectionStore store = new ConnectionStore(AppPaths.under(home));
            ConnectionService service = new ConnectionService(store, keychain, new HttpClientFactory());
            service.addProfile(
                    profile, sandbox.baseUri().toString(), AuthMode.API_KEY, Connection.DEFAULT_HEADER, null);
            service.setKey(profile, key);
            store.setCurrent(profile);
            return Optional.of(new AppWorld(home, profile, sandbox, service));
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /** The app, started as its launcher would, reporting the first frame with its table's rows and exiting. */
    StartupBench.Launch launch() {
        return new StartupBench.Launch(
                "io.approvals.console.app.Main",
                List.of("-D" + StartupSteps.EXIT_AFTER_FIRST_FRAME + "=true"),
                Map.of(AppPaths.HOME_ENV, home.toString()),
                this::forgetCachedList);
    }

    /** The environment in which a launcher finds this world's profile (its key is in the session's keychain). */
    Map<String, String> environment() {
        return Map.of(AppPaths.HOME_ENV, home.toString());
    }

    /** The app, started as its launcher would, staying open (the idle section). */
    StartupBench.Launch idleLaunch() {
        return new StartupBench.Launch(
                "io.approvals.console.app.Main",
                List.of(),
                Map.of(AppPaths.HOME_ENV, home.toString()),
                this::forgetCachedList);
    }

    /** Each launch loads its 40 approvals from the sandbox, not from the list cached by the run before. */
    private void forgetCachedList() {
        Path cache = AppPaths.under(home).cacheDir();
        if (!Files.exists(cache)) {
            return;
        }
        try (Stream<Path> files = Files.walk(cache)) {
            files.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.equals(cache))
                    .forEach(p -> {
                        try {
                            Files.delete(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            connections.removeProfile(profile);
        } finally {
            sandbox.close();
        }
    }
}
