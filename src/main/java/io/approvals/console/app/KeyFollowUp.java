package io.approvals.console.app;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.SwitchableApi;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.KeyAttention;
import io.approvals.console.service.KeyReport;
import io.approvals.console.service.KeyRotation;
import io.approvals.console.service.RotationResult;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.KeyInfo;
import io.approvals.console.ui.session.KeyLook;
import java.util.Optional;

/**
 * Keeps an opened connection's key current: facts checked after a start-up that skipped them, a key another
 * program replaced, a rotation left half-done.
 */
final class KeyFollowUp {
    private final ConnectionStore store;
    private final KeyHolders keys;
    private final DesktopSessions sessions;

    KeyFollowUp(ConnectionStore store, KeyHolders keys, DesktopSessions sessions) {
        this.store = store;
        this.keys = keys;
        this.sessions = sessions;
    }

    Optional<ConsoleSession> recheckKey(ConsoleSession opened) {
        String name = opened.connectionName();
        if (opened.keyChecked() || store.find(name).isEmpty()) {
            return Optional.empty();
        }
        KeyReport report;
        try {
            report = keys.holding(name).verify(name);
        } catch (ApiException e) {
            // Offline or refused: the last known facts do, and the window's own requests report the trouble.
            return Optional.empty();
        }
        if (!opened.key().fingerprint().equals(report.fingerprint())) {
            // Replaced meanwhile: whoever replaced it opened the connection again.
            return Optional.empty();
        }
        KeyInfo info = DesktopSessions.keyInfo(
                keys.keychain().profile(name).verified(),
                opened.key().masked(),
                opened.key().fingerprint());
        return info.equals(opened.key())
                ? Optional.empty()
                : Optional.of(DesktopSessions.withKey(opened, opened.api(), info, opened.backendName()));
    }

    KeyLook lookAtKey(ConsoleSession opened) {
        String name = opened.connectionName();
        store.refreshIfChangedOnDisk(); // the other program recorded the new key's facts
        if (store.find(name).isEmpty()) {
            return KeyLook.nothing();
        }
        ConnectionService service = keys.holding(name);
        KeyAttention.Look look = KeyAttention.Look.take(service, name);
        String settled = null;
        if (look.pending() && look.rotatingElsewhere().isEmpty()) {
            // left by a program that died mid-rotation (or whose server did not answer): settle it now
            settled = recoverRotation(service, name);
            look = KeyAttention.Look.take(service, name);
        } else if (!look.pending()) {
            new KeyRotation(service).clearStaleClaim(name);
        }
        Optional<ConsoleSession> switched = Optional.empty();
        ApiKey stored = look.stored().orElse(null);
        if (stored != null
                && !stored.fingerprint().equals(opened.key().fingerprint())
                && opened.api() instanceof SwitchableApi api) {
            Connection c = refreshFacts(service, keys.keychain().profile(name));
            api.use(sessions.clients().create(c, stored));
            switched = Optional.of(DesktopSessions.withKey(
                    opened,
                    api,
                    DesktopSessions.keyInfo(c.verified(), stored.masked(), stored.fingerprint()),
                    service.backendName()));
            look = KeyAttention.Look.take(service, name);
        }
        return new KeyLook(switched, settled, look.attention().orElse(null));
    }

    /** A rotation the app or the CLI left half-done is finished or rolled back before the key is used. */
    static String recoverRotation(ConnectionService service, String name) {
        try {
            return new KeyRotation(service)
                    .recover(name)
                    .map(RotationResult::message)
                    .orElse(null);
        } catch (KeychainException | ApiException e) {
            return "An interrupted key rotation could not be checked: " + e.getMessage();
        }
    }

    /** Verifies again to learn the current scopes; offline or refused, the last known facts do. */
    Connection refreshFacts(ConnectionService service, Connection c) {
        try {
            service.verify(c.name());
            return keys.keychain().profile(c.name());
        } catch (ApiException e) {
            return c;
        }
    }
}
