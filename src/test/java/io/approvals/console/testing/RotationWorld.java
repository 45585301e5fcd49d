package io.approvals.console.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.approvals.console.config.AppPaths;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.KeyMetadata;
import io.approvals.console.contract.Scope;
import io.approvals.console.credentials.OsKeychainStore;
import io.approvals.console.credentials.SecretServiceAssumptions;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.service.KeyRotation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real sandbox, an app home with one profile of a name of its own, and that profile's key in the real Secret
 * Service of scripts/test.sh's throwaway session (never a developer's keyring): what the rotation tests across
 * processes share. Close it to remove the keychain entries and stop the sandbox.
 */
public final class RotationWorld implements AutoCloseable {
    public final Path home;
    public final Sandbox sandbox;
    public final String profile;
    public final ApiKey firstKey;
    public final OsKeychainStore keychain = new OsKeychainStore();

    private RotationWorld(Path dir, Set<String> scopes) throws IOException {
        home = dir.resolve("home");
        sandbox = Sandbox.start(new SandboxConfig(dir.resolve("sandbox"), 0, 7));
        profile =
                "rot-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        firstKey = sandbox.issueKeyForTests(profile, profile + "@example.com", scopes, null);
        ConnectionStore store = new ConnectionStore(AppPaths.under(home));
        store.put(Connection.of(profile, sandbox.baseUri()));
        store.setCurrent(profile);
        keychain.save(profile, firstKey);
    }

    /** Skips (or, on CI, fails) unless the private keyring of scripts/test.sh is there. */
    public static RotationWorld start(Path dir) throws IOException {
        return start(dir, Set.of(Scope.READ, Scope.WRITE));
    }

    public static RotationWorld start(Path dir, Set<String> scopes) throws IOException {
        boolean privateKeyring = "1".equals(System.getenv("APPROVALS_IN_TEST_SESSION"));
        assumeTrue(privateKeyring || SecretServiceAssumptions.isCi(), "needs the throwaway keyring of scripts/test.sh");
        SecretServiceAssumptions.requireOsKeychain();
        return new RotationWorld(dir, scopes);
    }

    public Optional<ApiKey> stored() {
        return keychain.load(profile);
    }

    public Optional<ApiKey> pending() {
        return keychain.load(KeyRotation.pendingAccount(profile));
    }

    /** What the server says about the key (throws Unauthorized when it refuses it). */
    public KeyMetadata ask(ApiKey key) {
        return new HttpClientFactory()
                .create(Connection.of(profile, sandbox.baseUri()), key)
                .currentKey();
    }

    /** The rotation lock's owner file next to the connections file (see RotationLock). */
    public boolean lockHeld() {
        return Files.exists(home.resolve("config").resolve("rotation-" + profile + ".owner"));
    }

    public CliProcess cli(Path dir, String name) {
        return new CliProcess(home, dir, name);
    }

    @Override
    public void close() {
        try {
            keychain.delete(profile);
            keychain.delete(KeyRotation.pendingAccount(profile));
        } catch (RuntimeException e) {
            // the keyring may be gone after a fault test: nothing to clean then
        }
        sandbox.close();
    }
}
