package io.approvals.console.ui.session;

import java.nio.file.Path;

/** A connection as typed on the welcome screen, without the key. caCert may be null. */
public record ConnectionDraft(String name, String baseUrl, boolean bearer, String headerName, Path caCert) {
}
