package io.approvals.console.ui.keys;

import io.approvals.console.contract.ApiKey;

/** A clipboard in memory: text, and whether the last put was marked as a secret. */
final class MemoryClipboard implements SecretClipboard {
    String text;
    boolean markedSecret;

    @Override
    public void putSecret(ApiKey key) {
        text = key.reveal();
        markedSecret = true;
    }

    @Override
    public boolean holds(ApiKey key) {
        return text != null && text.equals(key.reveal());
    }

    @Override
    public void clear() {
        text = null;
        markedSecret = false;
    }

    /** The user copies something else. */
    void userCopies(String other) {
        text = other;
        markedSecret = false;
    }
}
