package io.approvals.console.ui.keys;

import io.approvals.console.contract.ApiKey;

/** The system clipboard as far as a secret is concerned. Called on the UI thread. */
public interface SecretClipboard {

    /** Puts the key on the clipboard as text, marked as a secret where the platform has a way to say so. */
    void putSecret(ApiKey key);

    /** Whether the clipboard's text is this key right now. */
    boolean holds(ApiKey key);

    /** Empties the clipboard. */
    void clear();
}
