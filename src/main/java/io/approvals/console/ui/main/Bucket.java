package io.approvals.console.ui.main;

/** One bar of the overview strip. styleClass colours it. */
public record Bucket(String label, int count, String styleClass) {}
