package io.approvals.console.client;

import io.approvals.console.contract.KeyMetadata;

/**
 * What verifying a key found. metadata is null when the server has no /apikeys endpoints; then the
 * key was checked with a one-item list instead, and rotation must be done by hand.
 */
public record KeyVerification(KeyMetadata metadata, boolean keyEndpointsAvailable) {}
