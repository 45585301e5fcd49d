package io.approvals.console.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.TestKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real OS keychain (a private gnome-keyring under scripts/test.sh). */
class OsKeychainStoreTest {
    private final OsKeychainStore store = new OsKeychainStore();
    private final String account = "test-" + UUID.randomUUID();

    private boolean keychainThere;

    @BeforeEach
    void keychainIsThere() {
        SecretServiceAssumptions.requireOsKeychain();
        keychainThere = true;
    }

    @AfterEach
    void cleanUp() {
        if (keychainThere) {
            store.delete(account);
        }
        store.close();
    }

    @Test
    void keepsOneConnectionYetReadsWhatAnotherProgramStored() throws Exception {
        assumeTrue(SecretServiceAssumptions.isLinux(), "the kept Secret Service session is Linux's");
        ApiKey first = TestKeys.random();
        store.save(account, first);
        assertThat(store.load(account))
                .hasValueSatisfying(k -> assertThat(k.matches(first)).isTrue());

        ApiKey second = TestKeys.random();
        secretToolStore(second); // another program replaces it

        assertThat(store.load(account))
                .hasValueSatisfying(k -> assertThat(k.matches(second)).isTrue());
        assertThat(store.loadEach(java.util.List.of(account, account + "#pending"))
                        .get(0))
                .hasValueSatisfying(k -> assertThat(k.matches(second)).isTrue());
        assertThat(store.probe().reachable()).isTrue();
        assertThat(store.keyringsOpened())
                .as("one connection and key exchange for all of it")
                .isEqualTo(1);

        secretTool("clear", "service", OsKeychainStore.SERVICE, "account", account); // and removes it
        assertThat(store.load(account)).isEmpty();
    }

    @Test
    void closingLetsGoOfTheConnectionAndTheNextCallOpensAnother() {
        assumeTrue(SecretServiceAssumptions.isLinux(), "the kept Secret Service session is Linux's");
        ApiKey key = TestKeys.random();
        store.save(account, key);

        store.close();

        assertThat(store.load(account))
                .hasValueSatisfying(k -> assertThat(k.matches(key)).isTrue());
        assertThat(store.keyringsOpened()).isEqualTo(2);
    }

    @Test
    void storesReadsBackAndDeletes() {
        ApiKey key = TestKeys.random();
        assertThat(store.load(account)).isEmpty();

        store.save(account, key);

        assertThat(store.load(account))
                .hasValueSatisfying(k -> assertThat(k.matches(key)).isTrue());
        store.delete(account);
        assertThat(store.load(account)).isEmpty();
    }

    @Test
    void loadEachReadsSeveralAccountsInOrderInOneGo() {
        ApiKey key = TestKeys.random();
        store.save(account, key);

        var keys = store.loadEach(java.util.List.of(account + "#pending", account));

        assertThat(keys).hasSize(2);
        assertThat(keys.get(0)).isEmpty();
        assertThat(keys.get(1))
                .hasValueSatisfying(k -> assertThat(k.matches(key)).isTrue());
    }

    @Test
    void secretToolFindsTheKeyUnderServiceAndAccount() throws Exception {
        assumeTrue(SecretServiceAssumptions.isLinux() || SecretServiceAssumptions.isCi(), "secret-tool is Linux only");
        ApiKey key = TestKeys.random();
        store.save(account, key);

        String found = secretTool("lookup", "service", OsKeychainStore.SERVICE, "account", account);

        assertThat(ApiKey.of(found).matches(key)).isTrue();
    }

    @Test
    void aKeyStoredBySecretToolIsReadByTheStore() throws Exception {
        assumeTrue(SecretServiceAssumptions.isLinux() || SecretServiceAssumptions.isCi(), "secret-tool is Linux only");
        ApiKey key = TestKeys.random();
        secretToolStore(key);

        assertThat(store.load(account))
                .hasValueSatisfying(k -> assertThat(k.matches(key)).isTrue());
    }

    @Test
    void overwriteReplacesTheKeyAndLeavesOneItem() throws Exception {
        ApiKey first = TestKeys.random();
        ApiKey second = TestKeys.random();
        store.save(account, first);

        store.save(account, second);

        assertThat(store.load(account))
                .hasValueSatisfying(k -> assertThat(k.matches(second)).isTrue());
        if (SecretServiceAssumptions.isLinux()) {
            String all = secretTool("search", "--all", "service", OsKeychainStore.SERVICE, "account", account);
            assertThat(all.split("\\[/", -1)).hasSize(2); // exactly one item
            assertThat(secretTool("lookup", "service", OsKeychainStore.SERVICE, "account", account))
                    .isEqualTo(second.reveal());
        }
    }

    @Test
    void deletingWhatIsNotThereIsFine() {
        store.delete(account);
        assertThat(store.load(account)).isEmpty();
    }

    @Test
    void probeSaysReachableAndNamesTheBackend() {
        Availability a = store.probe();
        assertThat(a.reachable()).isTrue();
        assertThat(a.backend()).isEqualTo(store.backendName());
        if (SecretServiceAssumptions.isLinux()) {
            assertThat(store.backendName()).isEqualTo("Secret Service");
        }
    }

    private void secretToolStore(ApiKey key) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "secret-tool", "store", "--label=test", "service", OsKeychainStore.SERVICE, "account", account)
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().write(key.reveal().getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static String secretTool(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "secret-tool";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.strip();
    }
}
