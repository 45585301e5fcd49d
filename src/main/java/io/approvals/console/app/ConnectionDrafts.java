package io.approvals.console.app;

import io.approvals.console.client.OpenApiDiscovery;
import io.approvals.console.config.AuthMode;
import io.approvals.console.config.Connection;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.ServiceException;
import io.approvals.console.ui.session.ConnectionDraft;
import io.approvals.console.ui.session.Discovered;
import java.net.URI;
import java.util.List;

/** Between what the connection form holds and a stored {@link Connection}: checks, conversion, discovery. */
final class ConnectionDrafts {
    private ConnectionDrafts() {}

    static Discovered discover(ConnectionDraft draft, boolean keepAuth) {
        Connection c = toConnection(draft);
        OpenApiDiscovery.Found found;
        try {
            found = OpenApiDiscovery.discover(c.baseUrl(), null, c.caCertPath());
        } catch (IllegalArgumentException e) {
            throw new ServiceException(ServiceException.Kind.INVALID_INPUT, e.getMessage());
        }
        if (found.result().isEmpty()) {
            return new Discovered(draft, null, found.tried(), List.of());
        }
        var r = found.result().get();
        Connection d = ConnectionService.withDiscovered(c, r, keepAuth);
        return new Discovered(
                new ConnectionDraft(
                        draft.name(),
                        draft.baseUrl(),
                        d.authMode() == AuthMode.BEARER,
                        d.headerName(),
                        draft.caCert(),
                        d.dialect()),
                r.dialect().source(),
                found.tried(),
                r.notes());
    }

    static ConnectionDraft draftOf(Connection c) {
        return new ConnectionDraft(
                c.name(),
                c.baseUrl().toString(),
                c.authMode() == AuthMode.BEARER,
                c.headerName(),
                c.caCertPath(),
                c.dialect());
    }

    static Connection toConnection(ConnectionDraft d) {
        String url = d.baseUrl() == null ? "" : d.baseUrl().strip();
        if (url.isEmpty()) {
            throw new ServiceException(
                    ServiceException.Kind.INVALID_INPUT, "A URL is needed, e.g. https://approvals.example.com");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(
                    ServiceException.Kind.INVALID_INPUT, "Not a URL. Write it like https://approvals.example.com");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new ServiceException(
                    ServiceException.Kind.INVALID_INPUT, "Not a URL. Write it like https://approvals.example.com");
        }
        try {
            return new Connection(
                    d.name(),
                    uri,
                    d.bearer() ? AuthMode.BEARER : AuthMode.API_KEY,
                    d.headerName(),
                    d.caCert(),
                    null,
                    d.dialect());
        } catch (IllegalArgumentException e) {
            throw new ServiceException(ServiceException.Kind.INVALID_INPUT, e.getMessage());
        }
    }
}
