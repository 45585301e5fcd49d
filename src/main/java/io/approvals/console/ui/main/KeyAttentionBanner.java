package io.approvals.console.ui.main;

/**
 * What about the key stays wrong until someone acts (a rotation left half-done, a key left Expiring or refused),
 * with the one action that fixes it; actionLabel and action are null when there is nothing to do but wait.
 */
public record KeyAttentionBanner(String text, String actionLabel, Runnable action) {}
