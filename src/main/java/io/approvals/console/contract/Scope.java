package io.approvals.console.contract;

import java.util.Collection;
import java.util.List;

/** The contract's scopes. They are independent: a key may hold any set. */
public final class Scope {
    public static final String READ = "read";
    public static final String WRITE = "write";
    public static final String ADMIN = "admin";
    public static final List<String> ALL = List.of(READ, WRITE, ADMIN);

    private Scope() {}

    public static boolean isKnown(String scope) {
        return ALL.contains(scope);
    }

    public static boolean has(Collection<String> scopes, String scope) {
        return scopes != null && scopes.stream().anyMatch(s -> s.equalsIgnoreCase(scope));
    }
}
