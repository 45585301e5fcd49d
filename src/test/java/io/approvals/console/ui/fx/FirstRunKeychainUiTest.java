package io.approvals.console.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.approvals.console.app.DesktopEnvironment;
import io.approvals.console.config.AppPaths;
import io.approvals.console.contract.ApiKey;
import io.approvals.console.credentials.OsKeychainStore;
import io.approvals.console.credentials.SecretServiceAssumptions;
import io.approvals.console.credentials.TimeoutSecretStore;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.common.FxBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sandbox path with the real OS keychain: the sandbox's key ends up in the Secret Service.
 * Runs only inside scripts/test.sh's private, throwaway keyring (it writes the account "sandbox",
 * which must never touch a developer's real keyring).
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunKeychainUiTest {
    @TempDir
    Path home;

    DesktopEnvironment env;
    FxBackground background;
    ConsoleUi ui;
    final OsKeychainStore keychain = new OsKeychainStore();

    /** Before the extension starts anything: an aborted assumption here skips the class. */
    @BeforeAll
    static void privateKeyringOnly() {
        boolean privateKeyring = "1".equals(System.getenv("APPROVALS_IN_TEST_SESSION"));
        assumeTrue(privateKeyring || SecretServiceAssumptions.isCi(), "needs the throwaway keyring of scripts/test.sh");
        SecretServiceAssumptions.requireOsKeychain();
    }

    @Start
    void start(Stage stage) {
        env = new DesktopEnvironment(AppPaths.under(home), new TimeoutSecretStore(keychain), new HttpClientFactory());
        background = new FxBackground();
        ui = new ConsoleUi(stage, env, background, Clock.systemUTC(), "test");
        ui.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (ui == null) {
            return;
        }
        org.testfx.api.FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(ui::stop).get();
        env.close();
        background.close();
        keychain.delete(DesktopEnvironment.SANDBOX);
    }

    @Test
    void theSandboxKeyIsStoredInTheKeychain(FxRobot robot) throws Exception {
        Waits.until(() -> robot.lookup("#sandboxButton").tryQuery().isPresent());
        robot.clickOn("#sandboxButton");
        Waits.until(() -> robot.lookup("#approvalsTable")
                .tryQuery()
                .map(n -> ((TableView<?>) n).getItems().size() == 40)
                .orElse(false));
        ApiKey admin = ApiKey.of(
                Files.readString(home.resolve("data").resolve("sandbox").resolve("admin.key")));
        assertThat(keychain.load(DesktopEnvironment.SANDBOX))
                .hasValueSatisfying(k -> assertThat(k.matches(admin)).isTrue());
        assertThat(robot.lookup("#statusKey").<Labeled>query().getText())
                .contains(keychain.backendName())
                .doesNotContain(admin.reveal());
    }
}
