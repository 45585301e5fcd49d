package io.approvals.console.config;

import io.approvals.console.contract.Dialect;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A connection (profile): where the API is and how to present the key, plus what was learnt when the key
 * was last verified. Never the secret itself: that lives in the keychain under account = name.
 * caCertPath and verified may be null.
 */
public record Connection(
        String name,
        URI baseUrl,
        AuthMode authMode,
        String headerName,
        Path caCertPath,
        VerifiedKey verified,
        Dialect dialect) {
    public static final String DEFAULT_HEADER = "X-API-Key";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public Connection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("Not a usable connection name: '" + name
                    + "'. Use 1 to 64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit.");
        }
        authMode = authMode == null ? AuthMode.API_KEY : authMode;
        headerName = headerName == null || headerName.isBlank() ? DEFAULT_HEADER : headerName.trim();
        if (!HEADER.matcher(headerName).matches()) {
            throw new IllegalArgumentException("Not a valid HTTP header name: '" + headerName + "'.");
        }
    }

    public Connection(
            String name, URI baseUrl, AuthMode authMode, String headerName, Path caCertPath, VerifiedKey verified) {
        this(name, baseUrl, authMode, headerName, caCertPath, verified, null);
    }

    /** How the server spells the API: learnt from its OpenAPI document or set by hand; the contract's when null. */
    public Dialect dialectOrContract() {
        return dialect == null ? Dialect.CONTRACT : dialect;
    }

    public Connection withDialect(Dialect d) {
        return new Connection(name, baseUrl, authMode, headerName, caCertPath, verified, d);
    }

    public Connection withAuth(AuthMode mode, String header) {
        return new Connection(name, baseUrl, mode, header, caCertPath, verified, dialect);
    }

    public static Connection of(String name, URI baseUrl) {
        return new Connection(name, baseUrl, AuthMode.API_KEY, DEFAULT_HEADER, null, null);
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public Connection withVerified(VerifiedKey facts) {
        return new Connection(name, baseUrl, authMode, headerName, caCertPath, facts, dialect);
    }

    public Connection withBaseUrl(URI url) {
        return new Connection(name, url, authMode, headerName, caCertPath, verified, dialect);
    }
}
