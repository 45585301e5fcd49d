package io.approvals.console.config;

/** The desktop app's colour scheme; SYSTEM follows the OS where that can be detected, else light. */
public enum Theme {
    SYSTEM,
    LIGHT,
    DARK
}
