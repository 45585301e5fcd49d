package io.approvals.console.ui.session;

import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.client.PendingFetch;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A session that comes with its first pending list, fetched (or being fetched) while the window was being made, so
 * that the window's first frame can show the data and no second request is sent for it. The list is handed out
 * once: a window opened later on this session fetches its own.
 */
public final class PrefetchedSession implements ConsoleSession {
    private final ConsoleSession session;
    private final AtomicReference<PendingFetch> first;

    public PrefetchedSession(ConsoleSession session, PendingFetch first) {
        this.session = session;
        this.first = new AtomicReference<>(first);
    }

    @Override
    public Optional<PendingFetch> takeFirstPage() {
        return Optional.ofNullable(first.getAndSet(null));
    }

    @Override
    public String connectionName() {
        return session.connectionName();
    }

    @Override
    public String baseUrl() {
        return session.baseUrl();
    }

    @Override
    public ApprovalsApi api() {
        return session.api();
    }

    @Override
    public KeyInfo key() {
        return session.key();
    }

    @Override
    public String backendName() {
        return session.backendName();
    }

    @Override
    public boolean isSandbox() {
        return session.isSandbox();
    }

    @Override
    public boolean keyChecked() {
        return session.keyChecked();
    }

    @Override
    public String notice() {
        return session.notice();
    }
}
