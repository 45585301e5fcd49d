package io.approvals.console.ui.session;

/**
 * Where the main window was when the app last closed: its bounds as it was last shown not maximized (in screen
 * coordinates, decorations included), and whether it was maximized.
 */
public record WindowState(double x, double y, double width, double height, boolean maximized) {}
