package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.TestKeys;
import io.approvals.console.credentials.SessionOnlyStore;
import io.approvals.console.sandbox.Sandbox;
import io.approvals.console.sandbox.SandboxConfig;
import io.approvals.console.service.HttpClientFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's "wait" (429) has its own exit code, so a script can tell "try again later" from other failures.
 * A sandbox of its own: the limit is per client address, and every test here runs from 127.0.0.1.
 */
class RateLimitedSandboxTest {
    private static final ApiKey UNKNOWN = TestKeys.canary();

    @TempDir
    static Path sandboxDir;

    private static Sandbox sandbox;

    @TempDir
    Path root;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(new SandboxConfig(sandboxDir, 0, 0));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void tooManyFailedAuthenticationsIsExit9WithTheWaitInTheMessage() {
        CliHarness cli = new CliHarness(new SessionOnlyStore(), root, new HttpClientFactory())
                .env(Map.of("APPROVALS_URL", sandbox.baseUri().toString(), "APPROVALS_API_KEY", UNKNOWN.reveal()));
        // the sandbox answers 401 to the first 20 failed authentications from an address within a minute, then 429
        List<Integer> codes = new ArrayList<>();
        CliHarness.Result r;
        do {
            r = cli.run("approvals", "list");
            codes.add(r.code());
        } while (r.code() == ExitCodes.AUTH && codes.size() <= 25);

        assertThat(codes).hasSizeBetween(2, 22);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.RATE_LIMITED);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err())
                .startsWith("error: The server asked us to wait. Trying again is possible in ")
                .endsWith(" s.\n");
        assertThat(cli.run("key", "status", "--check").code()).isEqualTo(ExitCodes.RATE_LIMITED);
        assertThat(cli.transcript()).doesNotContain(UNKNOWN.reveal()).doesNotContain(TestKeys.CANARY_BODY);
    }
}
