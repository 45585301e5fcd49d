package io.approvals.console.credentials;

/**
 * The one place the OS keychain is put together for the app, the CLI and the bench: the platform's store behind
 * the call time-out, so no caller can forget the time-out a locked keyring needs.
 */
public final class SecretStores {
    private SecretStores() {}

    /** onWaiting hears when a call has been slow for a moment (an unlock prompt), and again when it ends. */
    public static TimeoutSecretStore osKeychain(TimeoutSecretStore.WaitingListener onWaiting) {
        return new TimeoutSecretStore(new OsKeychainStore()).onWaiting(onWaiting);
    }
}
