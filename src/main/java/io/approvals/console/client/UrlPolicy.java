package io.approvals.console.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the key may go: only over https, or http to this machine; never with credentials in the URL; and for a
 * Location the server names, only to the profile's own origin.
 */
public final class UrlPolicy {
    private UrlPolicy() {}

    /** Refuses a URL over which the key would travel in clear text, or that is not a URL at all. */
    public static void checkUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("Not an http(s) URL: " + url);
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The URL must not contain a user name or password.");
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new ApiException.InsecureUrl(url.getHost());
        }
    }

    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name other than localhost: never resolve it to decide
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() > 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /**
     * The path (below the base URL's own path) of a Location on the base URL's origin, to be read with the key;
     * empty when it is elsewhere.
     */
    static Optional<String> pathOnOrigin(URI baseUrl, String location) {
        URI target = baseUrl.resolve(location);
        if (!sameOrigin(target, baseUrl)) {
            return Optional.empty();
        }
        String prefix = stripSlash(baseUrl.getPath());
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        if (!prefix.isEmpty() && path.startsWith(prefix)) {
            path = path.substring(prefix.length());
        }
        return Optional.of(path);
    }

    /** The last segment of a Location (the new item's id), decoded; null when there is none. */
    static String idFromLocation(String location) {
        if (location == null) {
            return null;
        }
        String path = location.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? null : java.net.URLDecoder.decode(last, StandardCharsets.UTF_8);
    }

    static String stripSlash(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
