package io.approvals.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.config.AppPaths;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.Connection;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.credentials.RecordingSecretStore;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.ClientFactory;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.service.ServiceException;
import io.approvals.console.ui.session.ConsoleSession;
import io.approvals.console.ui.session.EarlyStart;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the desktop app does while the toolkit starts, against a real sandbox over HTTP (the keychain is a memory
 * store: the real one is tested in the credentials tests): the current connection is opened with the key facts last
 * verified, its first page comes along without a key check before it, and the key is checked again afterwards.
 */
@Timeout(60)
class DesktopStartupTest {
    @TempDir
    Path dir;

    Sandbox sandbox;
    AppPaths paths;
    SessionOnlyStore keychain = new SessionOnlyStore();
    List<String> calls = new CopyOnWriteArrayList<>();
    ClientFactory clients;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(new SandboxConfig(dir.resolve("sandbox"), 0, null));
        paths = AppPaths.under(dir.resolve("home"));
        HttpClientFactory real = new HttpClientFactory();
        clients = (connection, key) -> recording(real.create(connection, key));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private ApprovalsApi recording(ApprovalsApi real) {
        return (ApprovalsApi) Proxy.newProxyInstance(
                ApprovalsApi.class.getClassLoader(), new Class<?>[] {ApprovalsApi.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A saved profile "prod" (current) whose key was verified when it was set. */
    private ConnectionService profileWithKey(ApiKey key) {
        ConnectionService service = new ConnectionService(new ConnectionStore(paths), keychain, clients);
        service.addProfile("prod", sandbox.baseUri().toString(), AuthMode.API_KEY, Connection.DEFAULT_HEADER, null);
        service.setKey("prod", key);
        new ConnectionStore(paths).setCurrent("prod");
        calls.clear();
        return service;
    }

    private DesktopStartup startup() {
        return new DesktopStartup(s -> new DesktopEnvironment(paths, keychain, clients));
    }

    @Test
    void theCurrentConnectionOpensWithItsFirstPageAndNoKeyCheckBeforeIt() {
        profileWithKey(sandbox.newAdminKey().orElseThrow());

        EarlyStart early = startup().early().join();
        early.settled().join();
        ConsoleSession session = early.opening().join();

        assertThat(early.current()).contains("prod");
        assertThat(session.connectionName()).isEqualTo("prod");
        // settled: the window can show the rows in its first frame
        var firstPage = session.takeFirstPage().orElseThrow();
        assertThat(firstPage).isDone();
        assertThat(firstPage.join().items()).hasSize(40);
        assertThat(session.keyChecked()).isFalse();
        assertThat(session.key().scopes()).contains("write");
        assertThat(calls).containsExactly("fetchAllNotComplete");
    }

    @Test
    void theKeyCheckAfterwardsGivesANewSessionOnlyWhenTheServerSaysSomethingElse() {
        ApiKey readOnly = sandbox.issueKeyForTests("viewer", "viewer@example.com", Set.of("read"), null);
        profileWithKey(readOnly);
        DesktopStartup startup = startup();
        ConsoleSession opened = startup.early().join().opening().join();
        DesktopEnvironment env = startup.environment();

        assertThat(env.recheckKey(opened)).isEmpty();
        assertThat(calls).contains("verifyKey");

        // What was verified last time said read and write; the server now says read only.
        ConnectionStore store = new ConnectionStore(paths);
        Connection c = store.find("prod").orElseThrow();
        var v = c.verified();
        store.put(c.withVerified(new io.approvals.console.config.VerifiedKey(
                v.prefix(),
                v.last4(),
                v.fingerprint(),
                List.of("read", "write"),
                v.owner(),
                v.expiresAt(),
                v.status(),
                v.verifiedAt(),
                v.keyEndpointsAvailable())));
        ConsoleSession stale = startup().early().join().opening().join();
        assertThat(stale.key().canWrite()).isTrue();

        Optional<ConsoleSession> checked = env.recheckKey(stale);

        assertThat(checked).isPresent();
        assertThat(checked.get().key().scopes()).containsExactly("read");
        assertThat(checked.get().key().canWrite()).isFalse();
        assertThat(checked.get().keyChecked()).isTrue();
        assertThat(new ConnectionStore(paths)
                        .find("prod")
                        .orElseThrow()
                        .verified()
                        .scopes())
                .containsExactly("read");
    }

    @Test
    void theKeyIsReadAheadInOneKeychainCallWhileTheConnectionsAreParsedAndNotReadAgain() {
        ApiKey key = sandbox.newAdminKey().orElseThrow();
        profileWithKey(key);
        RecordingSecretStore counting = new RecordingSecretStore(keychain);
        DesktopStartup startup =
                new DesktopStartup(s -> new DesktopEnvironment(paths, s.readingAhead(paths, counting), clients));

        EarlyStart early = startup.early().join();
        early.settled().join();
        ConsoleSession session = early.opening().join();

        assertThat(session.connectionName()).isEqualTo("prod");
        assertThat(session.key().fingerprint()).isEqualTo(key.fingerprint());
        assertThat(counting.calls).containsExactly("loadEach [prod#pending, prod]");
        // handed out once: a later read asks the keychain
        startup.environment().keyService("prod").storedKeyIfAny("prod");
        assertThat(counting.calls).containsExactly("loadEach [prod#pending, prod]", "load prod");
    }

    @Test
    void withoutACurrentConnectionNothingIsOpened() {
        EarlyStart early = startup().early().join();

        assertThat(early.current()).isEmpty();
        assertThat(early.opening()).isNull();
        assertThat(calls).isEmpty();
    }

    @Test
    void aCurrentConnectionWithoutItsKeyFailsItsOpeningWithTheReasonAndNextStep() {
        ConnectionService service = profileWithKey(sandbox.newAdminKey().orElseThrow());
        service.deleteKey("prod");

        EarlyStart early = startup().early().join();

        assertThat(early.current()).contains("prod");
        assertThatThrownBy(() -> early.opening().join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("No key is stored for \u2018prod\u2019")
                .hasMessageContaining("Replace key");
        assertThat(calls).isEmpty();
    }

    @Test
    void withTheSandboxFlagAndNoConnectionTheSandboxIsStartedAndOpenedWithItsFirstPage() {
        System.setProperty(io.approvals.console.ui.ConsoleUi.OPEN_SANDBOX_PROPERTY, "true");
        DesktopStartup startup;
        try {
            startup = startup();
            startup.early().join().opening().join();
        } finally {
            System.clearProperty(io.approvals.console.ui.ConsoleUi.OPEN_SANDBOX_PROPERTY);
        }
        try {
            EarlyStart early = startup.early().join();
            ConsoleSession session = early.opening().join();

            assertThat(early.current()).contains(DesktopEnvironment.SANDBOX);
            assertThat(session.isSandbox()).isTrue();
            assertThat(session.takeFirstPage().orElseThrow().join().items()).hasSize(40);
            assertThat(new ConnectionStore(paths).current())
                    .map(Connection::name)
                    .contains(DesktopEnvironment.SANDBOX);
        } finally {
            startup.environment().close();
        }
    }
}
