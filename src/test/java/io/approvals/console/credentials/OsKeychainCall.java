package io.approvals.console.credentials;

import io.approvals.console.contract.ApiKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One {@link OsKeychainStore} call in a JVM of its own, for tests that give it a private D-Bus session
 * (the store reads the session bus from the environment). Prints one line: "present", "absent", "saved",
 * or "KeychainException KIND: message"; anything else thrown is printed as "unexpected CLASS" and exits 3.
 * The key itself is never printed.
 *
 * <p>Usage: {@code OsKeychainCall load ACCOUNT} or {@code OsKeychainCall save ACCOUNT} (the key on stdin).
 */
public final class OsKeychainCall {
    private OsKeychainCall() {}

    public static void main(String[] args) throws Exception {
        OsKeychainStore store = new OsKeychainStore();
        try {
            if (args[0].equals("save")) {
                String key = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                store.save(args[1], ApiKey.of(key.strip()));
                System.out.println("saved");
            } else {
                Optional<ApiKey> key = store.load(args[1]);
                System.out.println(key.isPresent() ? "present" : "absent");
            }
        } catch (KeychainException e) {
            System.out.println("KeychainException " + e.kind() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            System.out.println("unexpected " + e.getClass().getName());
            System.exit(3);
        }
        System.exit(0);
    }
}
