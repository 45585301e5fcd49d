package io.approvals.console.bench;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.ui.session.ConnectionDraft;
import io.approvals.console.ui.session.ConsoleEnvironment;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.KeyInfo;
import io.approvals.console.ui.session.UiSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The app's UI wired in-process for the bench: ConsoleUi opens its main window on a session the bench made; the
 * list cache lives where the bench says (a fresh directory per run, so each run fetches and does not show a cached
 * list). Nothing else is used: the bench never opens the welcome screen or a keychain.
 */
final class BenchEnvironment implements ConsoleEnvironment {
    private volatile Path cacheDir;

    BenchEnvironment(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    void cacheDir(Path dir) {
        this.cacheDir = dir;
    }

    @Override
    public List<String> connectionNames() {
        return List.of("bench");
    }

    @Override
    public Optional<String> currentConnection() {
        return Optional.of("bench");
    }

    @Override
    public ConsoleSession open(String connectionName) {
        throw new UnsupportedOperationException("the bench opens its sessions itself");
    }

    @Override
    public KeyInfo verify(ConnectionDraft draft, ApiKey key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ConsoleSession save(ConnectionDraft draft, ApiKey key, boolean sessionOnly) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ConsoleSession replaceKey(String connectionName, ApiKey key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ConnectionDraft connection(String connectionName) {
        throw new UnsupportedOperationException("the bench has no settings dialog");
    }

    @Override
    public ConsoleSession updateConnection(ConnectionDraft draft) {
        throw new UnsupportedOperationException("the bench has no settings dialog");
    }

    @Override
    public io.approvals.console.service.ConnectionService keyService(String connectionName) {
        throw new UnsupportedOperationException("the bench has no key panel");
    }

    @Override
    public ConsoleSession startSandbox() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Path cacheDir() {
        return cacheDir;
    }

    @Override
    public UiSettings settings() {
        return UiSettings.defaults();
    }

    @Override
    public void saveSettings(UiSettings settings) {}

    @Override
    public void close() {}
}
