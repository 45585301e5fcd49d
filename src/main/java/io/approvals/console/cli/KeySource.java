package io.approvals.console.cli;

/** Where a run's key came from, in precedence order (docs/cli.md): --key-file, then APPROVALS_API_KEY, then the keychain. */
enum KeySource {
    KEY_FILE("--key-file"),
    ENVIRONMENT(CliEnvironment.API_KEY),
    KEYCHAIN("keychain");

    private final String label;

    KeySource(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Keys from a file or the environment are used for this run only and written nowhere. */
    boolean forThisRunOnly() {
        return this != KEYCHAIN;
    }
}
