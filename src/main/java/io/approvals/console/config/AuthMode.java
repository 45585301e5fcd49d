package io.approvals.console.config;

/** How a connection presents its secret: an API key in a header of its own, or a bearer token (SSO, DeskToken). */
public enum AuthMode {
    API_KEY,
    BEARER
}
