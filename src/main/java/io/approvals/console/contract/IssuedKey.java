package io.approvals.console.contract;

/** Answer of issue and regenerate: the full key, shown once, and its metadata. toString masks the key. */
public record IssuedKey(ApiKey key, KeyMetadata apiKey) {}
