package io.approvals.console.service;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.credentials.Availability;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.credentials.SecretStore;
import java.util.Optional;

/** Wraps a store and fails the calls a test's rule picks, the way a keychain fails (KeychainException). */
public final class FaultySecretStore implements SecretStore {
    /** Decides whether a call fails: op is "save", "load" or "delete". */
    @FunctionalInterface
    public interface Rule {
        boolean fails(String op, String account);
    }

    private final SecretStore inner;
    private volatile Rule rule = (op, account) -> false;
    private volatile Availability probeAnswer;

    public FaultySecretStore(SecretStore inner) {
        this.inner = inner;
    }

    public FaultySecretStore failWhen(Rule r) {
        this.rule = r;
        return this;
    }

    /** probe() answers this until heal() (the keychain locked or gone); the other calls still work. */
    public FaultySecretStore probeAnswers(Availability a) {
        this.probeAnswer = a;
        return this;
    }

    public void heal() {
        rule = (op, account) -> false;
        probeAnswer = null;
    }

    private void check(String op, String account) {
        if (rule.fails(op, account)) {
            throw new KeychainException(
                    KeychainException.Kind.ERROR, "The test keychain refused to " + op + ".", "Try again.");
        }
    }

    @Override
    public String backendName() {
        return inner.backendName();
    }

    @Override
    public Availability probe() {
        Availability a = probeAnswer;
        return a != null ? a : inner.probe();
    }

    @Override
    public void save(String account, ApiKey key) {
        check("save", account);
        inner.save(account, key);
    }

    @Override
    public Optional<ApiKey> load(String account) {
        check("load", account);
        return inner.load(account);
    }

    @Override
    public void delete(String account) {
        check("delete", account);
        inner.delete(account);
    }
}
