package io.approvals.console.client;

/** How a connection presents its credential. */
public sealed interface AuthScheme {
    String DEFAULT_HEADER = "X-API-Key";

    /** The key in a header of its own, X-API-Key by default. */
    record ApiKeyHeader(String headerName) implements AuthScheme {
        public ApiKeyHeader {
            if (headerName == null || headerName.isBlank()) {
                headerName = DEFAULT_HEADER;
            }
            if (!headerName.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new IllegalArgumentException("Not a valid HTTP header name: " + headerName);
            }
        }
    }

    /** Authorization: Bearer, for SSO and DeskToken callers. */
    record Bearer() implements AuthScheme {}

    static AuthScheme header() {
        return new ApiKeyHeader(DEFAULT_HEADER);
    }
}
