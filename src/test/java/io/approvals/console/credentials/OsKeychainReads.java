package io.approvals.console.credentials;

import io.approvals.console.contract.ApiKey;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One {@link OsKeychainStore} kept for several reads in a JVM of its own, with other programs changing the keychain
 * in between: {@code OsKeychainReads ACCOUNT STEP...}, where a step is {@code load} (prints "present FINGERPRINT
 * opened N", "absent opened N" or "KeychainException KIND opened N"; N = keyrings the store opened so far) or the
 * path of a shell script to run and wait for. The key itself is never printed.
 */
public final class OsKeychainReads {
    private OsKeychainReads() {}

    public static void main(String[] args) throws Exception {
        OsKeychainStore store = new OsKeychainStore();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("load")) {
                String seen;
                try {
                    Optional<ApiKey> key = store.load(args[0]);
                    seen = key.map(k -> "present " + k.fingerprint()).orElse("absent");
                } catch (KeychainException e) {
                    seen = "KeychainException " + e.kind();
                }
                System.out.println(seen + " opened " + store.keyringsOpened());
            } else {
                Process p = new ProcessBuilder("sh", Path.of(args[i]).toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    System.out.println("step timed out: " + Path.of(args[i]).getFileName());
                }
            }
        }
        store.close();
        System.exit(0);
    }
}
