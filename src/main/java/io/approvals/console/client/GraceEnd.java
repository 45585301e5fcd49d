package io.approvals.console.client;

import io.approvals.console.contract.KeyMetadata;

/**
 * What asking the server to end a key's grace period early found ({@code POST /apikeys/{id}/expire-previous}, an
 * extension of the contract that the bundled sandbox serves). key is the key's metadata as the server answered, or
 * null when endpointAvailable is false: the server has no such endpoint (it answered 404 or 405 for the path itself,
 * not for the key), so the older secret keeps working until its grace period ends or the key is revoked.
 */
public record GraceEnd(KeyMetadata key, boolean endpointAvailable) {
    public static final GraceEnd UNAVAILABLE = new GraceEnd(null, false);

    public static GraceEnd ended(KeyMetadata key) {
        return new GraceEnd(key, true);
    }
}
